"""HubSpot JSON Lines flattened inside DuckDB, so a million-record file is not parsed line by line
in Python.

The lines land in a temp table with their line number and record number (`_row`, blank lines not
counted); lines that are not one JSON object are kept as rejects. The key lists of each record
(top level, `properties`, `associations`) come from json_keys; Python sees only the few distinct
key lists, names each key once (normalize_column_name) and builds the flattened all-VARCHAR
select from those names. Of the lines themselves only rejects go back to Python, to word their
reason the way the Python parser does.
"""

from __future__ import annotations

import codecs
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb

from orchestration.loading.naming import normalize_column_name
from orchestration.loading.raw_store import quote_identifier

LINES_TABLE = "_jsonl_lines"
CHUNK_CHARACTERS = 1 << 25
NESTED_KINDS = ("properties", "associations")
# str.strip() decides what a blank line is, as when lines were read in Python.
_WHITESPACE = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())


@dataclass(frozen=True)
class JsonKey:
    """One key of the file: at the top level (`kind` 'top') or inside `properties`/`associations`."""

    kind: str
    key: str
    first_row: int

    @property
    def pointer(self) -> str:
        """JSON Pointer (RFC 6901), which takes any key, dots, quotes and slashes included."""
        escaped = self.key.replace("~", "~0").replace("/", "~1")
        return f"/{escaped}" if self.kind == "top" else f"/{self.kind}/{escaped}"

    @property
    def flat_name(self) -> str:
        name = normalize_column_name(self.key)
        return f"associations_{name}" if self.kind == "associations" else name


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _nested_keys(kind: str) -> str:
    return (
        f"case when list_contains(top_keys, '{kind}') then case when json_type(line, '/{kind}') = 'OBJECT' "
        f"then json_keys(line, '/{kind}') end end as {kind}_keys"
    )


def _chunks(path: Path, encoding: str) -> Iterator[str]:
    """The file as text in pieces of whole lines, newlines made \\n: Python's universal newlines,
    where \\r\\n, \\r and \\n all end a line. A UTF-8 byte-order mark is dropped, also the one some
    tools put in front of cp932 bytes."""
    with path.open("rb") as raw:
        if raw.read(len(codecs.BOM_UTF8)) != codecs.BOM_UTF8:
            raw.seek(0)
        text = io.TextIOWrapper(raw, encoding="cp932" if encoding == "cp932" else "utf-8", newline="")
        while chunk := text.read(CHUNK_CHARACTERS):
            chunk += text.readline()
            yield chunk.replace("\r\n", "\n").replace("\r", "\n")


def load_lines(con: duckdb.DuckDBPyConnection, path: Path, encoding: str) -> None:
    """Fills LINES_TABLE: line_number, _row, line, problem (null for a JSON object; else why not)
    and each object's key lists (top level, `properties`, `associations`). The file goes to DuckDB
    in chunks of whole lines, so it is never one string in memory."""
    blank = "^[" + "".join(f"\\x{{{ord(c):x}}}" for c in _WHITESPACE) + "]*$"
    con.execute(
        f"create or replace temp table {LINES_TABLE} (line_number bigint, _row bigint, line varchar, "
        "problem varchar, top_keys varchar[], properties_keys varchar[], associations_keys varchar[])"
    )
    lines_before = rows_before = 0
    for chunk in _chunks(path, encoding):
        # From a table, not a parameter: a constant would be evaluated again by each optimizer pass.
        con.execute("create or replace temp table _jsonl_chunk as select $chunk as text", {"chunk": chunk})
        con.execute(
            f"""
            insert into {LINES_TABLE}
            -- Numbered inside the list, so record numbers need no sort and no trust in scan order.
            with kept as (
                select list_filter(
                    list_transform(
                        string_split(text, chr(10)), (line, i) -> {{'line': line, 'line_number': i}}
                    ),
                    entry -> not regexp_matches(entry.line, {_literal(blank)})
                ) as entries
                from _jsonl_chunk
            ),
            records as (
                select
                    $lines_before + entry.line_number as line_number,
                    entry.line,
                    $rows_before + _row as _row
                from (select unnest(entries) as entry, generate_subscripts(entries, 1) as _row from kept)
            ),
            typed as (
                select *, case when json_valid(line) then json_type(line) else 'invalid' end as json_kind
                from records
            ),
            keyed as (
                select *, case when json_kind = 'OBJECT' then json_keys(line) end as top_keys from typed
            )
            select
                line_number,
                _row,
                line,
                case
                    when json_kind = 'invalid' then 'invalid'
                    -- DuckDB accepts a trailing comma, Python's parser does not: let Python decide.
                    when regexp_matches(line, ',\\s*[}}\\]]') then 'trailing comma'
                    when json_kind <> 'OBJECT' then 'not an object'
                end as problem,
                top_keys,
                {_nested_keys("properties")},
                {_nested_keys("associations")}
            from keyed
            """,
            {"lines_before": lines_before, "rows_before": rows_before},
        )
        lines_before += chunk.count("\n")
        rows_before = con.execute(f"select count(*) from {LINES_TABLE}").fetchone()[0]
    con.execute("drop table if exists _jsonl_chunk")


Shape = tuple[list[str], list[str] | None, list[str] | None, int]


def _shapes(con: duckdb.DuckDBPyConnection) -> list[Shape]:
    """Distinct key lists of the accepted records with the first record of each, in file order:
    records of one export share a handful of shapes, so keys are looked at once per shape."""
    return con.execute(
        f"select top_keys, properties_keys, associations_keys, min(_row) from {LINES_TABLE} "
        "where problem is null group by all order by min(_row)"
    ).fetchall()


def flag_duplicate_keys(con: duckdb.DuckDBPyConnection) -> None:
    """Which of two equal keys wins is up to the parser: such a line is rejected, not guessed."""
    for top, properties, associations, _ in _shapes(con):
        if any(keys is not None and len(keys) != len(set(keys)) for keys in (top, properties, associations)):
            con.execute(
                f"update {LINES_TABLE} set problem = 'duplicate key' where problem is null and top_keys = ? "
                "and properties_keys is not distinct from ? and associations_keys is not distinct from ?",
                [top, properties, associations],
            )


def _duplicate_key(pairs: list[tuple[str, object]]) -> dict[str, object]:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise ValueError(key)
        seen.add(key)
    return dict(pairs)


def _python_reason(line: str) -> str | None:
    """Why Python's parser refuses the line as a record, worded as before the move to DuckDB."""
    try:
        record = json.loads(line, object_pairs_hook=_duplicate_key)
    except json.JSONDecodeError as error:
        return f"invalid JSON ({error.msg} at column {error.colno})"
    except ValueError as error:
        return f"key {error.args[0]!r} appears twice in one JSON object"
    if not isinstance(record, dict):
        return f"expected a JSON object, got {type(record).__name__}"
    return None


def _duckdb_reason(con: duckdb.DuckDBPyConnection, line: str) -> str:
    try:
        con.execute("select json(?)", [line]).fetchone()
    except duckdb.Error as error:
        return f"invalid JSON ({str(error).split('  Input:')[0]})"
    return "invalid JSON"


def settle_rejects(con: duckdb.DuckDBPyConnection) -> list[tuple[int, str, str]]:
    """(record number, reason, raw line) of every line that is not a record. Only these few lines
    are parsed in Python; a flagged line Python reads as a plain object is accepted again."""
    rejects, accepted = [], []
    flagged = con.execute(
        f"select _row, line_number, line from {LINES_TABLE} where problem is not null order by _row"
    ).fetchall()
    for row, line_number, line in flagged:
        reason = _python_reason(line)
        if reason is None and con.execute("select json_valid(?)", [line]).fetchone()[0]:
            accepted.append([row])
            continue
        rejects.append((row, f"line {line_number}: {reason or _duckdb_reason(con, line)}", line))
    if accepted:
        con.executemany(f"update {LINES_TABLE} set problem = null where _row = ?", accepted)
    return rejects


def discover_keys(con: duckdb.DuckDBPyConnection) -> list[JsonKey]:
    """Every key of the accepted records, in order of first appearance (record, then key order)."""
    seen: set[tuple[str, str]] = set()
    found: list[JsonKey] = []
    for top, properties, associations, first_row in _shapes(con):
        nested = {"properties": properties, "associations": associations}
        for key in top:
            inner = nested.get(key)
            for kind, name in [("top", key)] if inner is None else [(key, name) for name in inner]:
                if (kind, name) not in seen:
                    seen.add((kind, name))
                    found.append(JsonKey(kind, name, first_row))
    return found


def line_number(con: duckdb.DuckDBPyConnection, row: int) -> int:
    return con.execute(f"select line_number from {LINES_TABLE} where _row = ?", [row]).fetchone()[0]


def _present(key: JsonKey) -> str:
    if key.kind == "top" and key.key in NESTED_KINDS:
        return f"coalesce(json_type(line, {_literal(key.pointer)}) <> 'OBJECT', false)"
    return f"json_exists(line, {_literal(key.pointer)})"


def _is_plain(key: JsonKey) -> bool:
    return key.kind == "properties" or (key.kind == "top" and key.key not in NESTED_KINDS)


def _linked_or_unnested_value(key: JsonKey) -> str:
    pointer = _literal(key.pointer)
    if key.kind == "associations":
        linked = f"json_extract(line, {pointer})"
        items = (
            f"case json_type({linked}) when 'OBJECT' then json_extract({linked}, '$.results[*]') "
            f"when 'ARRAY' then json_extract({linked}, '$[*]') end"
        )
        # str() of a missing or null id, as the Python flattener wrote it.
        item_id = "case when json_type(x) = 'OBJECT' then x ->> '$.id' else x ->> '$' end"
        ids = f"list_transform({items}, x -> to_json(coalesce({item_id}, 'None')))"
        # The staging models read '["101", "102"]', the text json.dumps writes for an id list.
        listed = f"'[' || coalesce(array_to_string({ids}, ', '), '') || ']'"
        return f"case when json_exists(line, {pointer}) then {listed} end"
    return f"case when {_present(key)} then json_extract_string(line, {pointer}) end"


def flattened_select(
    con: duckdb.DuckDBPyConnection,
    keys: list[JsonKey],
    canonical: list[str],
    source: Path,
    error_type: type[ValueError],
) -> str:
    """One VARCHAR column per canonical name plus `_row`. Two keys of one record that mean the same
    column (`Email` and `properties.email`) reject the file, as two such CSV headers do."""
    by_column: dict[str, list[JsonKey]] = {}
    for key, column in zip(keys, canonical, strict=True):
        by_column.setdefault(column, []).append(key)
    # One parse per line for all plain keys: json_extract_string with a list of paths.
    plain = {key: position for position, key in enumerate(filter(_is_plain, keys), start=1)}
    paths = ", ".join(_literal(key.pointer) for key in plain)
    values = f", json_extract_string(line, [{paths}]) as _values" if plain else ""

    def value(key: JsonKey) -> str:
        return f"_values[{plain[key]}]" if key in plain else _linked_or_unnested_value(key)

    expressions = []
    for column, candidates in by_column.items():
        if len(candidates) > 1:
            both = " + ".join(f"{_present(k)}::int" for k in candidates)
            row = con.execute(
                f"select min(_row) from {LINES_TABLE} where problem is null and {both} > 1"
            ).fetchone()[0]
            if row is not None:
                names = ", ".join(repr(k.pointer) for k in candidates)
                raise error_type(
                    f"{source}: line {line_number(con, row)}: keys {names} all mean {column!r} "
                    "once names are normalized",
                    column,
                )
        merged = " ".join(f"coalesce({value(k)}, " for k in candidates[:-1]) + value(candidates[-1])
        expressions.append(f"{merged}{')' * (len(candidates) - 1)} as {quote_identifier(column)}")
    selected = ", ".join([*expressions, "_row"])
    return f"select {selected} from (select *{values} from {LINES_TABLE} where problem is null)"
