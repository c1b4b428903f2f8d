"""People: who they are (names, titles, emails, phones) and where they work.

A person is created with their employer already known, so colleagues share a domain, an email
pattern, a switchboard number and sometimes a role address (info@, sales@).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from orchestration.generator.chance import between, pick, weighted
from orchestration.generator.companies import Account
from orchestration.generator.geo import Country, Phone, foreign_phone, japanese_landline, japanese_mobile
from orchestration.generator.kana import RomajiStyle, ascii_fold, to_romaji
from orchestration.generator.names import (
    FAMILY_NAMES,
    FEMALE_GIVEN_NAMES,
    MALE_GIVEN_NAMES,
    REGION_NAMES,
)

# (function, share, fit factor): marketing and data people buy a lead-management product.
# fmt: off
FUNCTIONS: tuple[tuple[str, int, float], ...] = (
    ("marketing", 30, 1.0), ("it", 22, 0.9), ("sales", 15, 0.8), ("operations", 8, 0.6),
    ("finance", 5, 0.4), ("engineering", 8, 0.5), ("executive", 4, 0.75), ("other", 8, 0.1),
)
# fmt: on
_FUNCTION_CUM = list(accumulate(share for _, share, _ in FUNCTIONS))
_STYLES = tuple(RomajiStyle)
_STYLE_CUM = (80, 92, 100)
_VARIANT_CUM = (85, 95, 100)  # the usual kanji, then variant forms (髙橋, 齋藤, 渡邊...)
_READING_CUM = (80, 100)  # the common reading, then the other one (河野: Kono, Kawano)
_SENIORITY_CUM = list(accumulate((40, 30, 17, 8, 5)))
_SENIORITY_FIT = (0.6, 0.85, 1.0, 1.0, 0.9)

_EN_TITLES: dict[str, tuple[tuple[str, ...], ...]] = {
    "marketing": (
        ("Marketing Specialist", "Marketing Coordinator", "Marketing Operations Analyst"),
        ("Marketing Manager", "Marketing Operations Manager", "Demand Generation Manager"),
        ("Director of Marketing", "Head of Marketing", "Director, Demand Generation"),
        ("VP Marketing", "VP of Marketing"),
        ("CMO", "Chief Marketing Officer"),
    ),
    "it": (
        ("IT Specialist", "Systems Administrator", "Data Analyst", "Data Engineer"),
        ("IT Manager", "Data Platform Manager", "BI Manager"),
        ("IT Director", "Director of IT", "Head of Data"),
        ("VP IT", "VP Information Technology"),
        ("CIO", "Chief Data Officer"),
    ),
    "sales": (
        ("Account Executive", "Sales Representative", "Inside Sales Representative"),
        ("Sales Manager", "Sales Operations Manager", "RevOps Manager"),
        ("Director of Sales", "Head of Sales", "Director, Revenue Operations"),
        ("VP Sales", "VP of Sales"),
        ("CRO", "Chief Revenue Officer"),
    ),
    "operations": (
        ("Operations Analyst", "Business Analyst"),
        ("Operations Manager", "Project Manager"),
        ("Director of Operations",),
        ("VP Operations",),
        ("COO",),
    ),
    "finance": (
        ("Financial Analyst", "Accountant"),
        ("Finance Manager", "Procurement Manager"),
        ("Finance Director", "Head of Procurement"),
        ("VP Finance",),
        ("CFO",),
    ),
    "engineering": (
        ("Software Engineer", "Developer", "QA Engineer"),
        ("Engineering Manager",),
        ("Director of Engineering",),
        ("VP Engineering",),
        ("CTO",),
    ),
}
_EXECUTIVE_EN = ("CEO", "Founder & CEO", "President", "Managing Director", "General Manager")
_OTHER_EN = ("Student", "Consultant", "Intern", "Freelancer", "Researcher")

_JA_DEPARTMENTS: dict[str, tuple[str, ...]] = {
    "marketing": ("マーケティング部", "マーケティング本部", "デジタルマーケティング部", "営業企画部"),
    "it": ("情報システム部", "DX推進室", "IT戦略部", "データ活用推進室"),
    "sales": ("営業部", "第一営業部", "営業本部", "営業推進部"),
    "operations": ("経営企画部", "業務改革室"),
    "finance": ("経理部", "財務部", "購買部"),
    "engineering": ("開発部", "技術本部", "研究開発部"),
}
_JA_RANKS = (
    ("", "担当", "主任", "スタッフ"),
    ("係長", "課長", "マネージャー", "リーダー"),
    ("部長", "次長", "室長"),
    ("本部長", "執行役員"),
    ("取締役", "常務取締役"),
)
_JA_EXECUTIVE = ("代表取締役社長", "代表取締役", "代表取締役CEO", "取締役副社長")
_JA_OTHER = ("学生", "フリーランス", "コンサルタント", "研究員")

# Family names follow a steep frequency curve: 佐藤 and 鈴木 are far more common than 服部.
_FAMILY_CUM = list(accumulate(1.0 / (rank + 8) for rank in range(len(FAMILY_NAMES))))

FREE_MAIL_JP = ("gmail.com", "yahoo.co.jp", "outlook.jp", "icloud.com", "docomo.ne.jp", "hotmail.co.jp")
FREE_MAIL_GLOBAL = ("gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com", "gmx.de")
ROLE_LOCALS = ("info", "sales", "marketing", "contact", "office")


@dataclass(slots=True)
class Person:
    pid: str
    account: Account
    is_japanese: bool
    country: Country
    female: bool
    family_kanji: str  # Japanese names; empty for everyone else
    family_kanji_common: str  # 高橋 for someone who writes 髙橋: what others type for them
    given_kanji: str
    family_kana: str
    given_kana: str
    family: str  # Latin-letter name: passport Hepburn for Japanese people
    given: str
    romaji_style: RomajiStyle  # how this person spells their name in Latin letters
    function: str
    seniority: int
    title_en: str
    title_ja: str
    department_ja: str
    email: str
    personal_email: str
    role_email: str  # a shared address this person sometimes gives instead of their own
    phone: Phone
    mobile: Phone | None
    fit: float
    prev_account: Account | None = None  # employer before a job change
    prev_email: str = ""
    prev_title_en: str = ""
    job_changed_at: int = 0
    ids: dict[str, str] = field(default_factory=dict)  # record ids in each system
    # The CRM fields Marketo and Salesforce sync between them (first, last, email, phone,
    # company, title, country), so both systems show the same notation for a synced lead.
    synced: tuple[str, ...] = ()

    @property
    def region(self) -> str:
        return self.country.region

    def account_at(self, ts: int) -> Account:
        """The employer at a point in time: job changers worked elsewhere before the change."""
        if self.prev_account is not None and ts < self.job_changed_at:
            return self.prev_account
        return self.account

    def email_at(self, ts: int) -> str:
        return self.prev_email if self.prev_account is not None and ts < self.job_changed_at else self.email

    def title_at(self, ts: int) -> str:
        return (
            self.prev_title_en
            if self.prev_account is not None and ts < self.job_changed_at
            else self.title_en
        )


def _local_part(pattern: int, given: str, family: str, japanese: bool) -> str:
    g, f = given.lower(), family.lower()
    if japanese:
        return (f"{g}.{f}", f"{g[0]}-{f}", f, f"{f}.{g}", f"{g[0]}{f}")[pattern]
    return (f"{g}.{f}", f"{g[0]}{f}", g, f"{g}.{f}", f"{g}_{f}")[pattern]


@lru_cache(maxsize=4096)  # names come from small tables; folding them once is enough
def _ascii_name(text: str) -> str:
    return "".join(ch for ch in ascii_fold(text) if ch.isalnum())


class PersonFactory:
    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._count = 0
        # Every address handed out so far: two different people never share a personal address,
        # and a job changer's old address never collides with someone still at that company.
        # (Shared role addresses such as info@ are the deliberate exception.)
        self._issued: set[str] = set()

    def _unique(self, local: str, domain: str) -> str:
        address, number = f"{local}@{domain}", 1
        while address in self._issued:  # two 佐藤 at one company: the second gets a number
            number += 1
            address = f"{local}{number}@{domain}"
        self._issued.add(address)
        return address

    def work_email(self, account: Account, given: str, family: str, japanese: bool) -> str:
        base = _local_part(account.email_pattern, _ascii_name(given), _ascii_name(family), japanese)
        return self._unique(base, account.domain)

    def new(self, account: Account, japanese: bool, country: Country) -> Person:
        rng = self._rng
        self._count += 1
        female = rng.random() < 0.35
        style = weighted(rng, _STYLES, _STYLE_CUM)
        if japanese:
            family_name = weighted(rng, FAMILY_NAMES, _FAMILY_CUM)
            given_name = pick(rng, FEMALE_GIVEN_NAMES if female else MALE_GIVEN_NAMES)
            family_kanji = weighted(rng, family_name.kanji, _VARIANT_CUM[: len(family_name.kanji)])
            given_kanji = given_name.kanji[0]
            common = family_name.kanji[0]
            family_kana = weighted(rng, family_name.readings, _READING_CUM[: len(family_name.readings)])
            given_kana = weighted(rng, given_name.readings, _READING_CUM[: len(given_name.readings)])
            family, given = to_romaji(family_kana, style), to_romaji(given_kana, style)
        else:
            names = REGION_NAMES[country.region if country.region != "JP" else "APAC"]
            family_kanji = given_kanji = family_kana = given_kana = common = ""
            family, given = pick(rng, names.family), pick(rng, names.given)
        function, _, fit_factor = weighted(rng, FUNCTIONS, _FUNCTION_CUM)
        seniority = 4 if function == "executive" else weighted(rng, range(5), _SENIORITY_CUM)
        title_en, title_ja, department = self._title(function, seniority)
        email = self.work_email(account, given, family, japanese)
        free = FREE_MAIL_JP if japanese else FREE_MAIL_GLOBAL
        handle = f"{_ascii_name(given).lower()}.{_ascii_name(family).lower()}{between(rng, 1, 99)}"
        personal = self._unique(handle, pick(rng, free))
        if account.prefecture is not None and (japanese or account.is_japanese):
            phone = account.switchboard if rng.random() < 0.35 else japanese_landline(rng, account.prefecture)
            mobile = japanese_mobile(rng) if rng.random() < 0.55 else None
        else:
            phone = account.switchboard if rng.random() < 0.3 else foreign_phone(rng, country)
            mobile = None
        fit = account.fit * fit_factor * _SENIORITY_FIT[seniority] + rng.gauss(0, 0.08)
        return Person(
            pid=f"P{self._count:08d}",
            account=account,
            is_japanese=japanese,
            country=country,
            female=female,
            family_kanji=family_kanji,
            family_kanji_common=common,
            given_kanji=given_kanji,
            family_kana=family_kana,
            given_kana=given_kana,
            family=family,
            given=given,
            romaji_style=style,
            function=function,
            seniority=seniority,
            title_en=title_en,
            title_ja=title_ja,
            department_ja=department,
            email=email,
            personal_email=personal,
            role_email=f"{pick(rng, ROLE_LOCALS)}@{account.domain}",
            phone=phone,
            mobile=mobile,
            fit=min(1.0, max(0.0, fit)),
        )

    def _title(self, function: str, seniority: int) -> tuple[str, str, str]:
        """(English title, Japanese 役職, Japanese 部署名)."""
        rng = self._rng
        if function == "executive":
            return pick(rng, _EXECUTIVE_EN), pick(rng, _JA_EXECUTIVE), ""
        if function == "other":
            return pick(rng, _OTHER_EN), pick(rng, _JA_OTHER), ""
        return (
            pick(rng, _EN_TITLES[function][seniority]),
            pick(rng, _JA_RANKS[seniority]),
            pick(rng, _JA_DEPARTMENTS[function]) if seniority < 4 else "",
        )
