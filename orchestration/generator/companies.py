"""Accounts: the companies people work for, Japanese (株式会社 before or after the name, 有限会社,
合同会社, 一般社団法人) and global (Inc., GmbH, Ltd ...), each with a unique domain, an industry,
a size, a switchboard number and, for Japanese companies, a 13-digit corporate number."""

from __future__ import annotations

import math
import random
import string
from dataclasses import dataclass, field
from itertools import accumulate

from orchestration.generator.chance import between, pick, weighted
from orchestration.generator.geo import (
    COUNTRIES,
    GLOBAL_COUNTRY_WEIGHTS,
    PREFECTURE_WEIGHTS,
    PREFECTURES,
    Country,
    Phone,
    Prefecture,
    foreign_phone,
    japanese_landline,
    postcode,
    street_address,
)


@dataclass(frozen=True, slots=True)
class Industry:
    name: str
    hubspot: str  # HubSpot's industry enumeration value
    japanese: str
    fit: float  # how well the vendor's product suits the industry
    jp_words: tuple[tuple[str, str], ...]  # (Japanese word, English or Hepburn word)
    global_words: tuple[str, ...]


def _ind(name: str, hubspot: str, ja: str, fit: float, jp: str, en: str) -> Industry:
    pairs = tuple((w.split(":")[0], w.split(":")[1]) for w in jp.split(","))
    return Industry(name, hubspot, ja, fit, pairs, tuple(en.split(",")))


# fmt: off
INDUSTRIES: tuple[Industry, ...] = (
    _ind("Software", "COMPUTER_SOFTWARE", "ソフトウェア", 1.0,
         "ソフトウェア:Software,テクノロジー:Technology,ソリューションズ:Solutions",
         "Software,Labs,Cloud,Analytics"),
    _ind("IT Services", "INFORMATION_TECHNOLOGY_AND_SERVICES", "情報・通信", 0.95,
         "システム:Systems,情報システム:Information Systems,ネットワークス:Networks,データ:Data",
         "Systems,Technologies,Data,Digital"),
    _ind("Manufacturing", "MACHINERY", "製造", 0.8,
         "精機:Seiki,電機:Denki,工業:Kogyo,製作所:Seisakusho,エンジニアリング:Engineering",
         "Manufacturing,Industries,Precision,Components,Engineering"),
    _ind("Financial Services", "FINANCIAL_SERVICES", "金融", 0.85,
         "証券:Securities,ファイナンス:Finance,キャピタル:Capital", "Capital,Financial,Partners"),
    _ind("Retail", "RETAIL", "小売", 0.55, "商事:Shoji,百貨店:Department Store,リテール:Retail",
         "Retail,Stores,Brands"),
    _ind("Healthcare", "HOSPITAL_HEALTH_CARE", "医療・ヘルスケア", 0.5,
         "製薬:Pharmaceutical,メディカル:Medical", "Health,Pharma,Medical"),
    _ind("Logistics", "LOGISTICS_AND_SUPPLY_CHAIN", "物流", 0.55, "物流:Logistics,運輸:Unyu",
         "Logistics,Freight,Transport"),
    _ind("Construction", "CONSTRUCTION", "建設", 0.4, "建設:Kensetsu,工務店:Komuten",
         "Construction,Builders"),
    _ind("Professional Services", "MANAGEMENT_CONSULTING", "コンサルティング", 0.6,
         "コンサルティング:Consulting,総研:Research Institute", "Consulting,Advisory,Partners"),
    _ind("Chemicals", "CHEMICALS", "化学", 0.45, "化学:Chemical,化成:Kasei", "Chemicals,Materials"),
    _ind("Food & Beverage", "FOOD_BEVERAGES", "食品", 0.35, "食品:Foods,製菓:Seika",
         "Foods,Beverages"),
    _ind("Real Estate", "REAL_ESTATE", "不動産", 0.35, "不動産:Real Estate,地所:Jisho",
         "Properties,Realty"),
    _ind("Media", "MARKETING_AND_ADVERTISING", "広告・メディア", 0.5, "広告:Kokoku,メディア:Media",
         "Media,Marketing,Creative"),
    _ind("Telecommunications", "TELECOMMUNICATIONS", "通信", 0.7, "通信:Tsushin,テレコム:Telecom",
         "Telecom,Networks"),
    _ind("Education", "EDUCATION_MANAGEMENT", "教育", 0.3, "教育:Kyoiku,スクール:School",
         "Education,Learning"),
)
# fmt: on
_INDUSTRY_CUM = tuple(accumulate((14, 14, 16, 8, 8, 6, 6, 5, 7, 4, 4, 3, 3, 3, 2)))


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    """'中央:Chuo 東洋:Toyo' -> (('中央', 'Chuo'), ('東洋', 'Toyo'))."""
    return tuple((word.split(":")[0], word.split(":")[1]) for word in _words(text))


# Name cores of Japanese companies with their Hepburn or English reading.
_KANJI_CORES = _pairs(
    "中央:Chuo 東洋:Toyo 日本:Nihon 大和:Yamato 富士:Fuji 三和:Sanwa 北陸:Hokuriku 関西:Kansai "
    "九州:Kyushu 湘南:Shonan 青葉:Aoba 光:Hikari 新星:Shinsei 旭:Asahi 太陽:Taiyo 明和:Meiwa "
    "協和:Kyowa 昭和:Showa 丸山:Maruyama 千代田:Chiyoda 横浜:Yokohama 名古屋:Nagoya 北斗:Hokuto "
    "東邦:Toho 日東:Nitto 大同:Daido 共栄:Kyoei 平和:Heiwa 双葉:Futaba 高砂:Takasago 白鳥:Shiratori "
    "若葉:Wakaba 朝日:Asahi 東亜:Toa 西日本:Nishinihon 東日本:Higashinihon 信越:Shinetsu 山陽:Sanyo "
    "四国:Shikoku 城南:Jonan 京浜:Keihin 阪神:Hanshin 中部:Chubu 東海:Tokai 北辰:Hokushin "
    "誠和:Seiwa 栄光:Eiko 大成:Taisei 日進:Nisshin 第一:Daiichi さくら:Sakura みらい:Mirai "
    "ひかり:Hikari つばさ:Tsubasa"
)
_KATAKANA_CORES = _pairs(
    "アルファ:Alpha ネクスト:Next グローバル:Global ユニオン:Union テクノ:Techno サンライズ:Sunrise "
    "ブライト:Bright フォーカス:Focus リンク:Link スマート:Smart クレスト:Crest オメガ:Omega "
    "プライム:Prime コスモ:Cosmo ユニバーサル:Universal"
)
_GLOBAL_CORES = tuple(
    word.replace("_", " ")  # Blue_River is one core of two words
    for word in _words(
        "Blue_River Northwind Summit Pinnacle Redwood Silverline Brightpath Ironclad Clearwater "
        "Evergreen Keystone Lighthouse Meridian Nexus Orion Quantum Sterling Vertex Atlas Beacon "
        "Cascade Crescent Harbor Horizon Granite Falcon Apex Zenith Polaris Sequoia Maple Cobalt "
        "Amber Halcyon Juniper Tidewater Westbrook Kingsbridge Ashford Hartwell Brandt Lindqvist "
        "Castell Rhein Nordic Alpine Baltic Helios Astra Lumen Vela Kestrel Osprey Fjord Sierra "
        "Coral Aurora Copperleaf Bluestone Greenfield Oakridge Riverbend Stonegate Whitehall"
    )
)


@dataclass(slots=True)
class Account:
    aid: str
    is_japanese: bool
    country: Country
    industry: Industry
    employees: int
    revenue_usd: int
    legal_form: str
    form_first: bool  # 前株: the legal form precedes the name
    core: str  # the name without legal form: 中央精機, アルファシステムズ, Blue River Analytics
    english: str  # Chuo Seiki Co., Ltd. / Blue River Analytics Inc.
    name: str  # canonical registered name
    katakana_core: bool
    domain: str
    corporate_number: str
    prefecture: Prefecture | None  # Japanese accounts and global accounts' Japan offices
    switchboard: Phone
    postcode: str
    address: str
    email_pattern: int
    japan_office: bool
    fit: float
    created_at: int = 0
    ids: dict[str, str] = field(default_factory=dict)  # system record ids, filled by emitters


def corporate_number(base12: str) -> str:
    """法人番号: a check digit computed over the 12-digit registry number, then the number."""
    total = sum(int(d) * (1 if i % 2 == 0 else 2) for i, d in enumerate(reversed(base12)))
    return f"{9 - total % 9}{base12}"


def _slug(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch in string.ascii_lowercase + string.digits)


class AccountFactory:
    """Makes accounts one at a time, keeping names and domains unique across the run."""

    def __init__(self, rng: random.Random, history_start: int, now: int) -> None:
        self._rng = rng
        self._names: set[str] = set()
        self._domains: set[str] = set()
        self._count = 0
        self._history = (history_start, now)
        self._countries = [COUNTRIES[c] for c in GLOBAL_COUNTRY_WEIGHTS]
        self._country_weights = list(GLOBAL_COUNTRY_WEIGHTS.values())

    def _unique_domain(self, candidates: list[str], fallback: str) -> str:
        for domain in candidates:
            if domain not in self._domains:
                self._domains.add(domain)
                return domain
        number = 2
        while f"{fallback}{number}" in self._domains:
            number += 1
        self._domains.add(f"{fallback}{number}")
        return f"{fallback}{number}"

    def _japanese_core(self, industry: Industry, form: str, plain: bool) -> tuple[str, str]:
        """(core, English core): 中央精機 / Chuo Seiki, アルファシステム / Alpha Systems, ABC商事."""
        rng = self._rng
        word, word_en = pick(rng, industry.jp_words)
        kind = 0.0 if plain else rng.random()
        if form == "一般社団法人":
            core_kanji, core_en = pick(rng, _KANJI_CORES)
            return f"{core_kanji}{word}協会", f"{core_en} {word_en} Association"
        if kind < 0.6:
            core_kanji, core_en = pick(rng, _KANJI_CORES)
            return core_kanji + word, f"{core_en} {word_en}"
        if kind < 0.85:
            kana, core_en = pick(rng, _KATAKANA_CORES)
            return kana + word, f"{core_en} {word_en}"
        letters = "".join(rng.choices(string.ascii_uppercase, k=pick(rng, (2, 3, 3, 4))))
        return letters + word, f"{letters} {word_en}"

    def _japanese_name(self, industry: Industry, form: str) -> tuple[str, str]:
        # Retries keep names unique; same-named companies exist in Japan, but rarely in one CRM.
        for attempt in range(40):
            core, english = self._japanese_core(industry, form, plain=attempt > 30)
            if core not in self._names:
                break
        self._names.add(core)
        return core, english

    def _global_name(self, industry: Industry) -> str:
        rng = self._rng
        for attempt in range(40):
            core = f"{pick(rng, _GLOBAL_CORES)} {pick(rng, industry.global_words)}"
            if attempt > 20:
                core = f"{pick(rng, _GLOBAL_CORES)} {pick(rng, _GLOBAL_CORES)} {core.split()[-1]}"
            if core not in self._names:
                break
        self._names.add(core)
        return core

    def new(self, is_japanese: bool) -> Account:
        rng = self._rng
        self._count += 1
        industry = weighted(rng, INDUSTRIES, _INDUSTRY_CUM)
        employees = max(3, min(250_000, int(rng.lognormvariate(5.0, 1.6))))
        revenue_usd = int(employees * rng.uniform(80_000, 400_000))
        size_fit = 0.4 if employees < 50 else 0.7 if employees < 200 else 1.0 if employees < 5000 else 0.85
        country = COUNTRIES["JP"] if is_japanese else rng.choices(self._countries, self._country_weights)[0]
        japan_office = is_japanese or (employees >= 500 and rng.random() < 0.45)
        prefecture = rng.choices(PREFECTURES, PREFECTURE_WEIGHTS)[0] if japan_office else None
        if is_japanese:
            form = rng.choices(("株式会社", "有限会社", "合同会社", "一般社団法人"), (88, 6, 5, 1))[0]
            core, core_en = self._japanese_name(industry, form)
            katakana = all("゠" <= char <= "ヿ" for char in core)
            form_first = form == "一般社団法人" or rng.random() < 0.55
            name = f"{form}{core}" if form_first else f"{core}{form}"
            english_form = pick(
                rng,
                {"合同会社": ("LLC", "G.K."), "有限会社": ("Co., Ltd.", "Y.K.")}.get(
                    form, ("Co., Ltd.", "Co., Ltd.", "Corporation", "Inc.", "K.K.")
                ),
            )
            english = core_en if form == "一般社団法人" else f"{core_en} {english_form}"
            base = _slug(core_en)
            tail = pick(rng, ("co.jp", "co.jp", "co.jp", "jp", "com"))
            words = core_en.lower().split()
            candidates = [f"{'-'.join(words)[:32]}.{tail}", f"{base[:28]}.{tail}"]
            domain = self._unique_domain(candidates[:: pick(rng, (1, -1))], f"{base[:16]}.co.jp")
            assert prefecture is not None
            switchboard = japanese_landline(rng, prefecture)
            type_code = {"株式会社": "01", "有限会社": "02", "合同会社": "03"}.get(form, "05")
            registry = f"{int(prefecture.jis) * 100 + between(rng, 1, 20):04d}"
            number = corporate_number(f"{registry}{type_code}{between(rng, 0, 1_000_000):06d}")
            pc, address = postcode(rng, prefecture), street_address(rng, prefecture)
        else:
            core = self._global_name(industry)
            form = pick(rng, country.legal_forms)
            form_first, katakana = False, False
            name = english = f"{core} {form}"
            base = _slug(core)
            words = core.lower().split()
            tails = ("com", "com", "io", country.tld)
            candidates = [
                f"{base}.{pick(rng, tails)}",
                f"{'-'.join(words)}.com",
                f"{words[0]}.{country.tld}",
            ]
            domain = self._unique_domain(candidates, f"{base}.com")
            switchboard, number = foreign_phone(rng, country), ""
            pc, address = (
                (postcode(rng, prefecture), street_address(rng, prefecture)) if prefecture else ("", "")
            )
        start, now = self._history
        return Account(
            aid=f"A{self._count:07d}",
            is_japanese=is_japanese,
            country=country,
            industry=industry,
            employees=employees,
            revenue_usd=revenue_usd,
            legal_form=form,
            form_first=form_first,
            core=core,
            english=english,
            name=name,
            katakana_core=katakana,
            domain=domain,
            corporate_number=number,
            prefecture=prefecture,
            switchboard=switchboard,
            postcode=pc,
            address=address,
            email_pattern=between(rng, 0, 5),
            japan_office=japan_office,
            fit=industry.fit * size_fit,
            created_at=start + int(rng.random() * (now - start) * 0.8),
        )

    def people_count(self, account: Account) -> int:
        """Bigger companies show up with more people (a buying group, not a single lead)."""
        mean = 1.5 + 1.2 * math.log10(account.employees)
        return min(200, 1 + int(self._rng.expovariate(1 / (mean - 1))))
