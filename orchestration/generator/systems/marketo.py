"""Marketo, the global marketing automation: bulk-extract CSVs with camelCase headers.

A lead synced with Salesforce shows the same field values there and carries sfdcLeadId (and
sfdcContactId once converted). Job changers either get their lead updated with the new company
and address, or come back as a second lead; some people sign up twice with another address.
"""

from __future__ import annotations

from orchestration.generator.chance import between, pick
from orchestration.generator.clock import DAY
from orchestration.generator.ids import Counter
from orchestration.generator.journey import Journey
from orchestration.generator.people import Person
from orchestration.generator.systems import Env, Member, flag
from orchestration.generator.systems.marketo_activities import ACTIVITY_TYPES, MarketoActivities
from orchestration.generator.variants import Context, Notation
from orchestration.generator.writers import Deliveries, versioned

LEADS = (
    "id",
    "email",
    "firstName",
    "lastName",
    "company",
    "title",
    "phone",
    "country",
    "leadSource",
    "sfdcLeadId",
    "sfdcContactId",
    "unsubscribed",
    "emailInvalid",
    "createdAt",
    "updatedAt",
)
PROGRAMS = ("id", "name", "type", "channel", "createdAt")
PROGRAM_MEMBERS = ("programId", "leadId", "progressionStatus", "membershipDate", "reachedSuccess")
_M = {name: i for i, name in enumerate(LEADS)}
# fmt: off
_SOURCES = {
    "web_form": ("Website", "Website", "Organic Search"), "paid": ("Paid Search", "Paid Social"),
    "webinar": ("Webinar",), "content_syndication": ("Content Syndication",),
    "trade_show": ("Trade Show", "Tradeshow"), "list_import": ("List Import", "Purchased List"),
    "sales_outbound": ("Sales Generated",),
}
# fmt: on


class Marketo:
    def __init__(self, env: Env) -> None:
        self._env = env
        self._rng = env.rng("marketo")
        self._notation = Notation(self._rng)
        self._ids = Counter(1_000_001)
        clock, registry = env.clock, env.registry
        self._leads = Deliveries(registry, clock, "marketo", "leads", LEADS)
        self._members = Deliveries(registry, clock, "marketo", "program_members", PROGRAM_MEMBERS)
        self.activities = MarketoActivities(env)
        types = Deliveries(registry, clock, "marketo", "activity_types", ("id", "name"))
        for type_id, name in ACTIVITY_TYPES:
            types.row(clock.history_start, (type_id, name))
        programs = Deliveries(registry, clock, "marketo", "programs", PROGRAMS)
        for program in env.catalog.programs:
            created = max(clock.history_start, program.start - 30 * DAY)
            programs.row(
                created, (program.number, program.name, program.kind, program.channel, clock.iso(created))
            )

    def emit(self, members: list[Member]) -> None:
        for person, journey in members:
            if journey.in_marketo:
                self._primary(person, journey)
                if journey.marketo_duplicate:
                    self._second_signup(
                        person, journey, journey.created_at + between(self._rng, 10, 300) * DAY
                    )

    def _row(self, lead_id: int, fields: list[str], source: str, created: int) -> list[str]:
        first, last, email, phone, company, title, country = fields
        iso = self._env.clock.iso(created)
        return [
            str(lead_id),
            email,
            first,
            last,
            company,
            title,
            phone,
            country,
            source,
            "",
            "",
            "false",
            "false",
            iso,
            iso,
        ]

    def _primary(self, person: Person, journey: Journey) -> None:
        rng, clock = self._rng, self._env.clock
        created = journey.created_at
        if created >= clock.now:
            return
        lead_id = self._ids()
        if person.synced:
            fields = list(person.synced)
        else:
            fields = self._notation.crm_fields(
                person, created, journey.role_mail_user, journey.personal_mail_user
            )
        row = self._row(lead_id, fields, pick(rng, _SOURCES.get(journey.channel, ("Other",))), created)
        changes: list[tuple[int, dict[str, str]]] = []
        if "sf_lead" in person.ids:
            synced_at = max(created + 60, int(person.ids["sf_lead_created"]))
            changes.append((synced_at, {"sfdcLeadId": person.ids["sf_lead"]}))
            if journey.sql_at and "sf_opportunity" in person.ids:
                changes.append((journey.sql_at + 120, {"sfdcContactId": person.ids["sf_contact"]}))
        if created < journey.unsubscribed_at:
            changes.append((journey.unsubscribed_at, {"unsubscribed": "true"}))
        japanese_site = person.is_japanese and person.account.is_japanese
        bounced = self.activities.emit(lead_id, journey, created, japanese_site, person.function == "other")
        if bounced:
            changes.append((bounced, {"emailInvalid": "true"}))
        if person.prev_account is not None and person.job_changed_at > created:
            self._job_change(person, journey, lead_id, row, changes)
        touch = clock.now - between(rng, 0, 14 * DAY)
        if touch > created and rng.random() < 0.1 + 0.3 * journey.intent:
            changes.append((touch, {}))  # score and activity updates move updatedAt
        self._write(person, created, row, changes)
        self._memberships(lead_id, journey, created)

    def _job_change(
        self,
        person: Person,
        journey: Journey,
        lead_id: int,
        row: list[str],
        changes: list[tuple[int, dict[str, str]]],
    ) -> None:
        rng = self._rng
        moved = person.job_changed_at + between(rng, 5, 60) * DAY
        if rng.random() < 0.5:
            email = self._notation.email(person, person.email, Context.GLOBAL, False, False)
            company = self._notation.company(person.account, Context.GLOBAL)
            changes.append((moved, {"email": email, "company": company, "title": person.title_en}))
            self.activities.change(lead_id, moved, "Email Address", row[_M["email"]], email)
            self.activities.change(lead_id, moved + 1, "Company Name", row[_M["company"]], company)
        else:
            self._second_signup(person, journey, moved)

    def _second_signup(self, person: Person, journey: Journey, created: int) -> None:
        """Another lead for the same human: a second address, or a new job's address."""
        rng, clock = self._rng, self._env.clock
        if created >= clock.now:
            return
        lead_id = self._ids()
        personal = person.prev_account is None or created < person.job_changed_at
        fields = self._notation.crm_fields(person, created, False, personal)
        row = self._row(lead_id, fields, pick(rng, ("Website", "Webinar", "Content Syndication")), created)
        self._write(person, created, row, [])
        self.activities.change(lead_id, created, "Lead Source", "", row[_M["leadSource"]])
        nurture = self._env.catalog.programs[self._env.catalog.nurture]
        self._members.row(created, (nurture.number, lead_id, "Member", clock.iso(created), "false"))

    def _write(
        self, person: Person, created: int, row: list[str], changes: list[tuple[int, dict[str, str]]]
    ) -> None:
        clock = self._env.clock
        versions = versioned(row, created, changes, _M, "updatedAt", clock.iso, clock.now)
        written = self._leads.versions(versions)
        self._env.truth.records("marketo", "leads", row[0], written, person, person.account_at(created))

    def _memberships(self, lead_id: int, journey: Journey, created: int) -> None:
        clock, catalog = self._env.clock, self._env.catalog
        engaged = journey.intent > 0.45
        nurture = catalog.programs[catalog.nurture]
        self._members.row(
            created,
            (nurture.number, lead_id, "Engaged" if engaged else "Member", clock.iso(created), flag(engaged)),
        )
        for program, joined, status, success in journey.programs:
            at = max(joined, created)
            if at <= clock.now:
                self._members.row(
                    at, (catalog.programs[program].number, lead_id, status, clock.iso(joined), flag(success))
                )
