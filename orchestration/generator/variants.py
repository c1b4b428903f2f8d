"""How one person looks in one record: the notation differences that make identity resolution
hard. Each system has its own habits: Salesforce and Marketo keep what was typed (case, spaces,
romaji), HubSpot lower-cases emails, card scanners read kanji and kana off a business card, and
webinar registrants type whatever they like.
"""

from __future__ import annotations

import random
from enum import Enum

from orchestration.generator.chance import between, pick
from orchestration.generator.companies import Account
from orchestration.generator.geo import Country, Phone
from orchestration.generator.kana import RomajiStyle, ascii_fold, to_fullwidth, to_halfwidth_kana, to_romaji
from orchestration.generator.names import NICKNAMES
from orchestration.generator.people import Person


class Context(Enum):
    GLOBAL = "global"  # English-language CRM/MA: Salesforce, Marketo, English webinars
    JAPAN = "japan"  # Japanese UI: HubSpot, Japanese webinars
    CARD = "card"  # business cards and badge scans (Shift_JIS-safe text only)


_SHORT_FORMS = {"株式会社": "株", "有限会社": "有", "合同会社": "同", "一般社団法人": "一社"}
_ENCLOSED = {"株式会社": "㈱", "有限会社": "㈲"}


class Notation:
    def __init__(self, rng: random.Random) -> None:
        self._rng = rng

    # emails -----------------------------------------------------------------------------
    def email(
        self,
        person: Person,
        address: str,
        context: Context,
        role_user: bool,
        personal_user: bool,
        lowercase: bool = False,
    ) -> str:
        """One typed email: usually the work address, sometimes personal or a role address,
        with case, whitespace, plus-addressing, full-width characters and the odd typo."""
        rng = self._rng
        r = rng.random()
        if role_user and r < 0.6:
            address = person.role_email
        elif (personal_user and r < 0.75) or r < 0.03:
            address = person.personal_email
        local, _, domain = address.partition("@")
        r = rng.random()
        if r < 0.05 and not local.startswith(("info", "sales", "contact")):
            local = f"{local}+{pick(rng, ('events', 'news', 'webinar', 'jp', 'crm'))}"
        elif r < 0.07 and len(local) > 4:
            cut = between(rng, 1, len(local) - 1)  # a dropped letter: tanaka -> tanka
            local = local[:cut] + local[cut + 1 :]
        typed = f"{local}@{domain}"
        if lowercase:
            return typed.lower()
        r = rng.random()
        if r < 0.08:
            typed = ".".join(part[:1].upper() + part[1:] for part in local.split(".")) + "@" + domain.title()
        elif r < 0.1:
            typed = typed.upper()
        elif r < 0.14 and context is not Context.CARD:
            typed = pick(rng, (f" {typed}", f"{typed} ", f" {typed} "))
        elif r < 0.155 and context is not Context.GLOBAL:
            typed = to_fullwidth(typed)  # typed with the IME still in wide mode
        return typed

    # phones -----------------------------------------------------------------------------
    def phone(self, phone: Phone, context: Context) -> str:
        rng = self._rng
        cc, area, mid, last = phone
        national = area[1:] if area.startswith("0") and cc not in ("39",) else area
        if cc == "81":
            r = rng.random()
            if context is Context.GLOBAL and r < 0.45:
                return pick(
                    rng,
                    (
                        f"+81 {national}-{mid}-{last}",
                        f"+81-{national}-{mid}-{last}",
                        f"+81{national}{mid}{last}",
                        f"+81 ({national}) {mid}-{last}",
                    ),
                )
            if r < 0.55:
                text = f"{area}-{mid}-{last}"
            elif r < 0.7:
                text = f"{area}{mid}{last}"
            elif r < 0.78:
                text = f"({area}){mid}-{last}"
            elif r < 0.84:
                text = f"{area} {mid} {last}"
            elif r < 0.9:
                text = f"+81 {national}-{mid}-{last}"
            else:
                text = f"{area}-{mid}-{last}"
                if context is not Context.GLOBAL:
                    return to_fullwidth(text)
            if rng.random() < 0.04 and context is not Context.CARD:
                text += pick(rng, (f" (内線{between(rng, 100, 999)})", f" ext. {between(rng, 10, 999)}"))
            return text
        if cc == "1":
            return pick(
                rng,
                (
                    f"+1 {area}-{mid}-{last}",
                    f"({area}) {mid}-{last}",
                    f"{area}-{mid}-{last}",
                    f"{area}.{mid}.{last}",
                    f"+1{area}{mid}{last}",
                    f"+1 ({area}) {mid}-{last}",
                ),
            )
        domestic = f"{area} {mid} {last}" if area.startswith("0") else f"{mid} {last}"
        return pick(
            rng,
            (
                f"+{cc} {national} {mid} {last}",
                f"+{cc} {national} {mid}{last}",
                domestic,
                f"+{cc} (0){national} {mid} {last}",
                f"+{cc}{national}{mid}{last}",
            ),
        )

    # companies --------------------------------------------------------------------------
    def company(self, account: Account, context: Context) -> str:
        rng = self._rng
        if not account.is_japanese:
            return self._global_company(account, context)
        r = rng.random()
        if context is Context.GLOBAL:
            if r < 0.65:
                return account.english
            if r < 0.75:
                return account.english.replace(" Co., Ltd.", "").replace(" Inc.", "").replace(" K.K.", "")
            if r < 0.8:
                return account.english.upper()
        form, core = account.legal_form, account.core
        r = rng.random()
        if r < 0.5:
            return account.name
        if r < 0.68:
            short = _SHORT_FORMS.get(form, "株")
            mark = pick(rng, (f"({short})", f"（{short}）", _ENCLOSED.get(form, f"({short})")))
            if context is not Context.CARD and rng.random() < 0.15 and form == "株式会社":
                mark = "㍿"  # only UTF-8 systems: ㍿ has no Shift_JIS code
            return f"{mark}{core}" if account.form_first else f"{core}{mark}"
        if r < 0.8:
            return core
        if r < 0.86:
            return f"{form} {core}" if account.form_first else f"{core} {form}"
        if r < 0.9:
            return f"{core}{form}" if account.form_first else f"{form}{core}"  # 前株/後株 mixed up
        if r < 0.95 and any(ch.isascii() and ch.isalpha() for ch in core):
            return to_fullwidth(account.name)
        if r < 0.95 and account.katakana_core:
            return to_halfwidth_kana(account.name)
        return account.english if context is not Context.CARD or r < 0.97 else account.name

    def _global_company(self, account: Account, context: Context) -> str:
        rng = self._rng
        core, form = account.core, account.legal_form
        if context is not Context.GLOBAL and account.japan_office and rng.random() < 0.6:
            return pick(
                rng,
                (
                    f"{core} Japan株式会社",
                    f"{core} Japan K.K.",
                    f"{core}ジャパン合同会社" if context is Context.JAPAN else f"{core} Japan",
                ),
            )
        r = rng.random()
        if r < 0.55:
            name = account.name
        elif r < 0.75:
            name = core
        elif r < 0.82:
            name = f"{core}, {form}"
        elif r < 0.86:
            name = account.name.upper()
        elif r < 0.9:
            name = core.replace(" ", "")
        elif r < 0.93:
            name = account.domain
        elif r < 0.96 and len(core) > 6:
            i = between(rng, 1, len(core) - 2)  # transposed letters: Brightpath -> Brigthpath
            name = core[:i] + core[i + 1] + core[i] + core[i + 2 :]
        else:
            name = core.lower()
        return ascii_fold(name) if context is Context.CARD else name

    # names ------------------------------------------------------------------------------
    def name(self, person: Person, context: Context) -> tuple[str, str]:
        """(first name, last name) as one record holds them."""
        rng = self._rng
        if not person.family_kanji:
            given = NICKNAMES.get(person.given, person.given) if rng.random() < 0.1 else person.given
            family = person.family
            r = rng.random()
            if context is Context.CARD or r < 0.05:
                given, family = ascii_fold(given), ascii_fold(family)
            elif r < 0.08:
                family = family.upper()
            elif r < 0.1:
                given, family = given.lower(), family.lower()
            return given, family
        r = rng.random()
        family_kanji = person.family_kanji_common if rng.random() < 0.12 else person.family_kanji
        if context is Context.GLOBAL:
            if r < 0.55:
                return person.given, person.family
            if r < 0.78:
                return person.given_kanji, family_kanji
            if r < 0.84:
                return person.family, person.given  # family-name-first typed into western fields
            if r < 0.89:
                return person.given, person.family.upper()
            if r < 0.92:
                return "", f"{family_kanji} {person.given_kanji}"
            other = pick(rng, [s for s in RomajiStyle if s is not person.romaji_style])
            return to_romaji(person.given_kana, other), to_romaji(person.family_kana, other)
        if context is Context.CARD or r < 0.7:
            return person.given_kanji, family_kanji
        if r < 0.76:
            return person.given_kana, person.family_kana
        if r < 0.84:
            return person.given, person.family
        if r < 0.86:
            return to_halfwidth_kana(person.given_kana), to_halfwidth_kana(person.family_kana)
        if r < 0.9:
            return "", pick(
                rng, (f"{family_kanji}\u3000{person.given_kanji}", f"{family_kanji} {person.given_kanji}")
            )
        if r < 0.95:
            return family_kanji, person.given_kanji  # swapped: family name typed first
        return to_fullwidth(person.given), to_fullwidth(person.family)

    def kana(self, person: Person) -> tuple[str, str]:
        """Reading fields of a card scan: (first, last), usually full-width katakana."""
        r = self._rng.random()
        if not person.family_kana or r < 0.08:
            return "", ""
        if r < 0.2:
            return to_halfwidth_kana(person.given_kana), to_halfwidth_kana(person.family_kana)
        return person.given_kana, person.family_kana

    def crm_fields(self, person: Person, at: int, role_user: bool, personal_user: bool) -> list[str]:
        """[first, last, email, phone, company, title, country] as typed into a global CRM/MA."""
        rng = self._rng
        first, last = self.name(person, Context.GLOBAL)
        email = self.email(person, person.email_at(at), Context.GLOBAL, role_user, personal_user)
        phone = person.mobile if person.mobile and rng.random() < 0.15 else person.phone
        typed_phone = "" if rng.random() < 0.15 else self.phone(phone, Context.GLOBAL)
        company = self.company(person.account_at(at), Context.GLOBAL)
        title = person.title_at(at) if rng.random() < 0.93 else ""
        return [first, last, email, typed_phone, company, title, self.country(person.country, Context.GLOBAL)]

    # titles and countries ---------------------------------------------------------------
    def title(self, person: Person, context: Context) -> str:
        rng = self._rng
        if rng.random() < 0.07:
            return ""
        if context is Context.GLOBAL or not person.is_japanese:
            return person.title_en
        if person.department_ja and rng.random() < 0.6:
            return f"{person.department_ja} {person.title_ja}".strip()
        return person.title_ja or person.department_ja

    def country(self, country: Country, context: Context) -> str:
        r = self._rng.random()
        if r < 0.05:
            return ""
        if country.code == "JP" and context is not Context.GLOBAL and r < 0.6:
            return "日本"
        if r < 0.75:
            return country.name
        return pick(self._rng, [s for s in country.spellings if s != "日本"])
