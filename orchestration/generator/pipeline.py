"""`generate`: build a synthetic company's landing extracts and their ground truth.

Accounts are made one at a time and their people with them, and every system renders those
people straight to its open landing files before the next account starts. Memory stays at the
account list plus the addresses handed out so far, and time grows linearly with `people`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from orchestration.generator.catalog import Catalog
from orchestration.generator.chance import between
from orchestration.generator.clock import DAY, Clock
from orchestration.generator.companies import Account, AccountFactory
from orchestration.generator.geo import COUNTRIES, GLOBAL_COUNTRY_WEIGHTS
from orchestration.generator.ids import SalesforceIds
from orchestration.generator.journey import JourneyPlanner
from orchestration.generator.people import Person, PersonFactory
from orchestration.generator.systems import Env, Member
from orchestration.generator.systems.ads import emit_spend
from orchestration.generator.systems.events import Events
from orchestration.generator.systems.hubspot import HubSpot
from orchestration.generator.systems.marketo import Marketo
from orchestration.generator.systems.salesforce import Salesforce
from orchestration.generator.systems.salesforce_contacts import SalesforceContacts
from orchestration.generator.systems.salesforce_deals import SalesforceDeals
from orchestration.generator.systems.salesforce_org import SalesforceOrg
from orchestration.generator.systems.webinars import Webinars
from orchestration.generator.truth import Truth
from orchestration.generator.writers import Registry

JOB_CHANGE_SHARE = 0.05
JAPANESE_PEOPLE_SHARE = 0.37


@dataclass(frozen=True)
class GenerationSummary:
    landing_dir: Path
    truth_dir: Path
    people: int
    accounts: int
    files_written: int
    rows: dict[tuple[str, str], int]  # (system, object) -> data rows written
    files: tuple[Path, ...]
    truth_files: tuple[Path, ...]


def generate(
    landing_dir: Path,
    truth_dir: Path,
    people: int = 2000,
    seed: int = 42,
    as_of: date = date(2026, 11, 23),
) -> GenerationSummary:
    """Writes every landing object's extracts under `landing_dir` and the truth to `truth_dir`.

    The same (people, seed, as_of) always gives byte-identical files.
    """
    landing_dir, truth_dir = Path(landing_dir).resolve(), Path(truth_dir).resolve()
    if people < 1:
        raise ValueError("people must be at least 1")
    if truth_dir == landing_dir or landing_dir in truth_dir.parents:
        raise ValueError(f"ground truth {truth_dir} must not live under the landing folder {landing_dir}")
    clock = Clock(as_of)
    registry = Registry(landing_dir)
    truth = Truth(truth_dir, clock)
    env = Env(seed, people, clock, Catalog(clock, people), registry, truth)
    try:
        accounts = _run(env)
    finally:
        registry.close()
        truth.close()
    return GenerationSummary(
        landing_dir=landing_dir,
        truth_dir=truth_dir,
        people=people,
        accounts=accounts,
        files_written=len(registry.files),
        rows=dict(sorted(registry.rows.items())),
        files=tuple(sorted(registry.files)),
        truth_files=truth.paths,
    )


def _run(env: Env) -> int:
    clock = env.clock
    sf_ids = SalesforceIds()
    org = SalesforceOrg(env, sf_ids)
    salesforce = Salesforce(env, sf_ids, org)
    deals = SalesforceDeals(env, sf_ids, org, SalesforceContacts(env, org))
    systems = (Marketo(env), HubSpot(env), Events(env), Webinars(env))
    emit_spend(env)
    rng = env.rng("people")
    account_factory = AccountFactory(env.rng("accounts"), clock.history_start, clock.now)
    person_factory = PersonFactory(rng)
    planner = JourneyPlanner(env.rng("journeys"), clock, env.catalog)
    accounts: list[Account] = []
    made = japanese = 0
    while made < env.people:
        # Japanese companies are picked to keep the Japanese share of people on target at any
        # size (independent draws would swing it widely in a sample of a few hundred).
        account = account_factory.new(is_japanese=japanese < JAPANESE_PEOPLE_SHARE * (made + 1))
        size = min(account_factory.people_count(account), env.people - made)
        accounts.append(account)
        env.truth.account(account)
        members: list[Member] = []
        for _ in range(size):
            person = _person(rng, person_factory, account)
            journey = planner.plan(person)
            if len(accounts) > 10 and rng.random() < JOB_CHANGE_SHARE:
                _change_job(rng, person_factory, person, journey.created_at, accounts, clock)
            members.append((person, journey))
            env.truth.person(person, journey)
            japanese += person.is_japanese
        made += size
        org.target_accounts(account)
        salesforce.emit(members)
        deals.emit(members)
        for system in systems:
            system.emit(members)
    return len(accounts)


def _person(rng: random.Random, factory: PersonFactory, account: Account) -> Person:
    if account.is_japanese:
        japanese, country = rng.random() < 0.97, COUNTRIES["JP"]
    elif account.japan_office and rng.random() < 0.3:
        japanese, country = rng.random() < 0.9, COUNTRIES["JP"]  # the Japan office
    elif rng.random() < 0.1:
        code = rng.choices(list(GLOBAL_COUNTRY_WEIGHTS), list(GLOBAL_COUNTRY_WEIGHTS.values()))[0]
        japanese, country = False, COUNTRIES[code]  # a regional office abroad
    else:
        japanese, country = False, account.country
    return factory.new(account, japanese, country)


def _change_job(
    rng: random.Random,
    factory: PersonFactory,
    person: Person,
    created: int,
    accounts: list[Account],
    clock: Clock,
) -> None:
    """The person worked at an earlier account until recently: old records name the old employer."""
    if created > clock.now - 90 * DAY:
        return
    for _ in range(5):
        previous = accounts[between(rng, 0, len(accounts) - 1)]
        if previous.is_japanese == person.account.is_japanese:
            break
    person.prev_account = previous
    person.job_changed_at = created + 30 * DAY + int(rng.random() * (clock.now - 60 * DAY - created))
    person.prev_email = factory.work_email(previous, person.given, person.family, person.is_japanese)
    person.prev_title_en = (
        person.title_en if rng.random() < 0.5 else person.title_en.replace("Director", "Manager")
    )
