"""Turn one delivered file into something DuckDB can scan as all-VARCHAR rows.

CSV stays CSV (transcoded to UTF-8 only when it is not UTF-8 already); JSON Lines are flattened
in DuckDB (orchestration/loading/jsonl.py), because a HubSpot object nests its fields under
`properties` and its links under `associations`, and because a broken line must be kept with its
line number.
"""

from __future__ import annotations

import codecs
import csv
import io
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from orchestration.loading import jsonl
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
    file_format: str  # "csv" or "jsonl"
    line_rejects: list[LineReject] = field(default_factory=list)
    scan_sql: str | None = None  # jsonl: the flattening select, `_row` included


def canonical_name(obj: LandingObject, header: str) -> str:
    name = normalize_column_name(header)
    if obj.system == "hubspot" and name.startswith(CONNECTOR_PROPERTY_PREFIX):
        name = name[len(CONNECTOR_PROPERTY_PREFIX) :]
    return name


def canonical_columns(obj: LandingObject, headers: list[str], source: Path) -> list[str]:
    columns = [canonical_name(obj, header) for header in headers]
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


def prepare_jsonl(
    con: duckdb.DuckDBPyConnection, obj: LandingObject, source: Path, encoding: str
) -> PreparedFile:
    """Leaves the file's lines in jsonl.LINES_TABLE (the caller drops it) and returns the select
    that flattens the accepted ones."""
    jsonl.load_lines(con, source, encoding)
    jsonl.flag_duplicate_keys(con)
    rejects = [LineReject(row, reason, line) for row, reason, line in jsonl.settle_rejects(con)]
    keys = jsonl.discover_keys(con)
    names = [canonical_name(obj, key.flat_name) for key in keys]
    for key, name in zip(keys, names, strict=True):
        if not name:
            line_number = jsonl.line_number(con, key.first_row)
            raise FileRejectedError(f"{source}: line {line_number}: key {key.pointer!r} has no column name")
    scan_sql = jsonl.flattened_select(con, keys, names, source, FileRejectedError)
    return PreparedFile(source, list(dict.fromkeys(names)), "jsonl", rejects, scan_sql)
