"""Turn one delivered file into something DuckDB can scan as all-VARCHAR rows.

CSV stays CSV (transcoded to UTF-8 only when it is not UTF-8 already); JSON Lines are parsed
and flattened here, because a HubSpot object nests its fields under `properties` and its links
under `associations`, and because a broken line must be kept with its line number.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orchestration.loading.contract import LandingObject
from orchestration.loading.naming import normalize_column_name

CONNECTOR_PROPERTY_PREFIX = "property_"


class FileRejectedError(ValueError):
    """The whole file cannot be loaded; `column` names the offending column when there is one."""

    def __init__(self, message: str, column: str | None = None) -> None:
        super().__init__(message)
        self.column = column


@dataclass(frozen=True)
class LineReject:
    row: int | None  # record number in the file; None when the file could not be read at all
    reason: str
    raw_text: str | None
    column: str | None = None


@dataclass
class PreparedFile:
    """A UTF-8 file DuckDB can read, with canonical column names in file order."""

    path: Path
    columns: list[str]
    file_format: str  # "csv" or "jsonl" (flattened NDJSON with a `_row` member)
    line_rejects: list[LineReject] = field(default_factory=list)


def canonical_columns(obj: LandingObject, headers: list[str], source: Path) -> list[str]:
    columns = []
    for header in headers:
        name = normalize_column_name(header)
        if obj.system == "hubspot" and name.startswith(CONNECTOR_PROPERTY_PREFIX):
            name = name[len(CONNECTOR_PROPERTY_PREFIX) :]
        columns.append(name)
    blank = [i + 1 for i, name in enumerate(columns) if not name]
    if blank:
        raise FileRejectedError(f"{source}: header column {blank[0]} has no name")
    seen: set[str] = set()
    for name in columns:
        if name in seen:
            raise FileRejectedError(
                f"{source}: two header columns both mean {name!r} once names are normalized",
                column=name,
            )
        seen.add(name)
    return columns


def prepare_csv(obj: LandingObject, source: Path, encoding: str, scratch: Path) -> PreparedFile:
    if encoding == "cp932":
        utf8_path = scratch / (source.name + ".utf8.csv")
        with source.open("rb") as raw, utf8_path.open("w", encoding="utf-8", newline="") as writer:
            # A UTF-8 byte-order mark in front of cp932 bytes is a lie some tools tell: drop it.
            if raw.read(len(codecs.BOM_UTF8)) != codecs.BOM_UTF8:
                raw.seek(0)
            shutil.copyfileobj(io.TextIOWrapper(raw, encoding="cp932", newline=""), writer)
    else:
        utf8_path = source
    with utf8_path.open("r", encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle), [])
    return PreparedFile(utf8_path, canonical_columns(obj, header, source), "csv")


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _association_ids(value: Any) -> str:
    results = value.get("results", []) if isinstance(value, dict) else value
    ids = [str(item.get("id")) if isinstance(item, dict) else str(item) for item in results or []]
    return json.dumps(ids)


def flatten_crm_object(record: dict[str, Any]) -> dict[str, str | None]:
    """CRM API v3 shape: top-level fields, `properties` flattened, `associations` as id lists."""
    flat: dict[str, str | None] = {}
    for key, value in record.items():
        if key == "properties" and isinstance(value, dict):
            for prop, prop_value in value.items():
                flat[normalize_column_name(prop)] = _as_text(prop_value)
        elif key == "associations" and isinstance(value, dict):
            for target, links in value.items():
                flat[f"associations_{normalize_column_name(target)}"] = _association_ids(links)
        else:
            flat[normalize_column_name(key)] = _as_text(value)
    return flat


def _json_lines(source: Path, encoding: str) -> Iterator[tuple[int, str]]:
    with source.open("r", encoding=encoding, newline="") as handle:
        for number, line in enumerate(handle, start=1):
            yield number, line.rstrip("\r\n")


def prepare_jsonl(obj: LandingObject, source: Path, encoding: str, scratch: Path) -> PreparedFile:
    flat_path = scratch / (source.name + ".flat.jsonl")
    columns: dict[str, None] = {}
    rejects: list[LineReject] = []
    record_number = 0
    with flat_path.open("w", encoding="utf-8") as out:
        for line_number, line in _json_lines(source, encoding):
            if not line.strip():
                continue
            record_number += 1
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                reason = f"line {line_number}: invalid JSON ({error.msg} at column {error.colno})"
                rejects.append(LineReject(record_number, reason, line))
                continue
            if not isinstance(record, dict):
                reason = f"line {line_number}: expected a JSON object, got {type(record).__name__}"
                rejects.append(LineReject(record_number, reason, line))
                continue
            flat = flatten_crm_object(record)
            names = canonical_columns(obj, list(flat), source)
            columns.update(dict.fromkeys(names))
            canonical = dict(zip(names, flat.values(), strict=True))
            canonical["_row"] = str(record_number)
            out.write(json.dumps(canonical, ensure_ascii=False) + "\n")
    return PreparedFile(flat_path, list(columns), "jsonl", rejects)
