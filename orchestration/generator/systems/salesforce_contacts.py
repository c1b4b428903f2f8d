"""Salesforce contacts: converted from a qualified lead (same values as the lead), or keyed in by
sales for the other people of a buying group. Reps keep them current, and mark the ones who left."""

from __future__ import annotations

from orchestration.generator.chance import between
from orchestration.generator.clock import DAY, HOUR
from orchestration.generator.companies import Account
from orchestration.generator.journey import Journey
from orchestration.generator.people import Person
from orchestration.generator.systems import Env, flag
from orchestration.generator.systems.salesforce import lead_source
from orchestration.generator.systems.salesforce_org import SalesforceOrg
from orchestration.generator.variants import Notation
from orchestration.generator.writers import Deliveries, versioned

CONTACT = ("Id", "AccountId", "FirstName", "LastName", "Email", "Phone", "Title", "MailingCountry",
           "LeadSource", "OwnerId", "HasOptedOutOfEmail", "CreatedDate", "SystemModstamp",
           "IsDeleted")  # fmt: skip
_C = {name: i for i, name in enumerate(CONTACT)}


class SalesforceContacts:
    def __init__(self, env: Env, org: SalesforceOrg) -> None:
        self._env = env
        self._rng = env.rng("salesforce-contacts")
        self._notation = Notation(self._rng)
        self._org = org
        self._out = Deliveries(env.registry, env.clock, "salesforce", "contact", CONTACT)
        self._written = 0

    def contact(
        self,
        person: Person,
        journey: Journey,
        contact_id: str,
        account: Account,
        created: int,
        fields: list[str] | None = None,
    ) -> None:
        """Writes the contact; `fields` are the converted lead's [first, last, email, phone,
        company, title, country], or None for a contact sales types in fresh."""
        rng, clock = self._rng, self._env.clock
        if created >= clock.now:
            return
        if fields is None:
            fields = self._notation.crm_fields(
                person, created, journey.role_mail_user, journey.personal_mail_user
            )
        first, last, email, phone, _, title, country = fields
        opted_out = bool(journey.unsubscribed_at and journey.unsubscribed_at <= created)
        row = [contact_id, self._org.account_id(account, created), first, last, email, phone, title, country,
               lead_source(rng, person, journey), self._org.ae(person.region),
               flag(opted_out), clock.sf(created), clock.sf(created), "false"]  # fmt: skip
        changes: list[tuple[int, dict[str, str]]] = []
        if created < journey.unsubscribed_at:
            changes.append((journey.unsubscribed_at, {"HasOptedOutOfEmail": "true"}))
        if person.prev_account is account and person.job_changed_at > created:
            changes.append((person.job_changed_at + 30 * DAY, {"Title": "No longer with company"}))
        self._written += 1
        touch = max(clock.now - between(rng, 0, 14 * DAY), created + HOUR)
        if touch <= clock.now and (self._written % 5 == 1 or rng.random() < 0.06):
            # Reps keep their contacts current: a slice is edited in any given week.
            changes.append((touch, {"Title": person.title_en}))
        versions = versioned(row, created, changes, _C, "SystemModstamp", clock.sf, clock.now)
        written = self._out.versions(versions)
        self._env.truth.records("salesforce", "contact", contact_id, written, person, account)
        person.ids.setdefault("sf_contact", contact_id)
