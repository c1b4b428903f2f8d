"""Salesforce opportunities: one per converted lead, walking the sales stages to Closed Won or
Closed Lost, with OpportunityHistory rows per stage and contact roles for the buying group
(other people of the same account whom sales adds as contacts)."""

from __future__ import annotations

from orchestration.generator.chance import between, pick
from orchestration.generator.clock import DAY, HOUR
from orchestration.generator.companies import Account
from orchestration.generator.ids import SalesforceIds
from orchestration.generator.journey import Journey
from orchestration.generator.people import Person
from orchestration.generator.systems import Env, Member, flag
from orchestration.generator.systems.salesforce import lead_source
from orchestration.generator.systems.salesforce_contacts import SalesforceContacts
from orchestration.generator.systems.salesforce_org import SalesforceOrg
from orchestration.generator.writers import Deliveries

OPPORTUNITY = (
    "Id",
    "AccountId",
    "Name",
    "StageName",
    "Amount",
    "CurrencyIsoCode",
    "CloseDate",
    "IsClosed",
    "IsWon",
    "CampaignId",
    "LeadSource",
    "OwnerId",
    "CreatedDate",
    "SystemModstamp",
    "IsDeleted",
)
CONTACT_ROLE = ("Id", "OpportunityId", "ContactId", "Role", "IsPrimary")
OPPORTUNITY_HISTORY = ("Id", "OpportunityId", "StageName", "Amount", "CloseDate", "CreatedDate")
_O = {name: i for i, name in enumerate(OPPORTUNITY)}

STAGES = (
    "Prospecting",
    "Qualification",
    "Needs Analysis",
    "Value Proposition",
    "Proposal/Price Quote",
    "Negotiation/Review",
)
_ROLES = (
    "Economic Buyer",
    "Technical Buyer",
    "Evaluator",
    "Influencer",
    "Business User",
    "Executive Sponsor",
)
# Opportunities are booked in the currency of the selling region.
_CURRENCY = {"EMEA": ("EUR", 0.92), "JP": ("JPY", 150.0)}
_PRODUCTS = ("Orbit Data Platform", "Orbit Identity", "Orbit Scoring", "Orbit Data Platform - Enterprise")


class SalesforceDeals:
    def __init__(
        self, env: Env, ids: SalesforceIds, org: SalesforceOrg, contacts: SalesforceContacts
    ) -> None:
        self._env = env
        self._rng = env.rng("salesforce-deals")
        self._ids = ids
        self._org = org
        self._contacts = contacts
        clock, registry = env.clock, env.registry
        self._opportunities = Deliveries(registry, clock, "salesforce", "opportunity", OPPORTUNITY)
        self._roles = Deliveries(registry, clock, "salesforce", "opportunity_contact_role", CONTACT_ROLE)
        self._history = Deliveries(registry, clock, "salesforce", "opportunity_history", OPPORTUNITY_HISTORY)
        self._count = 0

    def emit(self, members: list[Member]) -> None:
        for person, journey in members:
            opportunity_id = person.ids.get("sf_opportunity")
            if not opportunity_id or "sf_lead" not in person.ids:
                continue
            employer = person.account_at(journey.sql_at)
            contact_fields = person.synced or None
            self._contacts.contact(
                person,
                journey,
                person.ids["sf_contact"],
                employer,
                journey.sql_at + 30,
                list(contact_fields) if contact_fields else None,
            )
            self._opportunity(person, journey, employer, opportunity_id)
            self._buying_group(person, journey, opportunity_id, employer, members)

    def _opportunity(self, person: Person, journey: Journey, account: Account, opportunity_id: str) -> None:
        rng, clock, org = self._rng, self._env.clock, self._org
        self._count += 1
        created = journey.sql_at + 60
        currency, rate = _CURRENCY.get(person.region, ("USD", 1.0))
        step = 10_000 if currency == "JPY" else 100
        amount = int(journey.amount_usd * rate / step) * step
        expected_close = created + between(rng, 60, 120) * DAY
        account_id = org.account_id(account, created)
        programs = journey.programs
        campaign = org.campaign_id(programs[0][0]) if programs and rng.random() < 0.8 else ""
        name = f"{account.english if account.is_japanese else account.core} - {pick(rng, _PRODUCTS)}"
        row = [
            opportunity_id,
            account_id,
            name,
            STAGES[0],
            str(amount),
            currency,
            self._close_date(expected_close),
            "false",
            "false",
            campaign,
            lead_source(rng, person, journey),
            org.ae(person.region),
            clock.sf(created),
            clock.sf(created),
            "false",
        ]
        versions = [(created, row)]
        self._history_row(opportunity_id, created, row)
        for at, stage in self._stage_path(journey, created):
            row = row.copy()
            row[_O["StageName"]] = stage
            if stage == "Proposal/Price Quote":
                row[_O["Amount"]] = str(int(amount * rng.uniform(0.8, 1.2) / step) * step)
            if stage.startswith("Closed"):
                row[_O["IsClosed"]] = "true"
                row[_O["IsWon"]] = flag(stage == "Closed Won")
                row[_O["CloseDate"]] = self._close_date(at)
            row[_O["SystemModstamp"]] = clock.sf(at)
            versions.append((at, row))
            self._history_row(opportunity_id, at, row)
        touched = max(clock.now - between(rng, 0, 14 * DAY), versions[-1][0] + HOUR)
        if touched <= clock.now and (self._count % 4 == 1 or rng.random() < 0.5):
            row = row.copy()
            if journey.closed_at:
                row[_O["Amount"]] = str(amount)  # finance corrects a booked amount
            else:
                # Open deals slip: the rep pushes the close date out in the weekly pipeline review.
                row[_O["CloseDate"]] = self._close_date(expected_close + 30 * DAY)
            row[_O["SystemModstamp"]] = clock.sf(touched)
            versions.append((touched, row))
        self._opportunities.versions(versions)
        self._role(opportunity_id, person.ids["sf_contact"], created, "Decision Maker", True)

    def _stage_path(self, journey: Journey, created: int) -> list[tuple[int, str]]:
        """Stage entries after Prospecting: all the way to the close, or as far as time allows."""
        rng, now = self._rng, self._env.clock.now
        if journey.closed_at:
            reached = len(STAGES) if journey.won else rng.randint(2, len(STAGES))
            span = max(DAY, journey.closed_at - created)
            path = [(created + span * k // reached, STAGES[k]) for k in range(1, reached)]
            path.append((journey.closed_at, "Closed Won" if journey.won else "Closed Lost"))
            return path
        reached = min(len(STAGES), 1 + (now - created) // (20 * DAY))
        return [(created + k * 20 * DAY - between(rng, 0, DAY), STAGES[k]) for k in range(1, reached)]

    def _close_date(self, at: int) -> str:
        clock = self._env.clock
        # A handful of close dates come through as 2026/11/03 (edited in a spreadsheet and re-imported).
        return clock.slash_date(at) if self._count % 19 == 7 else clock.date(at)

    def _history_row(self, opportunity_id: str, at: int, row: list[str]) -> None:
        if at <= self._env.clock.now:
            self._history.row(
                at,
                (
                    self._ids.new("opportunity_history"),
                    opportunity_id,
                    row[_O["StageName"]],
                    row[_O["Amount"]],
                    row[_O["CloseDate"]],
                    self._env.clock.sf(at),
                ),
            )

    def _role(self, opportunity_id: str, contact_id: str, at: int, role: str, primary: bool) -> None:
        if at <= self._env.clock.now:
            self._roles.row(
                at,
                (self._ids.new("opportunity_contact_role"), opportunity_id, contact_id, role, flag(primary)),
            )

    def _buying_group(
        self, buyer: Person, journey: Journey, opportunity_id: str, account: Account, members: list[Member]
    ) -> None:
        """Colleagues sales meets during the deal become contacts with a role on it."""
        rng = self._rng
        colleagues = [
            (p, j)
            for p, j in members
            if p is not buyer and j.in_salesforce and "sf_contact" not in p.ids and p.account is account
        ]
        for person, colleague_journey in colleagues[: rng.randint(0, 3)]:
            added = journey.sql_at + between(rng, 1, 30) * DAY
            if added >= self._env.clock.now:
                continue
            contact_id = self._ids.new("contact")
            self._contacts.contact(person, colleague_journey, contact_id, account, added)
            self._role(opportunity_id, contact_id, added, pick(rng, _ROLES), False)
