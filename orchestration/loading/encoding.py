"""Encoding detection: extracts declare nothing reliable, so the bytes decide.

Card scanners write Shift_JIS (cp932), Excel writes UTF-8 with a BOM, APIs write plain UTF-8.
A file is UTF-8 only if every byte of it decodes as UTF-8; otherwise cp932 is tried, which is a
strict superset of Shift_JIS with the NEC/IBM extensions (①, ㈱, 髙) real Japanese exports use.
"""

from __future__ import annotations

import codecs
from pathlib import Path

UTF8_BOM = codecs.BOM_UTF8
_CHUNK = 1 << 22


class UndecodableFileError(ValueError):
    """Neither UTF-8 nor cp932: the message names the file and where decoding failed."""


def _first_bad_position(path: Path, encoding: str, skip: int) -> tuple[int, int] | None:
    """Returns (byte offset, line number) of the first undecodable byte, or None if it decodes."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    offset = skip
    line = 1
    with path.open("rb") as handle:
        handle.seek(skip)
        while chunk := handle.read(_CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                return offset + error.start, line + chunk[: error.start].count(b"\n")
            offset += len(chunk)
            line += chunk.count(b"\n")
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return offset, line
    return None


def detect_encoding(path: Path) -> str:
    """Returns 'utf-8-sig', 'utf-8' or 'cp932', or raises UndecodableFileError."""
    with path.open("rb") as handle:
        has_bom = handle.read(len(UTF8_BOM)) == UTF8_BOM
    skip = len(UTF8_BOM) if has_bom else 0
    utf8_failure = _first_bad_position(path, "utf-8", skip)
    if utf8_failure is None:
        return "utf-8-sig" if has_bom else "utf-8"
    if _first_bad_position(path, "cp932", skip) is None:
        return "cp932"
    offset, line = utf8_failure
    raise UndecodableFileError(
        f"{path}: line {line} (byte {offset}) is neither UTF-8 nor Shift_JIS/cp932"
        + (" although the file starts with a UTF-8 byte-order mark" if has_bom else "")
    )
