"""Raw loading against the bad input real extracts bring (docs/landing_contract.md)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest

from orchestration.loading import loader
from orchestration.loading.contract import get_object
from orchestration.loading.loader import load_object

LEAD = get_object("salesforce__lead")
BADGE = get_object("events__badge_scans")
CONTACTS = get_object("hubspot__contacts")


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the loader reads to hash them, in order."""
    paths: list[Path] = []
    real_hash = loader.content_hash

    def recording_hash(path: Path) -> str:
        paths.append(path)
        return real_hash(path)

    monkeypatch.setattr(loader, "content_hash", recording_hash)
    return paths


def test_a_loaded_file_is_skipped_unread_until_it_changes(con, landing, deliver, hashed):
    path = deliver("salesforce", "Lead", "a.csv", "Id,Email\n1,a@x.jp\n")
    load_object(con, LEAD, landing, "b1")
    again = load_object(con, LEAD, landing, "b2")
    assert hashed == [path]
    assert [(load.file, load.status) for load in again.files] == [("salesforce/Lead/a.csv", "skipped")]

    path.write_text("Id,Email\n1,a@x.jp\n2,b@x.jp\n")
    later = path.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(later, later))
    load_object(con, LEAD, landing, "b3")
    assert hashed == [path, path]
    assert rows(con, "select id, _batch_id from raw.salesforce__lead order by _batch_id, id") == [
        ("1", "b1"),
        ("1", "b3"),
        ("2", "b3"),
    ]


def test_a_ledger_from_before_fingerprints_gets_them_in_one_run(con, landing, deliver, hashed):
    deliver("salesforce", "Lead", "a.csv", "Id,Email\n1,a@x.jp\n")
    load_object(con, LEAD, landing, "b1")
    con.execute("alter table raw._load_ledger drop column file_fingerprint")
    load_object(con, LEAD, landing, "b2")
    load_object(con, LEAD, landing, "b3")
    assert len(hashed) == 2
    assert rows(con, "select count(*), count(file_fingerprint) from raw._load_ledger") == [(1, 1)]
    assert rows(con, "select count(*) from raw.salesforce__lead") == [(1,)]


def test_header_styles_map_to_one_snake_case_column(con, landing, deliver):
    deliver("salesforce", "Lead", "a.csv", "Id,FIRST_NAME,lastName,Email\n1,Taro,Yamada,t@x.jp\n")
    deliver("salesforce", "lead", "b.csv", "id,first_name,LastName,EMAIL\n2,Hanako,Sato,h@x.jp\n")
    load_object(con, LEAD, landing, "b1")
    assert rows(con, "select id, first_name, last_name, email from raw.salesforce__lead order by id") == [
        ("1", "Taro", "Yamada", "t@x.jp"),
        ("2", "Hanako", "Sato", "h@x.jp"),
    ]


def test_malformed_csv_record_is_rejected_with_file_row_and_kept(con, landing, deliver):
    deliver(
        "salesforce",
        "Lead",
        "2026-11-01.csv",
        'Id,FirstName,Email\n1,"multi\nline",a@x.jp\n2,too,many,columns\n3,ok,c@x.jp\n',
    )
    result = load_object(con, LEAD, landing, "b1")
    assert (result.rows_loaded, result.rows_rejected) == (2, 1)
    assert rows(con, "select id, _row from raw.salesforce__lead order by _row") == [("1", 1), ("3", 3)]
    [(file, row, reason, raw_text)] = rows(con, "select file, file_row, reason, raw_text from raw._rejects")
    assert file == "salesforce/Lead/2026-11-01.csv"
    assert row == 2
    assert "TOO MANY COLUMNS" in reason
    assert raw_text == "2,too,many,columns"


def test_record_numbers_follow_the_file_across_row_groups_and_earlier_loads(con, landing, deliver):
    """A file of several row groups (122,880 rows each), loaded into a table that already holds
    another delivery: every accepted row keeps its record number, the malformed ones included in
    the count."""
    deliver("salesforce", "Lead", "2026-11-01.csv", "Id,Email\n1,a@x.jp\n2,b@x.jp\n")
    load_object(con, LEAD, landing, "b1")
    records = 300_000
    malformed = {7, 150_001, records}
    lines = [f"{n},x,y,z" if n in malformed else f"{n},p{n}@example.co.jp" for n in range(1, records + 1)]
    deliver("salesforce", "Lead", "2026-11-02.csv", "Id,Email\n" + "\n".join(lines) + "\n")
    result = load_object(con, LEAD, landing, "b2")
    assert (result.rows_loaded, result.rows_rejected) == (records - len(malformed), len(malformed))
    numbered = "from raw.salesforce__lead where _batch_id = 'b2'"
    assert rows(con, f"select count(*), count(*) filter (where _row = id::bigint) {numbered}") == [
        (records - len(malformed), records - len(malformed))
    ]
    rejected = rows(con, "select file_row from raw._rejects order by file_row")
    assert rejected == [(n,) for n in sorted(malformed)]
    assert rows(con, "select id, _row from raw.salesforce__lead where _batch_id = 'b1' order by _row") == [
        ("1", 1),
        ("2", 2),
    ]


def test_shift_jis_without_declaration_is_detected(con, landing, deliver):
    text = "会社名,姓,名,姓（カナ）,取得日時\n㈱山田商事,髙橋,一郎,ﾀｶﾊｼ,2026/10/15 14:03\n"
    deliver("events", "badge_scans", "show.csv", text, encoding="cp932")
    load_object(con, BADGE, landing, "b1")
    assert rows(
        con, "select company_name, last_name, last_name_kana, captured_at from raw.events__badge_scans"
    ) == [("㈱山田商事", "髙橋", "ﾀｶﾊｼ", "2026/10/15 14:03")]
    assert rows(con, "select encoding from raw._load_ledger") == [("cp932",)]


def test_utf8_with_bom_is_detected(con, landing, deliver):
    deliver("events", "badge_scans", "bom.csv", "\ufeff会社名,取得日時\n株式会社テスト,2026-10-15\n")
    load_object(con, BADGE, landing, "b1")
    assert rows(con, "select company_name from raw.events__badge_scans") == [("株式会社テスト",)]
    assert rows(con, "select encoding from raw._load_ledger") == [("utf-8-sig",)]


def test_bom_that_lies_about_utf8_still_loads_as_cp932(con, landing, deliver):
    deliver(
        "events",
        "badge_scans",
        "lying.csv",
        b"\xef\xbb\xbf" + "会社名,取得日時\n山田,2026-10-15\n".encode("cp932"),
    )
    load_object(con, BADGE, landing, "b1")
    assert rows(con, "select company_name from raw.events__badge_scans") == [("山田",)]


def test_undecodable_file_is_rejected_naming_the_line(con, landing, deliver):
    deliver("events", "badge_scans", "garbage.csv", b"captured_at\n2026-10-15\n\xff\xfe\x80\x81\n")
    result = load_object(con, BADGE, landing, "b1")
    [rejected] = result.rejected_files
    assert "line 3" in rejected.message and "garbage.csv" in rejected.message
    assert rows(con, "select count(*) from raw.events__badge_scans") == [(0,)]
    assert rows(con, "select status from raw._load_ledger") == [("rejected",)]


def test_missing_required_column_rejects_whole_file_and_keeps_its_rows(con, landing, deliver):
    deliver("salesforce", "Lead", "no_id.csv", "FirstName,Email\nTaro,t@x.jp\nHanako,h@x.jp\n")
    result = load_object(con, LEAD, landing, "b1")
    [rejected] = result.rejected_files
    assert "required column 'id' is missing" in rejected.message
    assert "salesforce/Lead/no_id.csv" in rejected.message
    assert rows(con, "select count(*) from raw.salesforce__lead") == [(0,)]
    kept = rows(con, "select file_row, column_name, raw_text from raw._rejects order by file_row")
    assert [(r, c) for r, c, _ in kept] == [(1, "id"), (2, "id")]
    assert json.loads(kept[0][2]) == {"FirstName": "Taro", "Email": "t@x.jp"}


def test_unknown_columns_are_kept_and_reported(con, landing, deliver):
    deliver("salesforce", "Lead", "a.csv", "Id,Email,Favourite Colour__c\n1,a@x.jp,blue\n")
    load_object(con, LEAD, landing, "b1")
    assert rows(con, "select favourite_colour_c from raw.salesforce__lead") == [("blue",)]
    assert rows(con, "select unknown_columns from raw._load_ledger") == [("favourite_colour_c",)]
    missing = rows(con, "select missing_expected_columns from raw._load_ledger")[0][0]
    assert "first_name" in missing.split(",")


def test_same_content_delivered_twice_loads_once(con, landing, deliver):
    content = "Id,Email\n1,a@x.jp\n"
    deliver("salesforce", "Lead", "2026-11-01.csv", content)
    deliver("salesforce", "Lead", "2026-11-01-resent.csv", content)
    result = load_object(con, LEAD, landing, "b1")
    assert [f.status for f in result.files] == ["loaded", "skipped"]
    assert rows(con, "select count(*) from raw.salesforce__lead") == [(1,)]


def test_rerun_is_idempotent(con, landing, deliver):
    deliver("salesforce", "Lead", "a.csv", "Id,Email\n1,a@x.jp\n2,b,extra\n")
    first = load_object(con, LEAD, landing, "b1")
    second = load_object(con, LEAD, landing, "b2")
    assert first.table_rows == second.table_rows == 1
    assert [f.status for f in second.files] == ["skipped"]
    assert rows(con, "select count(*) from raw._rejects") == [(1,)]


def test_empty_file_and_header_only_file_are_fine(con, landing, deliver):
    deliver("salesforce", "Lead", "a_empty.csv", "")
    deliver("salesforce", "Lead", "b_header_only.csv", "Id,Email\n")
    result = load_object(con, LEAD, landing, "b1")
    assert [(f.status, f.rows_loaded) for f in result.files] == [("empty", 0), ("loaded", 0)]
    assert result.rejected_files == []


def test_objects_without_files_still_get_their_contract_columns(con, landing):
    load_object(con, LEAD, landing, "b1")
    columns = [
        r[0]
        for r in rows(
            con, "select column_name from information_schema.columns where table_name = 'salesforce__lead'"
        )
    ]
    assert set(LEAD.columns) <= set(columns)
    assert {"_file", "_row", "_loaded_at", "_batch_id"} <= set(columns)


def test_hubspot_json_lines_are_flattened_and_bad_lines_kept(con, landing, deliver):
    lines = [
        json.dumps(
            {
                "id": "101",
                "properties": {"email": "Taro@Example.co.jp", "firstname": "太郎"},
                "createdAt": "2026-01-01T00:00:00Z",
                "updatedAt": "2026-02-01T00:00:00Z",
                "archived": False,
            },
            ensure_ascii=False,
        ),
        '{"id": "102", "properties": ',
        json.dumps({"id": "103", "properties": {"email": "x@y.jp"}, "archived": True}),
    ]
    deliver("hubspot", "contacts", "2026-11-01.jsonl", "\n".join(lines) + "\n")
    result = load_object(con, CONTACTS, landing, "b1")
    assert (result.rows_loaded, result.rows_rejected) == (2, 1)
    assert rows(
        con, "select id, email, firstname, archived, updated_at, _row from raw.hubspot__contacts order by id"
    ) == [
        ("101", "Taro@Example.co.jp", "太郎", "false", "2026-02-01T00:00:00Z", 1),
        ("103", "x@y.jp", None, "true", None, 3),
    ]
    [(row, reason)] = rows(con, "select file_row, reason from raw._rejects")
    assert row == 2 and "invalid JSON" in reason


def test_hubspot_connector_csv_drops_property_prefix(con, landing, deliver):
    deliver("hubspot", "contacts", "fivetran.csv", "id,property_email,property_firstname\n7,a@x.jp,花子\n")
    load_object(con, CONTACTS, landing, "b1")
    assert rows(con, "select id, email, firstname from raw.hubspot__contacts") == [("7", "a@x.jp", "花子")]


def test_deltas_keep_every_version_for_staging_to_choose(con, landing, deliver):
    deliver("salesforce", "Lead", "2026-11-01.csv", "Id,Status,SystemModstamp\n1,Open,2026-11-01T00:00:00Z\n")
    deliver(
        "salesforce", "Lead", "2026-11-02.csv", "Id,Status,SystemModstamp\n1,Working,2026-11-02T00:00:00Z\n"
    )
    load_object(con, LEAD, landing, "b1")
    assert rows(con, "select status, _file from raw.salesforce__lead order by _file") == [
        ("Open", "salesforce/Lead/2026-11-01.csv"),
        ("Working", "salesforce/Lead/2026-11-02.csv"),
    ]


def test_unsupported_file_type_is_rejected_not_ignored(con, landing, deliver):
    deliver("salesforce", "Lead", "export.xlsx", b"PK\x03\x04")
    result = load_object(con, LEAD, landing, "b1")
    [rejected] = result.rejected_files
    assert "unsupported file type .xlsx" in rejected.message


def test_landing_root_is_not_required_to_exist(con, tmp_path: Path):
    result = load_object(con, LEAD, tmp_path / "nowhere", "b1")
    assert result.files == [] and result.table_rows == 0
