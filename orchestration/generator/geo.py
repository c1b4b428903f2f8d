"""Places: Japan's 47 prefectures (JIS X 0401 codes, postcode ranges, area codes, capitals) and
the countries of the global regions with the spellings CRMs collect for them."""

from __future__ import annotations

import random
from dataclasses import dataclass

from orchestration.generator.chance import between, pick


@dataclass(frozen=True, slots=True)
class Prefecture:
    jis: str  # JIS X 0401 code, "01".."47"
    name: str
    romaji: str
    postcode_first: int  # first three postcode digits span [first, last]
    postcode_last: int
    area_code: str  # landline area code of the prefectural capital, trunk 0 included
    capital: str  # city (Tokyo: ward) that addresses are placed in


def _pref(row: str) -> Prefecture:
    jis, name, romaji, postcodes, area, capital = row.split()
    first, last = postcodes.split("-")
    return Prefecture(jis, name, romaji, int(first), int(last), area, capital)


PREFECTURES: tuple[Prefecture, ...] = tuple(
    _pref(row)
    for row in """
01 北海道 Hokkaido 040-099 011 札幌市中央区
02 青森県 Aomori 030-039 017 青森市
03 岩手県 Iwate 020-029 019 盛岡市
04 宮城県 Miyagi 980-989 022 仙台市青葉区
05 秋田県 Akita 010-019 018 秋田市
06 山形県 Yamagata 990-999 023 山形市
07 福島県 Fukushima 960-979 024 福島市
08 茨城県 Ibaraki 300-319 029 水戸市
09 栃木県 Tochigi 320-329 028 宇都宮市
10 群馬県 Gunma 370-379 027 前橋市
11 埼玉県 Saitama 330-369 048 さいたま市大宮区
12 千葉県 Chiba 260-299 043 千葉市中央区
13 東京都 Tokyo 100-208 03 千代田区
14 神奈川県 Kanagawa 210-259 045 横浜市西区
15 新潟県 Niigata 940-959 025 新潟市中央区
16 富山県 Toyama 930-939 076 富山市
17 石川県 Ishikawa 920-929 076 金沢市
18 福井県 Fukui 910-919 0776 福井市
19 山梨県 Yamanashi 400-409 055 甲府市
20 長野県 Nagano 380-399 026 長野市
21 岐阜県 Gifu 500-509 058 岐阜市
22 静岡県 Shizuoka 410-439 054 静岡市葵区
23 愛知県 Aichi 440-498 052 名古屋市中村区
24 三重県 Mie 510-519 059 津市
25 滋賀県 Shiga 520-529 077 大津市
26 京都府 Kyoto 600-629 075 京都市下京区
27 大阪府 Osaka 530-599 06 大阪市北区
28 兵庫県 Hyogo 650-679 078 神戸市中央区
29 奈良県 Nara 630-639 0742 奈良市
30 和歌山県 Wakayama 640-649 073 和歌山市
31 鳥取県 Tottori 680-689 0857 鳥取市
32 島根県 Shimane 690-699 0852 松江市
33 岡山県 Okayama 700-719 086 岡山市北区
34 広島県 Hiroshima 720-739 082 広島市中区
35 山口県 Yamaguchi 740-759 083 山口市
36 徳島県 Tokushima 770-779 088 徳島市
37 香川県 Kagawa 760-769 087 高松市
38 愛媛県 Ehime 790-799 089 松山市
39 高知県 Kochi 780-789 088 高知市
40 福岡県 Fukuoka 800-839 092 福岡市博多区
41 佐賀県 Saga 840-849 0952 佐賀市
42 長崎県 Nagasaki 850-859 095 長崎市
43 熊本県 Kumamoto 860-869 096 熊本市中央区
44 大分県 Oita 870-879 097 大分市
45 宮崎県 Miyazaki 880-889 0985 宮崎市
46 鹿児島県 Kagoshima 890-899 099 鹿児島市
47 沖縄県 Okinawa 900-909 098 那覇市
""".strip().splitlines()
)

# B2B buyers cluster in the big business prefectures; weights follow that, roughly.
_PREFECTURE_WEIGHTS = {"13": 40, "27": 10, "14": 8, "23": 8, "40": 4, "11": 3, "12": 2, "26": 2}
PREFECTURE_WEIGHTS: tuple[int, ...] = tuple(_PREFECTURE_WEIGHTS.get(p.jis, 1) for p in PREFECTURES)

_TOWNS = ("中央", "本町", "栄町", "駅前", "幸町", "錦町", "大手町", "丸の内", "東町", "港町", "緑町")
_BUILDINGS = ("ビル", "タワー", "センタービル", "第二ビル", "ビジネスセンター")


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    region: str  # JP, AMER, EMEA, APAC
    spellings: tuple[str, ...]  # first is the canonical English name
    calling_code: str
    trunk: bool  # national numbers start with 0 that the international form drops
    area_codes: tuple[str, ...]
    tld: str
    legal_forms: tuple[str, ...]
    states: tuple[tuple[str, str], ...] = ()  # (code, name)

    @property
    def name(self) -> str:
        return self.spellings[0]


def _c(
    code: str,
    region: str,
    spellings: str,
    cc: str,
    areas: str,
    tld: str,
    forms: str,
    states: str = "",
) -> Country:
    pairs = tuple((s.split(":")[0], s.split(":")[1]) for s in states.split(",")) if states else ()
    return Country(
        code,
        region,
        tuple(spellings.split("|")),
        cc,
        areas.startswith("0") and code != "IT",  # Italy keeps its 0 after +39
        tuple(areas.split(",")),
        tld,
        tuple(forms.split("|")),
        pairs,
    )


COUNTRIES: dict[str, Country] = {
    c.code: c
    for c in (
        _c("JP", "JP", "Japan|JP|日本|JPN", "81", "03", "co.jp", "株式会社"),
        _c(
            "US",
            "AMER",
            "United States|US|USA|U.S.|United States of America",
            "1",
            "212,415,617,312,512,206,303,404,703,919",
            "com",
            "Inc.|LLC|Corp.|Inc.",
            "CA:California,NY:New York,TX:Texas,WA:Washington,MA:Massachusetts,IL:Illinois,"
            "GA:Georgia,CO:Colorado,NC:North Carolina,VA:Virginia",
        ),
        _c(
            "CA",
            "AMER",
            "Canada|CA",
            "1",
            "416,604,514,403",
            "ca",
            "Inc.|Ltd.",
            "ON:Ontario,BC:British Columbia,QC:Quebec,AB:Alberta",
        ),
        _c("BR", "AMER", "Brazil|Brasil|BR", "55", "11,21,31", "com.br", "Ltda.|S.A."),
        _c(
            "GB",
            "EMEA",
            "United Kingdom|UK|GB|Great Britain",
            "44",
            "020,0161,0113",
            "co.uk",
            "Ltd|Limited|PLC",
        ),
        _c("DE", "EMEA", "Germany|DE|Deutschland", "49", "030,089,040,069", "de", "GmbH|AG|GmbH"),
        _c("FR", "EMEA", "France|FR", "33", "01,04,05", "fr", "SAS|SA"),
        _c("NL", "EMEA", "Netherlands|NL|The Netherlands", "31", "020,010", "nl", "B.V.|N.V."),
        _c("ES", "EMEA", "Spain|ES|España", "34", "91,93", "es", "S.L.|S.A."),
        _c("IT", "EMEA", "Italy|IT|Italia", "39", "02,06", "it", "S.p.A.|S.r.l."),
        _c("SE", "EMEA", "Sweden|SE", "46", "08,031", "se", "AB"),
        _c("CH", "EMEA", "Switzerland|CH|Schweiz", "41", "044,022", "ch", "AG|SA"),
        _c("SG", "APAC", "Singapore|SG", "65", "6", "com.sg", "Pte. Ltd."),
        _c(
            "AU",
            "APAC",
            "Australia|AU",
            "61",
            "02,03",
            "com.au",
            "Pty Ltd",
            "NSW:New South Wales,VIC:Victoria,QLD:Queensland",
        ),
        _c("IN", "APAC", "India|IN", "91", "022,080", "in", "Pvt. Ltd.|Ltd."),
        _c("KR", "APAC", "South Korea|Korea, Republic of|KR|Korea", "82", "02,031", "co.kr", "Co., Ltd."),
    )
}

# fmt: off
GLOBAL_COUNTRY_WEIGHTS: dict[str, int] = {
    "US": 40, "CA": 4, "BR": 3, "GB": 10, "DE": 9, "FR": 6, "NL": 3, "ES": 2, "IT": 2, "SE": 2,
    "CH": 2, "SG": 4, "AU": 5, "IN": 5, "KR": 3,
}
# fmt: on

# A phone number as its parts: calling code, area code (trunk 0 included where used), subscriber.
Phone = tuple[str, str, str, str]


def japanese_landline(rng: random.Random, pref: Prefecture) -> Phone:
    area = pref.area_code
    mid_len = {2: 4, 3: 3, 4: 2}[len(area)]  # Japanese landlines have ten digits in all
    mid = str(between(rng, 10 ** (mid_len - 1) * 2, 10**mid_len))
    return ("81", area, mid, f"{between(rng, 0, 10_000):04d}")


def japanese_mobile(rng: random.Random) -> Phone:
    prefix = pick(rng, ("090", "080", "070"))
    return ("81", prefix, f"{between(rng, 1000, 10_000)}", f"{between(rng, 0, 10_000):04d}")


def foreign_phone(rng: random.Random, country: Country) -> Phone:
    area = pick(rng, country.area_codes)
    mid_len = 3 if country.code in ("US", "CA") else 4
    mid = str(between(rng, 2 * 10 ** (mid_len - 1), 10**mid_len))
    return (country.calling_code, area, mid, f"{between(rng, 0, 10_000):04d}")


def postcode(rng: random.Random, pref: Prefecture) -> str:
    return f"{rng.randint(pref.postcode_first, pref.postcode_last):03d}-{between(rng, 0, 10_000):04d}"


def street_address(rng: random.Random, pref: Prefecture) -> str:
    """City, town, chome-ban-go and often a building: 千代田区丸の内2-4-1 丸の内センタービル5F."""
    town = pick(rng, _TOWNS)
    block = f"{rng.randint(1, 5)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}"
    building = f" {town}{pick(rng, _BUILDINGS)}{rng.randint(2, 25)}F" if rng.random() < 0.6 else ""
    return f"{pref.capital}{town}{block}{building}"
