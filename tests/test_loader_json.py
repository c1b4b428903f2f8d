"""HubSpot JSON Lines flattened in DuckDB (issue 8): same raw rows as the line-by-line Python
flattener it replaced, and the bad input JSON exports bring."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pytest

from orchestration.generator.pipeline import generate
from orchestration.loading import jsonl
from orchestration.loading.contract import OBJECTS, get_object
from orchestration.loading.loader import discover_files, load_object
from orchestration.loading.naming import normalize_column_name

CONTACTS = get_object("hubspot__contacts")
DEALS = get_object("hubspot__deals")
HUBSPOT = [obj for obj in OBJECTS if obj.system == "hubspot"]


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def _reference_flatten(record: dict[str, Any]) -> dict[str, str | None]:
    """The Python flattener the DuckDB one replaced, kept here as the oracle; nested values are
    compact JSON, as DuckDB writes them."""
    flat: dict[str, str | None] = {}
    for key, value in record.items():
        if key == "properties" and isinstance(value, dict):
            flat.update({normalize_column_name(k): _text(v) for k, v in value.items()})
        elif key == "associations" and isinstance(value, dict):
            for target, links in value.items():
                ids = [str(link["id"]) for link in links.get("results", [])]
                flat[f"associations_{normalize_column_name(target)}"] = json.dumps(ids)
        else:
            flat[normalize_column_name(key)] = _text(value)
    return {k.removeprefix("property_"): v for k, v in flat.items()}


def _reference_file(landing: Path, obj, out: Path) -> None:
    with out.open("a", encoding="utf-8") as sink:
        for path in discover_files(landing, obj):
            with path.open(encoding="utf-8", newline="") as handle:
                records = [line.rstrip("\r\n") for line in handle if line.strip()]
            for number, line in enumerate(records, start=1):
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(record, dict):
                    flat = _reference_flatten(record)
                    flat |= {"_row": str(number), "_file": path.relative_to(landing).as_posix()}
                    sink.write(json.dumps(flat, ensure_ascii=False) + "\n")


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sample")
    generate(root / "landing", root / "truth", people=120, seed=42)
    odd = root / "landing" / "hubspot" / "deals" / "2026-12-01T0600Z.jsonl"
    odd.write_text(
        "\r\n".join(
            [
                '{"id":"1","properties":{"dealname":"商談","extra":{"a":[1,2]}},"archived":true,'
                '"associations":{"contacts":{"results":[{"id":"7"},{"id":"8"}]},"companies":{"results":[]}}}',
                "",
                "   ",
                '{"id":"2","properties":{"dealname":"a,}b"}}',
                '{"id":"4",}',
                "[1, 2]",
                '{"id":"3","properties":{"dealname":"x"},"associations":{"contacts":{"results":[{"id":"9"}]}}}',
            ]
        )
        + "\r\n",
        encoding="utf-8",
    )
    return root / "landing"


@pytest.mark.parametrize("obj", HUBSPOT, ids=lambda obj: obj.name)
def test_raw_tables_equal_the_python_reference(sample: Path, tmp_path: Path, obj) -> None:
    con = duckdb.connect(str(tmp_path / "wh.duckdb"))
    load_object(con, obj, sample, "b1")
    columns = [
        name
        for (name,) in rows(con, f"select column_name from (describe raw.{obj.table})")
        if name not in ("_loaded_at", "_batch_id")
    ]
    reference = tmp_path / "reference.jsonl"
    _reference_file(sample, obj, reference)
    spec = ", ".join(f"'{c}': 'VARCHAR'" for c in columns)
    con.execute(
        f"create table reference as select * replace (_row::bigint as _row) "
        f"from read_json('{reference}', format='newline_delimited', columns={{{spec}}})"
    )
    listed = ", ".join(f'"{c}"' for c in columns)
    assert rows(con, "select count(*) from reference") == rows(con, f"select count(*) from raw.{obj.table}")
    for left, right in ((f"raw.{obj.table}", "reference"), ("reference", f"raw.{obj.table}")):
        extra = rows(con, f"select {listed} from {left} except all select {listed} from {right}")
        assert extra == [], f"rows in {left} missing from {right}"


@pytest.mark.parametrize("chunk", [jsonl.CHUNK_CHARACTERS, 1, 40], ids=lambda size: f"chunk{size}")
def test_odd_lines_number_rows_and_keep_rejects(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    # Chunks cut inside lines and between \r and \n: numbering must not notice.
    monkeypatch.setattr(jsonl, "CHUNK_CHARACTERS", chunk)
    con = duckdb.connect(str(tmp_path / "wh.duckdb"))
    load_object(con, DEALS, sample, "b1")
    odd = "hubspot/deals/2026-12-01T0600Z.jsonl"
    assert rows(
        con,
        "select _row, id, dealname, archived, associations_contacts, associations_companies, extra "
        f"from raw.hubspot__deals where _file = '{odd}' order by _row",
    ) == [
        (1, "1", "商談", "true", '["7", "8"]', "[]", '{"a":[1,2]}'),
        (2, "2", "a,}b", None, None, None, None),
        (5, "3", "x", None, '["9"]', None, None),
    ]
    # Line numbers count the blank lines that record numbers skip; DuckDB would take the trailing
    # comma, Python's parser (and so the loader) does not.
    assert rows(con, "select file_row, reason, raw_text from raw._rejects order by file_row") == [
        (
            3,
            "line 5: invalid JSON (Expecting property name enclosed in double quotes at column 11)",
            '{"id":"4",}',
        ),
        (4, "line 6: expected a JSON object, got list", "[1, 2]"),
    ]


def test_shift_jis_and_bom_json_lines_load(con, landing, deliver):
    line = json.dumps(
        {"id": "1", "properties": {"lastname": "髙橋", "company": "㈱山田商事"}}, ensure_ascii=False
    )
    deliver("hubspot", "contacts", "a.jsonl", line + "\n", encoding="cp932")
    deliver("hubspot", "contacts", "b.jsonl", "\ufeff" + line.replace('"1"', '"2"') + "\n")
    load_object(con, CONTACTS, landing, "b1")
    assert rows(con, "select id, lastname, company, _row from raw.hubspot__contacts order by id") == [
        ("1", "髙橋", "㈱山田商事", 1),
        ("2", "髙橋", "㈱山田商事", 1),
    ]
    assert rows(con, "select encoding from raw._load_ledger order by file") == [("cp932",), ("utf-8-sig",)]


def test_duplicate_key_and_lone_surrogate_lines_are_rejected_not_guessed(con, landing, deliver):
    lines = [
        '{"id": "1", "properties": {"email": "a@x.jp", "email": "b@x.jp"}}',
        '{"id": "2", "properties": {"firstname": "\\ud800"}}',
        '{"id": "3", "properties": {"email": "c@x.jp"}}',
    ]
    deliver("hubspot", "contacts", "a.jsonl", "\n".join(lines))
    result = load_object(con, CONTACTS, landing, "b1")
    assert (result.rows_loaded, result.rows_rejected) == (1, 2)
    assert rows(con, "select id, email, _row from raw.hubspot__contacts") == [("3", "c@x.jp", 3)]
    [(first, dup_text), (second, surrogate_text)] = rows(
        con, "select reason, raw_text from raw._rejects order by file_row"
    )
    assert first == "line 1: key 'email' appears twice in one JSON object" and dup_text == lines[0]
    assert second.startswith("line 2: invalid JSON (") and surrogate_text == lines[1]


def test_two_keys_meaning_one_column_in_one_record_reject_the_file(con, landing, deliver):
    record = {"id": "1", "Email": "a@x.jp", "properties": {"email": "b@x.jp"}}
    deliver("hubspot", "contacts", "a.jsonl", json.dumps(record, ensure_ascii=False) + "\n")
    result = load_object(con, CONTACTS, landing, "b1")
    [rejected] = result.rejected_files
    assert "hubspot/contacts/a.jsonl" in rejected.message and "line 1" in rejected.message
    assert "'email'" in rejected.message
    assert rows(con, "select column_name from raw._rejects") == [("email",)]


def test_connector_prefix_collision_rejects_the_file(con, landing, deliver):
    record = {"id": "1", "properties": {"email": "a@x.jp", "property_email": "b@x.jp"}}
    deliver("hubspot", "contacts", "a.jsonl", json.dumps(record) + "\n")
    [rejected] = load_object(con, CONTACTS, landing, "b1").rejected_files
    assert "'email'" in rejected.message and "a.jsonl" in rejected.message


def test_same_column_from_different_keys_in_different_records_is_one_column(con, landing, deliver):
    lines = [{"id": "1", "properties": {"Email": "a@x.jp"}}, {"id": "2", "properties": {"email": "b@x.jp"}}]
    deliver("hubspot", "contacts", "a.jsonl", "\n".join(json.dumps(line) for line in lines))
    load_object(con, CONTACTS, landing, "b1")
    assert rows(con, "select id, email from raw.hubspot__contacts order by id") == [
        ("1", "a@x.jp"),
        ("2", "b@x.jp"),
    ]


def test_keys_with_json_path_characters_flatten(con, landing, deliver):
    record = {"id": "1", "properties": {'say "hi"': "a", "a/b~c": "b", "d.e": "c", "hs_object_id": None}}
    deliver("hubspot", "contacts", "a.jsonl", json.dumps(record) + "\n")
    load_object(con, CONTACTS, landing, "b1")
    assert rows(con, "select say_hi, a_b_c, d_e, hs_object_id from raw.hubspot__contacts") == [
        ("a", "b", "c", None)
    ]


def test_key_without_a_name_rejects_the_file_naming_the_line(con, landing, deliver):
    deliver("hubspot", "contacts", "a.jsonl", '{"id": "1"}\n\n{"id": "2", "properties": {"!!": "x"}}\n')
    [rejected] = load_object(con, CONTACTS, landing, "b1").rejected_files
    assert "line 3" in rejected.message and "'/properties/!!'" in rejected.message


def test_missing_required_id_keeps_every_line_as_delivered(con, landing, deliver):
    lines = ['{"properties": {"email": "a@x.jp"}}', "not json", '{"properties": {"email": "b@x.jp"}}']
    deliver("hubspot", "contacts", "a.jsonl", "\n".join(lines) + "\n")
    [rejected] = load_object(con, CONTACTS, landing, "b1").rejected_files
    assert "required column 'id' is missing" in rejected.message
    assert rows(con, "select file_row, column_name, raw_text from raw._rejects order by file_row") == [
        (1, "id", lines[0]),
        (2, "id", lines[1]),
        (3, "id", lines[2]),
    ]


def test_rerun_is_idempotent_and_leaves_no_work_tables(con, landing, deliver):
    deliver("hubspot", "contacts", "a.jsonl", '{"id": "1"}\n{"id": \n')
    deliver("hubspot", "contacts", "b.jsonl", '{"id": "2", "Email": "a", "properties": {"email": "b"}}\n')
    first = load_object(con, CONTACTS, landing, "b1")
    second = load_object(con, CONTACTS, landing, "b2")
    assert [f.status for f in first.files] == ["loaded", "rejected"]
    assert [f.status for f in second.files] == ["skipped", "skipped"]
    assert first.table_rows == second.table_rows == 1
    assert rows(con, "select count(*) from raw._rejects") == [(2,)]
    assert rows(con, "select table_name from duckdb_tables() where temporary") == []
