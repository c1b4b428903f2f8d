"""Salesforce reference records: users (owners), campaigns, and accounts created on first use."""

from __future__ import annotations

from orchestration.generator.chance import between, pick
from orchestration.generator.clock import DAY, HOUR
from orchestration.generator.companies import Account
from orchestration.generator.ids import SalesforceIds
from orchestration.generator.names import REGION_NAMES
from orchestration.generator.systems import Env, flag
from orchestration.generator.variants import Context, Notation
from orchestration.generator.writers import Deliveries, versioned

ACCOUNT = (
    "Id",
    "Name",
    "Website",
    "Industry",
    "NumberOfEmployees",
    "AnnualRevenue",
    "BillingCountry",
    "OwnerId",
    "CreatedDate",
    "SystemModstamp",
    "IsDeleted",
)
CAMPAIGN = ("Id", "Name", "Type", "Status", "StartDate", "EndDate", "ActualCost", "CurrencyIsoCode")
USER = ("Id", "Name", "Email", "IsActive")
_A = {name: i for i, name in enumerate(ACCOUNT)}

# Salesforce's standard Industry picklist has no entry for some industries; reps pick "Other".
# fmt: off
_SF_INDUSTRY = {
    "Software": "Technology", "IT Services": "Technology", "Manufacturing": "Manufacturing",
    "Financial Services": "Finance", "Retail": "Retail", "Healthcare": "Healthcare",
    "Logistics": "Transportation", "Construction": "Construction",
    "Professional Services": "Consulting", "Chemicals": "Chemicals",
    "Food & Beverage": "Food & Beverage", "Real Estate": "Other", "Media": "Media",
    "Telecommunications": "Telecommunications", "Education": "Education",
}
# fmt: on
_JP_REPS = (
    ("Kenji", "Watanabe"),
    ("Yuki", "Tanaka"),
    ("Haruka", "Suzuki"),
    ("Daisuke", "Kato"),
    ("Aya", "Kobayashi"),
    ("Takuya", "Yamamoto"),
    ("Mai", "Ito"),
    ("Shota", "Nakamura"),
)
REGIONS = ("AMER", "EMEA", "APAC", "JP")


class SalesforceOrg:
    def __init__(self, env: Env, ids: SalesforceIds) -> None:
        self._env = env
        self._rng = env.rng("salesforce-org")
        self._notation = Notation(self._rng)
        self._ids = ids
        clock, registry = env.clock, env.registry
        self._accounts = Deliveries(registry, clock, "salesforce", "account", ACCOUNT)
        self._users = Deliveries(registry, clock, "salesforce", "user", USER)
        self._campaigns = Deliveries(registry, clock, "salesforce", "campaign", CAMPAIGN)
        self._account_count = 0
        self.marketing_user = self._user("Marketing Operations", "marketing.ops", True)
        self.integration_user = self._user("Marketo Integration", "marketo.sync", True)
        per_region = max(2, min(40, env.people // 3_000))
        self._sdrs = {region: [self._rep(region) for _ in range(per_region)] for region in REGIONS}
        self._aes = {region: [self._rep(region) for _ in range(per_region)] for region in REGIONS}
        self._campaign_ids = [self._campaign(i) for i in range(len(env.catalog.programs))]

    def _user(self, name: str, local: str, active: bool) -> str:
        user_id = self._ids.new("user")
        self._users.row(
            self._env.clock.history_start, (user_id, name, f"{local}@orbitdata.example", flag(active))
        )
        return user_id

    def _rep(self, region: str) -> str:
        rng = self._rng
        if region == "JP":
            given, family = pick(rng, _JP_REPS)
        else:
            names = REGION_NAMES[region]
            given, family = pick(rng, names.given), pick(rng, names.family)
        local = f"{given}.{family}".lower().replace(" ", "").replace("'", "")
        # Reps who left still own old records: their users stay, inactive.
        return self._user(f"{given} {family}", f"{local}{between(rng, 10, 99)}", rng.random() > 0.1)

    def sdr(self, region: str) -> str:
        return pick(self._rng, self._sdrs[region])

    def ae(self, region: str) -> str:
        return pick(self._rng, self._aes[region])

    # campaigns ----------------------------------------------------------------------------
    def _campaign(self, index: int) -> str:
        clock = self._env.clock
        program = self._env.catalog.programs[index]
        campaign_id = self._ids.new("campaign")
        created = max(clock.history_start, program.start - 14 * DAY)
        status = (
            "Completed"
            if program.end < clock.now
            else "In Progress"
            if program.start <= clock.now
            else "Planned"
        )
        cost = (
            ""
            if status == "Planned" or not program.cost
            else (str(program.cost) if program.currency == "JPY" else f"{program.cost:.2f}")
        )
        self._campaigns.row(
            created,
            (
                campaign_id,
                program.name,
                program.sf_type,
                status,
                clock.date(program.start),
                clock.date(program.end),
                cost,
                program.currency,
            ),
        )
        return campaign_id

    def campaign_id(self, program: int) -> str:
        return self._campaign_ids[program]

    # accounts -----------------------------------------------------------------------------
    def account_id(self, account: Account, needed_at: int) -> str:
        """The account's Salesforce id, creating the Account record the first time it is needed."""
        existing = account.ids.get("sf_account")
        if existing:
            return existing
        rng, clock = self._rng, self._env.clock
        created = max(clock.history_start, needed_at - between(rng, HOUR, 5 * DAY))
        account_id = self._write_account(
            account, created, account.english if account.is_japanese else account.name
        )
        account.ids["sf_account"] = account_id
        if rng.random() < 0.03:  # the same company entered twice, often merged later
            duplicate_created = created + between(rng, 1, 300) * DAY
            if duplicate_created < clock.now:
                self._write_account(
                    account,
                    duplicate_created,
                    self._notation.company(account, Context.GLOBAL),
                    merge=rng.random() < 0.5,
                )
        return account_id

    def _write_account(self, account: Account, created: int, name: str, merge: bool = False) -> str:
        rng, clock = self._rng, self._env.clock
        self._account_count += 1
        number = self._account_count
        account_id = self._ids.new("account")
        domain = account.domain
        website = pick(rng, (f"www.{domain}", f"https://www.{domain}", f"http://{domain}/", domain, ""))
        employees = str(account.employees)
        if number % 23 == 4:
            employees = f"approx. {round(account.employees, -1) or 10}"
        elif rng.random() < 0.1:
            employees = ""
        revenue = f"{account.revenue_usd:,}" if number % 17 == 3 else str(account.revenue_usd)
        row = [
            account_id,
            name,
            website,
            _SF_INDUSTRY[account.industry.name],
            employees,
            revenue,
            self._notation.country(account.country, Context.GLOBAL),
            self.ae("JP" if account.is_japanese else account.country.region),
            clock.sf(created),
            clock.sf(created),
            "false",
        ]
        changes: list[tuple[int, dict[str, str]]] = []
        if rng.random() < 0.2:
            changes.append(
                (created + between(rng, 1, 400) * DAY, {"OwnerId": self.ae(account.country.region)})
            )
        touch = max(clock.now - between(rng, 0, 14 * DAY), created + HOUR)
        if touch <= clock.now and (number % 6 == 1 or rng.random() < 0.05):
            # The weekly enrichment job refreshes a slice of the accounts every run.
            changes.append((touch, {"NumberOfEmployees": str(int(account.employees * 1.1))}))
        if merge:
            recent = clock.now - between(rng, 0, 14 * DAY)
            changes.append((recent if recent > created else created + DAY, {"IsDeleted": "true"}))
        versions = versioned(row, created, changes, _A, "SystemModstamp", clock.sf, clock.now)
        written = self._accounts.versions(versions)
        self._env.truth.account_records("salesforce", "account", account_id, written, account)
        return account_id

    def target_accounts(self, account: Account) -> None:
        """Large accounts are imported as ABM targets before anyone there is a lead."""
        if account.employees >= 1_000 and self._rng.random() < 0.5:
            self.account_id(account, account.created_at)
