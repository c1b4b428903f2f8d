"""Column and folder names as delivered -> canonical snake_case names (docs/landing_contract.md)."""

from __future__ import annotations

import re
import unicodedata

# Card-scanning services (Sansan, Eight, trade-show scanners) export Japanese headers.
# Keys are compared after NFKC, so full-width brackets and half-width kana match too.
JAPANESE_HEADER_ALIASES: dict[str, str] = {
    "会社名": "company_name",
    "企業名": "company_name",
    "部署名": "department",
    "部署": "department",
    "役職": "title",
    "役職名": "title",
    "姓": "last_name",
    "名": "first_name",
    "姓(カナ)": "last_name_kana",
    "名(カナ)": "first_name_kana",
    "セイ": "last_name_kana",
    "メイ": "first_name_kana",
    "メールアドレス": "email",
    "eメール": "email",
    "電話番号": "phone",
    "携帯電話": "mobile_phone",
    "携帯電話番号": "mobile_phone",
    "郵便番号": "postal_code",
    "都道府県": "prefecture",
    "住所": "address",
    "url": "url",
    "法人番号": "corporate_number",
    "展示会名": "event_name",
    "イベント名": "event_name",
    "取得日時": "captured_at",
    "名刺交換日": "captured_at",
    "導入予定時期": "timeline",
    "予算": "budget",
    "決裁権": "authority",
    "検討中の課題": "need",
    "メモ": "memo",
}

_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_WORD = re.compile(r"[^0-9a-zA-Z]+")


def normalize_column_name(header: str) -> str:
    """Map an export header to its canonical snake_case column name.

    `FirstName`, `firstName`, `first_name` and `FIRST NAME` all give `first_name`; Japanese
    headers go through JAPANESE_HEADER_ALIASES; other non-ASCII headers keep their NFKC text so
    nothing is lost (raw fidelity) even when no alias exists yet.
    """
    text = unicodedata.normalize("NFKC", header).strip().lstrip("\ufeff")
    alias = JAPANESE_HEADER_ALIASES.get(text.lower().replace(" ", ""))
    if alias:
        return alias
    if not text.isascii():
        return re.sub(r"\s+", "_", text)
    snake = _CAMEL_BOUNDARY.sub("_", text)
    return _NON_WORD.sub("_", snake).strip("_").lower()


def object_key(name: str) -> str:
    """Style-insensitive folder key: `OpportunityContactRole` == `opportunity_contact_role`."""
    return normalize_column_name(name).replace("_", "")
