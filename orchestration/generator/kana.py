"""Japanese text forms: katakana readings to Hepburn romaji, half-width kana, full-width ASCII.

Romaji is derived from the reading instead of being stored next to it, so the same person can be
spelled the ways Japanese people actually write themselves in Latin letters: passport Hepburn
(Sato, Ota, Yuko), the "oh" style (Satoh, Ohta) and word-processor input (Satou, Oota, Yuuko).
"""

from __future__ import annotations

import unicodedata
from enum import Enum
from functools import lru_cache

# fmt: off
_MONO = {
    "ア": "a", "イ": "i", "ウ": "u", "エ": "e", "オ": "o",
    "カ": "ka", "キ": "ki", "ク": "ku", "ケ": "ke", "コ": "ko",
    "サ": "sa", "シ": "shi", "ス": "su", "セ": "se", "ソ": "so",
    "タ": "ta", "チ": "chi", "ツ": "tsu", "テ": "te", "ト": "to",
    "ナ": "na", "ニ": "ni", "ヌ": "nu", "ネ": "ne", "ノ": "no",
    "ハ": "ha", "ヒ": "hi", "フ": "fu", "ヘ": "he", "ホ": "ho",
    "マ": "ma", "ミ": "mi", "ム": "mu", "メ": "me", "モ": "mo",
    "ヤ": "ya", "ユ": "yu", "ヨ": "yo",
    "ラ": "ra", "リ": "ri", "ル": "ru", "レ": "re", "ロ": "ro",
    "ワ": "wa", "ヲ": "o", "ン": "n",
    "ガ": "ga", "ギ": "gi", "グ": "gu", "ゲ": "ge", "ゴ": "go",
    "ザ": "za", "ジ": "ji", "ズ": "zu", "ゼ": "ze", "ゾ": "zo",
    "ダ": "da", "ヂ": "ji", "ヅ": "zu", "デ": "de", "ド": "do",
    "バ": "ba", "ビ": "bi", "ブ": "bu", "ベ": "be", "ボ": "bo",
    "パ": "pa", "ピ": "pi", "プ": "pu", "ペ": "pe", "ポ": "po",
    "ヴ": "vu",
}
# fmt: on
_SMALL_Y = {"ャ": "a", "ュ": "u", "ョ": "o"}
_VOWELS = frozenset("アイウエオ")


class RomajiStyle(Enum):
    PASSPORT = "passport"  # long vowels dropped: Sato, Ota, Yuko (what passports and most cards show)
    OH = "oh"  # long o written oh: Satoh, Ohta, Itoh
    WAPURO = "wapuro"  # kana typed letter by letter: Satou, Oota, Yuuko


def _syllables(kana: str) -> list[tuple[str, str]]:
    """Split a katakana reading into (kana, romaji) syllables, digraphs kept together."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(kana):
        char = kana[i]
        nxt = kana[i + 1] if i + 1 < len(kana) else ""
        if nxt in _SMALL_Y and char in _MONO:
            base = _MONO[char]
            # シャ -> sha, チョ -> cho, ジュ -> ju: the i of the base syllable merges away.
            stem = base[:-1] if base in ("shi", "chi", "ji") else base[:-1] + "y"
            out.append((char + nxt, stem + _SMALL_Y[nxt]))
            i += 2
            continue
        if char == "ッ":
            out.append((char, ""))
        elif char == "ー":
            out.append((char, "-"))
        else:
            out.append((char, _MONO.get(char, char)))
        i += 1
    return out


@lru_cache(maxsize=8192)  # readings come from small tables: convert each spelling once
def to_romaji(kana: str, style: RomajiStyle = RomajiStyle.PASSPORT, capitalize: bool = True) -> str:
    """Hepburn romaji of a katakana reading (サトウ -> Sato / Satoh / Satou)."""
    syllables = _syllables(kana)
    parts: list[str] = []
    for index, (char, roman) in enumerate(syllables):
        prev = parts[-1] if parts else ""
        following = syllables[index + 1][0] if index + 1 < len(syllables) else ""
        long_vowel = (
            (prev.endswith("o") and char in ("ウ", "オ")) or (prev.endswith("u") and char == "ウ")
        ) and following[:1] not in _VOWELS  # イノウエ is Ino-u-e, not a long o
        if char == "ッ" and following:
            nxt = syllables[index + 1][1]
            roman = "t" if nxt.startswith("ch") else nxt[:1]
        elif char == "ー":
            roman = "" if style is not RomajiStyle.WAPURO else (prev[-1:] or "")
        if long_vowel and style is RomajiStyle.PASSPORT:
            continue
        if long_vowel and style is RomajiStyle.OH:
            next_roman = syllables[index + 1][1] if following else ""
            parts.append("h" if prev.endswith("o") and not next_roman.startswith("h") else "")
            continue
        parts.append(roman)
    text = "".join(parts)
    return text.capitalize() if capitalize else text


def _build_halfwidth() -> dict[str, str]:
    table: dict[str, str] = {}
    for code in range(0xFF66, 0xFF9E):
        half = chr(code)
        table.setdefault(unicodedata.normalize("NFKC", half), half)
        for mark in ("ﾞ", "ﾟ"):
            combined = unicodedata.normalize("NFKC", half + mark)
            if len(combined) == 1:
                table.setdefault(combined, half + mark)
    table["・"] = "･"
    return table


_HALFWIDTH = _build_halfwidth()
_FULLWIDTH_ASCII = {code: code + 0xFEE0 for code in range(0x21, 0x7F)} | {0x20: 0x3000}


def to_halfwidth_kana(text: str) -> str:
    """ヤマダ -> ﾔﾏﾀﾞ, as older systems and card scanners store readings."""
    return "".join(_HALFWIDTH.get(char, char) for char in text)


def to_fullwidth(text: str) -> str:
    """ABC 03-1234 -> ＡＢＣ　０３－１２３４, as typed with a Japanese IME left in wide mode."""
    return text.translate(_FULLWIDTH_ASCII)


def ascii_fold(text: str) -> str:
    """Müller -> Muller: what card scanners keep of accented Latin names in Shift_JIS exports."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))
