"""Salesforce, the global CRM: Bulk API CSV extracts with API-name headers.

Leads are synced from Marketo (at creation or when they become MQLs) or keyed in by sales; their
Status walks the lead lifecycle (Raw, Inquiry, MQL, Accepted, Qualifying, Qualified / Recycle /
Disqualified) with a LeadHistory row per change, and a qualified lead is converted into a
contact, an account and an opportunity. Duplicate leads are merged away later, which Salesforce
exports as IsDeleted=true.
"""

from __future__ import annotations

import random

from orchestration.generator.chance import between, pick
from orchestration.generator.clock import DAY, HOUR
from orchestration.generator.companies import Account
from orchestration.generator.ids import SalesforceIds
from orchestration.generator.journey import OUTBOUND, Journey
from orchestration.generator.people import Person
from orchestration.generator.systems import Env, Member, flag
from orchestration.generator.systems.salesforce_org import SalesforceOrg
from orchestration.generator.variants import Context, Notation
from orchestration.generator.writers import Deliveries, versioned

LEAD = (
    "Id",
    "FirstName",
    "LastName",
    "Email",
    "Phone",
    "Company",
    "Title",
    "Country",
    "State",
    "LeadSource",
    "Status",
    "OwnerId",
    "IsConverted",
    "ConvertedDate",
    "ConvertedAccountId",
    "ConvertedContactId",
    "ConvertedOpportunityId",
    "HasOptedOutOfEmail",
    "CreatedDate",
    "SystemModstamp",
    "IsDeleted",
)
LEAD_HISTORY = ("Id", "LeadId", "Field", "OldValue", "NewValue", "CreatedDate")
CAMPAIGN_MEMBER = (
    "Id",
    "CampaignId",
    "LeadId",
    "ContactId",
    "Status",
    "HasResponded",
    "FirstRespondedDate",
    "CreatedDate",
)
_L = {name: i for i, name in enumerate(LEAD)}

# Lead sources as different people pick them from the picklist (and a few free-typed ones).
LEAD_SOURCES = {
    "web_form": ("Web", "Web", "Web", "Website"),
    "paid": ("Advertisement", "Paid Search", "Web"),
    "webinar": ("Webinar", "Webinar", "Seminar - Partner"),
    "content_syndication": ("Content Syndication", "Purchased List"),
    "trade_show": ("Trade Show", "Trade Show", "Tradeshow", "展示会"),
    "list_import": ("Purchased List", "List Import"),
    "sales_outbound": ("Outbound", "Other", "Employee Referral"),
}


def lead_source(rng: random.Random, person: Person, journey: Journey) -> str:
    """The converted lead's source, or a fresh pick for a contact sales added by hand."""
    return person.ids.get("sf_lead_source") or pick(rng, LEAD_SOURCES.get(journey.channel, ("Other",)))


_CAMPAIGN_MEMBER_STATUS = {"Visited Booth": "Attended", "Attended": "Attended", "No Show": "Registered"}


class Salesforce:
    def __init__(self, env: Env, ids: SalesforceIds, org: SalesforceOrg) -> None:
        self._env = env
        self._rng = env.rng("salesforce")
        self._notation = Notation(self._rng)
        self._ids = ids
        self.org = org
        clock, registry = env.clock, env.registry
        self._leads = Deliveries(registry, clock, "salesforce", "lead", LEAD)
        self._history = Deliveries(registry, clock, "salesforce", "lead_history", LEAD_HISTORY)
        self._members = Deliveries(registry, clock, "salesforce", "campaign_member", CAMPAIGN_MEMBER)
        self._converted = 0
        self._duplicates = 0

    def render(self, person: Person, journey: Journey, at: int) -> list[str]:
        return self._notation.crm_fields(person, at, journey.role_mail_user, journey.personal_mail_user)

    def _state(self, person: Person) -> str:
        rng = self._rng
        if person.country.states and rng.random() < 0.8:
            code, name = pick(rng, person.country.states)
            return code if rng.random() < 0.7 else name
        prefecture = person.account.prefecture
        if person.country.code == "JP" and prefecture and rng.random() < 0.6:
            return prefecture.romaji if rng.random() < 0.7 else prefecture.name
        return ""

    # leads -------------------------------------------------------------------------------
    def emit(self, members: list[Member]) -> None:
        for person, journey in members:
            if not journey.in_salesforce:
                continue
            if journey.sql_at and not person.account_at(journey.sql_at).is_japanese:
                # Global deals are converted here; the Japan team runs its deals in HubSpot.
                person.ids["sf_contact"] = self._ids.new("contact")
                person.ids["sf_opportunity"] = self._ids.new("opportunity")
            self._primary_lead(person, journey)
            if journey.salesforce_duplicate:
                self._duplicate_lead(person, journey)

    def _primary_lead(self, person: Person, journey: Journey) -> None:
        rng, clock = self._rng, self._env.clock
        if journey.in_marketo and journey.mql_at and rng.random() < 0.5:
            created = journey.mql_at + between(rng, 60, 1500)  # synced when it became an MQL
        else:
            # Lags stay below the shortest gap between stages, so every status change of the
            # journey happens after the lead exists.
            created = journey.created_at + between(rng, 60, 3000)
        if created >= clock.now:
            return
        lead_id = self._ids.new("lead")
        person.ids["sf_lead"] = lead_id
        fields = self.render(person, journey, created)
        # The Marketo sync and the lead conversion both carry these values over unchanged.
        person.synced = tuple(fields)
        person.ids["sf_lead_created"] = str(created)
        source = pick(rng, LEAD_SOURCES.get(journey.channel, ("Other",)))
        person.ids["sf_lead_source"] = source  # conversion copies it to the contact and opportunity
        events = self._status_events(journey, created, "sf_opportunity" in person.ids)
        initial = "Raw" if journey.channel in OUTBOUND else "Inquiry"
        for at, status in events:
            if at <= created:
                initial = status
        owner = self.org.marketing_user if initial in ("Raw", "Inquiry") else self.org.sdr(person.region)
        row = [
            lead_id,
            *fields[:6],
            fields[6],
            self._state(person),
            source,
            initial,
            owner,
            "false",
            "",
            "",
            "",
            "",
            flag(bool(journey.unsubscribed_at and journey.unsubscribed_at <= created)),
            clock.sf(created),
            clock.sf(created),
            "false",
        ]
        changes: list[tuple[int, dict[str, str]]] = []
        status, sdr = initial, self.org.sdr(person.region)
        for at, new_status in events:
            if at <= created:
                continue
            change = {"Status": new_status}
            self._history_row(lead_id, at, "Status", status, new_status)
            if new_status == "MQL" and row[_L["OwnerId"]] != sdr:
                change["OwnerId"] = sdr
                self._history_row(lead_id, at, "Owner", row[_L["OwnerId"]], sdr)
            if new_status == "Qualified":
                change |= self._conversion(person, journey)
            changes.append((at, change))
            status = new_status
        if created < journey.unsubscribed_at <= clock.now:
            changes.append((journey.unsubscribed_at, {"HasOptedOutOfEmail": "true"}))
        touch = clock.now - between(rng, 0, 14 * DAY)
        if touch > created and rng.random() < 0.08:  # enrichment or a rep edits the record
            changes.append(
                (
                    touch,
                    {"Title": person.title_en, "Phone": self._notation.phone(person.phone, Context.GLOBAL)},
                )
            )
        self._write_lead(person, person.account_at(created), created, row, changes)
        self._campaign_members(person, journey, lead_id, created)

    def _status_events(self, journey: Journey, created: int, converts: bool) -> list[tuple[int, str]]:
        rng, now = self._rng, self._env.clock.now
        events: list[tuple[int, str]] = []
        if journey.inquiry_at and journey.channel in OUTBOUND:
            events.append((journey.inquiry_at, "Inquiry"))
        if journey.mql_at:
            events.append((journey.mql_at, "MQL"))
        if journey.sal_at:
            events.append((journey.sal_at, "Accepted"))
            qualifying = journey.sal_at + between(rng, HOUR, 3 * DAY)
            if qualifying < (journey.sql_at or now):
                events.append((qualifying, "Qualifying"))
        if journey.sql_at:
            if converts:
                events.append((journey.sql_at, "Qualified"))
        elif journey.sal_at and journey.sal_at + 40 * DAY < now:
            events.append((journey.sal_at + 40 * DAY, pick(rng, ("Recycle", "Disqualified"))))
        elif journey.mql_at and not journey.sal_at and journey.mql_at + 10 * DAY < now:
            events.append((journey.mql_at + 10 * DAY, "Recycle"))  # rejected by the SDR
        elif journey.inquiry_at and not journey.mql_at and created + 120 * DAY < now and rng.random() < 0.25:
            events.append((created + 120 * DAY, "Disqualified"))
        return sorted(events)

    def _conversion(self, person: Person, journey: Journey) -> dict[str, str]:
        clock = self._env.clock
        self._converted += 1
        # A few converted dates arrive in a US format from a badly configured export job.
        converted = clock.us_date(journey.sql_at) if self._converted % 29 == 5 else clock.date(journey.sql_at)
        account_id = self.org.account_id(person.account_at(journey.sql_at), journey.sql_at)
        return {
            "IsConverted": "true",
            "ConvertedDate": converted,
            "ConvertedAccountId": account_id,
            "ConvertedContactId": person.ids["sf_contact"],
            "ConvertedOpportunityId": person.ids["sf_opportunity"],
        }

    def _duplicate_lead(self, person: Person, journey: Journey) -> None:
        """A second lead for the same human, keyed in by a rep; often merged away later."""
        rng, clock = self._rng, self._env.clock
        created = journey.created_at + between(rng, 5, 200) * DAY
        if created >= clock.now:
            return
        lead_id = self._ids.new("lead")
        fields = self.render(person, journey, created)
        source = pick(rng, ("Other", "Trade Show", "Employee Referral", "Web"))
        row = [
            lead_id,
            *fields[:7],
            self._state(person),
            source,
            "Inquiry",
            self.org.sdr(person.region),
            "false",
            "",
            "",
            "",
            "",
            "false",
            clock.sf(created),
            clock.sf(created),
            "false",
        ]
        changes: list[tuple[int, dict[str, str]]] = []
        self._duplicates += 1
        if self._duplicates % 2 == 1:
            # Every other duplicate gets merged away; half of those merges fall into the
            # deltas, so deliveries always carry some IsDeleted=true rows.
            recent = clock.now - between(rng, 0, 14 * DAY)
            in_delta = self._duplicates % 4 == 1
            merged = max(recent, created + HOUR) if in_delta else created + int(rng.expovariate(1 / 30) * DAY)
            changes.append((merged, {"IsDeleted": "true"}))
        self._write_lead(person, person.account_at(created), created, row, changes)

    def _write_lead(
        self,
        person: Person,
        account: Account,
        created: int,
        row: list[str],
        changes: list[tuple[int, dict[str, str]]],
    ) -> None:
        clock = self._env.clock
        versions = versioned(row, created, changes, _L, "SystemModstamp", clock.sf, clock.now)
        written = self._leads.versions(versions)
        self._env.truth.records("salesforce", "lead", row[0], written, person, account)

    def _history_row(self, lead_id: str, at: int, field: str, old: str, new: str) -> None:
        if at <= self._env.clock.now:
            self._history.row(
                at, (self._ids.new("lead_history"), lead_id, field, old, new, self._env.clock.sf(at))
            )

    def _campaign_members(self, person: Person, journey: Journey, lead_id: str, lead_created: int) -> None:
        clock = self._env.clock
        for program, joined, status, success in journey.programs:
            created = max(joined, lead_created)
            if created > clock.now:
                continue
            sf_status = _CAMPAIGN_MEMBER_STATUS.get(status, "Responded")
            responded = success or sf_status == "Responded"
            self._members.row(
                created,
                (
                    self._ids.new("campaign_member"),
                    self.org.campaign_id(program),
                    lead_id,
                    "",
                    sf_status,
                    flag(responded),
                    clock.date(joined) if responded else "",
                    clock.sf(created),
                ),
            )
