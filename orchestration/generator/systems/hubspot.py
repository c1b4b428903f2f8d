"""HubSpot, the Japan team's CRM and marketing: CRM API v3 objects as JSON Lines.

Every line is `{"id", "properties", "createdAt", "updatedAt", "archived"}` with string property
values (null when empty), as the API returns them. Contacts walk the lifecycle stages
(subscriber -> lead -> marketingqualifiedlead -> salesqualifiedlead -> opportunity -> customer),
recorded in contact_property_history; companies appear when a contact with a company domain does;
deals carry their contact and company associations. Merged duplicates come back archived.
"""

from __future__ import annotations

from typing import Any

from orchestration.generator.chance import between, pick
from orchestration.generator.clock import DAY, HOUR
from orchestration.generator.companies import Account
from orchestration.generator.ids import Counter
from orchestration.generator.journey import Journey
from orchestration.generator.kana import to_romaji
from orchestration.generator.names import FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES
from orchestration.generator.people import Person
from orchestration.generator.systems import Env, Member
from orchestration.generator.systems.hubspot_engagement import HubSpotEngagement
from orchestration.generator.variants import Context, Notation
from orchestration.generator.writers import Deliveries

_SOURCES = {
    "trade_show": "OFFLINE_SOURCES",
    "webinar": "OTHER_CAMPAIGNS",
    "list_import": "OFFLINE_SOURCES",
    "content_syndication": "REFERRALS",
    "sales_outbound": "OFFLINE_SOURCES",
}
_DEAL_STAGES = (
    "appointmentscheduled",
    "qualifiedtobuy",
    "presentationscheduled",
    "decisionmakerboughtin",
    "contractsent",
)
_TEAMS = ("Inside Sales Japan", "Field Sales Japan", "Marketing Japan")


class HubSpot:
    def __init__(self, env: Env) -> None:
        self._env = env
        self._rng = env.rng("hubspot")
        self._notation = Notation(self._rng)
        self._contact_ids = Counter(151)
        self._company_ids = Counter(9_800_000_001)
        self._deal_ids = Counter(12_000_000_001)
        clock, registry = env.clock, env.registry
        self._contacts = Deliveries(registry, clock, "hubspot", "contacts", None, "jsonl")
        self._companies = Deliveries(registry, clock, "hubspot", "companies", None, "jsonl")
        self._deals = Deliveries(registry, clock, "hubspot", "deals", None, "jsonl")
        self.engagement = HubSpotEngagement(env)
        self._owners = self._write_owners(max(3, min(30, env.people // 1_500)))
        self._company_count = 0
        self._deal_count = 0
        self._second_contacts = 0

    def _write_owners(self, count: int) -> list[str]:
        rng, clock = self._rng, self._env.clock
        out = Deliveries(self._env.registry, clock, "hubspot", "owners", None, "jsonl")
        owners = []
        for number in range(count):
            family = pick(rng, FAMILY_NAMES[:30])
            given = pick(rng, FEMALE_GIVEN_NAMES if rng.random() < 0.4 else MALE_GIVEN_NAMES)
            owner_id = str(70_000_001 + number * 37)
            local = f"{to_romaji(given.readings[0])}.{to_romaji(family.readings[0])}".lower()
            email = f"{local}@orbitdata.example"
            team = pick(rng, _TEAMS)
            teams = f'[{{"id":"{101 + _TEAMS.index(team)}","name":"{team}","primary":true}}]'
            stamp = clock.hs(clock.history_start)
            out.json(
                clock.history_start,
                {
                    "id": owner_id,
                    "email": email,
                    "firstName": given.kanji[0],
                    "lastName": family.kanji[0],
                    "userId": str(9_000_000 + number),
                    "createdAt": stamp,
                    "updatedAt": stamp,
                    "archived": False,
                    "teams": teams,
                },
            )
            owners.append(owner_id)
        return owners

    @staticmethod
    def _document(
        object_id: str, properties: dict[str, str | None], created: str, updated: str
    ) -> dict[str, Any]:
        return {
            "id": object_id,
            "properties": properties,
            "createdAt": created,
            "updatedAt": updated,
            "archived": False,
        }

    # companies ----------------------------------------------------------------------------
    def company_id(self, account: Account, needed_at: int) -> str:
        existing = account.ids.get("hs_company")
        if existing:
            return existing
        rng, clock = self._rng, self._env.clock
        company_id = self._write_company(
            account, max(clock.history_start, needed_at - between(rng, 60, HOUR))
        )
        account.ids["hs_company"] = company_id
        if rng.random() < 0.04:  # created again by hand under another name, merged later
            self._write_company(account, needed_at + between(rng, 1, 200) * DAY, duplicate=True)
        return company_id

    def _write_company(self, account: Account, created: int, duplicate: bool = False) -> str:
        rng, clock = self._rng, self._env.clock
        if created >= clock.now:
            return ""
        self._company_count += 1
        company_id = str(self._company_ids())
        employees = str(account.employees)
        if self._company_count % 31 == 9:
            employees = pick(rng, (f"約{account.employees}名", f"{account.employees}人", "100-500"))
        properties: dict[str, str | None] = {
            "name": self._notation.company(account, Context.JAPAN)
            if duplicate
            else (account.name if account.is_japanese else account.english),
            "domain": None if duplicate and rng.random() < 0.5 else account.domain,
            "industry": account.industry.hubspot,
            "numberofemployees": employees,
            "annualrevenue": str(account.revenue_usd * 150) if rng.random() < 0.7 else None,
            "country": self._notation.country(account.country, Context.JAPAN) or None,
            "hubspot_owner_id": pick(rng, self._owners),
            "createdate": clock.hs(created),
            "hs_object_id": company_id,
        }
        document = self._document(company_id, properties, clock.hs(created), clock.hs(created))
        versions = [(created, document)]
        if duplicate and rng.random() < 0.5:
            merged = max(created + DAY, clock.now - between(rng, 0, 14 * DAY))
            versions.append(
                (
                    merged,
                    {
                        **document,
                        "updatedAt": clock.hs(merged),
                        "archived": True,
                        "archivedAt": clock.hs(merged),
                    },
                )
            )
        written = self._companies.versions(versions)
        self._env.truth.account_records("hubspot", "companies", company_id, written, account)
        return company_id

    # contacts -----------------------------------------------------------------------------
    def emit(self, members: list[Member]) -> None:
        for person, journey in members:
            if not journey.in_hubspot:
                continue
            created = journey.created_at + between(self._rng, 60, 3000)
            if journey.channel == "trade_show":
                created = journey.created_at + between(self._rng, 2, 6) * DAY  # imported after the show
            primary = self._contact(person, journey, created, lifecycle=True)
            if primary and journey.hubspot_duplicate:
                self._contact(person, journey, created + between(self._rng, 3, 250) * DAY, lifecycle=False)
            if primary and person.prev_account is not None and person.job_changed_at > created:
                self._contact(
                    person,
                    journey,
                    person.job_changed_at + between(self._rng, 10, 90) * DAY,
                    lifecycle=False,
                )
        for person, journey in members:
            if (
                journey.sql_at
                and person.account_at(journey.sql_at).is_japanese
                and "hs_contact" in person.ids
            ):
                self._deal(person, journey, members)

    def _lifecycle(self, journey: Journey, created: int) -> list[tuple[int, str, str]]:
        """(time, property, value) changes of lifecyclestage and hs_lead_status."""
        now = self._env.clock.now
        events = [
            (
                created,
                "lifecyclestage",
                "lead" if journey.inquiry_at and journey.inquiry_at <= created else "subscriber",
            ),
            (created, "hs_lead_status", "NEW"),
        ]
        if journey.inquiry_at > created:
            events.append((journey.inquiry_at, "lifecyclestage", "lead"))
        for at, stage, status in (
            (journey.mql_at, "marketingqualifiedlead", "OPEN"),
            (journey.sal_at, "salesqualifiedlead", "IN_PROGRESS"),
            (journey.sql_at, "opportunity", "OPEN_DEAL"),
            (journey.closed_at if journey.won else 0, "customer", ""),
        ):
            if at:
                at = max(at, created + 1)
                events.append((at, "lifecyclestage", stage))
                if status:
                    events.append((at, "hs_lead_status", status))
        if journey.mql_at and not journey.sal_at and journey.mql_at + 10 * DAY < now:
            events.append((journey.mql_at + 10 * DAY, "hs_lead_status", "UNQUALIFIED"))
        return sorted(events)

    def _contact(self, person: Person, journey: Journey, created: int, lifecycle: bool) -> str:
        rng, clock, n = self._rng, self._env.clock, self._notation
        if created >= clock.now:
            return ""
        contact_id = str(self._contact_ids())
        account = person.account_at(created)
        personal = journey.personal_mail_user if lifecycle else rng.random() < 0.6
        email = n.email(
            person, person.email_at(created), Context.JAPAN, journey.role_mail_user, personal, lowercase=True
        )
        first, last = n.name(person, Context.JAPAN)
        free_mail = not email.endswith("@" + account.domain) and "@" in email
        properties: dict[str, str | None] = {
            "email": email or None,
            "firstname": first or None,
            "lastname": last or None,
            "company": n.company(account, Context.JAPAN) if rng.random() < 0.92 else None,
            "jobtitle": n.title(person, Context.JAPAN) or None,
            "phone": n.phone(
                person.mobile if person.mobile and rng.random() < 0.3 else person.phone, Context.JAPAN
            )
            if rng.random() < 0.85
            else None,
            "country": n.country(person.country, Context.JAPAN) or None,
            "state": account.prefecture.name if account.prefecture and rng.random() < 0.6 else None,
            "lifecyclestage": None,
            "hs_lead_status": None,
            "hs_analytics_source": _SOURCES.get(
                journey.channel, pick(rng, ("ORGANIC_SEARCH", "DIRECT_TRAFFIC", "PAID_SEARCH"))
            ),
            "hubspot_owner_id": None,
            "associatedcompanyid": None if free_mail else self.company_id(account, created),
            "hs_email_optout": "false",
            "createdate": clock.hs(created),
            "lastmodifieddate": clock.hs(created),
            "hs_object_id": contact_id,
        }
        changes: list[tuple[int, dict[str, str | None]]] = []
        events = (
            self._lifecycle(journey, created)
            if lifecycle
            else [(created, "lifecyclestage", "lead" if journey.inquiry_at else "subscriber")]
        )
        for at, prop, value in events:
            self.engagement.history(
                contact_id, prop, value, at, "AUTOMATION_PLATFORM" if at > created else "FORM"
            )
            change: dict[str, str | None] = {prop: value}
            if value == "marketingqualifiedlead":
                change["hubspot_owner_id"] = pick(rng, self._owners)
            changes.append((at, change))
        if created < journey.unsubscribed_at:
            changes.append((journey.unsubscribed_at, {"hs_email_optout": "true"}))
            self.engagement.history(contact_id, "hs_email_optout", "true", journey.unsubscribed_at, "EMAIL")
        versions: list[tuple[int, dict[str, Any]]] = []
        if not lifecycle:
            self._second_contacts += 1
        merged = not lifecycle and self._second_contacts % 3 == 1  # a third are merged away later
        for at, change in sorted(changes, key=lambda item: item[0]):
            if at > clock.now:
                break  # not happened yet at as_of
            properties = {**properties, **change, "lastmodifieddate": clock.hs(at)}
            versions.append((at, self._document(contact_id, properties, clock.hs(created), clock.hs(at))))
        if merged:
            at = max(created + DAY, clock.now - between(rng, 0, 14 * DAY))
            versions.append(
                (
                    at,
                    {
                        **versions[-1][1],
                        "updatedAt": clock.hs(at),
                        "archived": True,
                        "archivedAt": clock.hs(at),
                    },
                )
            )
        written = self._contacts.versions(versions)
        self._env.truth.records("hubspot", "contacts", contact_id, written, person, account)
        if lifecycle:
            person.ids["hs_contact"] = contact_id
        if email and not merged:
            self.engagement.emails(journey, email, created)
        self.engagement.forms(person, journey, contact_id, created, account, lifecycle)
        return contact_id

    # deals --------------------------------------------------------------------------------
    def _deal(self, person: Person, journey: Journey, members: list[Member]) -> None:
        rng, clock = self._rng, self._env.clock
        self._deal_count += 1
        account = person.account_at(journey.sql_at)
        created = journey.sql_at + HOUR
        if created >= clock.now:
            return
        deal_id = str(self._deal_ids())
        colleagues = [p.ids["hs_contact"] for p, _ in members if p is not person and "hs_contact" in p.ids]
        contacts = [person.ids["hs_contact"], *colleagues[: rng.randint(0, 2)]]
        company = self.company_id(account, created)
        amount = int(journey.amount_usd * 150 / 10_000) * 10_000
        close = created + between(rng, 60, 120) * DAY
        properties: dict[str, str | None] = {
            "dealname": f"{self._notation.company(account, Context.JAPAN)} - Orbit Data 導入",
            "dealstage": _DEAL_STAGES[0],
            "pipeline": "default",
            "amount": str(amount),
            "deal_currency_code": "JPY",
            "closedate": clock.hs(close),
            "createdate": clock.hs(created),
            "hubspot_owner_id": pick(rng, self._owners),
            "hs_object_id": deal_id,
        }
        associations = {
            "contacts": {"results": [{"id": c, "type": "deal_to_contact"} for c in contacts]},
            "companies": {"results": [{"id": company, "type": "deal_to_company"}] if company else []},
        }
        stages: list[tuple[int, str]] = []
        if journey.closed_at:
            reached = len(_DEAL_STAGES) if journey.won else rng.randint(1, len(_DEAL_STAGES))
            span = journey.closed_at - created
            stages = [(created + span * k // reached, _DEAL_STAGES[k]) for k in range(1, reached)]
            stages.append((journey.closed_at, "closedwon" if journey.won else "closedlost"))
        else:
            reached = min(len(_DEAL_STAGES), 1 + (clock.now - created) // (20 * DAY))
            stages = [(created + k * 20 * DAY, _DEAL_STAGES[k]) for k in range(1, reached)]
        document = {
            **self._document(deal_id, properties, clock.hs(created), clock.hs(created)),
            "associations": associations,
        }
        versions = [(created, document)]
        for at, stage in stages:
            change: dict[str, str | None] = {"dealstage": stage}
            if stage.startswith("closed"):
                # One spreadsheet round-trip in a while leaves a close date as 2026/11/03.
                change["closedate"] = clock.slash_date(at) if self._deal_count % 13 == 4 else clock.hs(at)
            properties = {**properties, **change}
            versions.append((at, {**document, "properties": properties, "updatedAt": clock.hs(at)}))
        self._deals.versions(versions)
