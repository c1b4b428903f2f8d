"""Publishing swaps in a complete snapshot or nothing at all."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from orchestration.publishing import publish as publishing
from orchestration.publishing.changes import WrittenBy
from orchestration.publishing.publish import Relation, publish, relations_to_publish


@pytest.fixture
def working(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(tmp_path / "working.duckdb"))
    con.execute("create schema marts")
    con.execute("create table marts.funnel as select range as id from range(3)")
    return con


FUNNEL = Relation("marts", "funnel")


def published_ids(publish_dir: Path) -> list[int]:
    with duckdb.connect(str(publish_dir / "leadflow.duckdb"), read_only=True) as con:
        return [row[0] for row in con.execute("select id from marts.funnel order by id").fetchall()]


def test_publish_writes_database_and_parquet(working, tmp_path):
    publication = publish(working, [FUNNEL], tmp_path / "publish")
    assert publication.row_counts == {"marts.funnel": 3}
    assert published_ids(tmp_path / "publish") == [0, 1, 2]
    parquet = publication.parquet_dir / "funnel.parquet"
    assert duckdb.sql(f"select count(*) from '{parquet}'").fetchone() == (3,)


def test_failed_publish_leaves_previous_snapshot(working, tmp_path):
    publish_dir = tmp_path / "publish"
    publish(working, [FUNNEL], publish_dir)
    current = (publish_dir / "parquet" / "current").resolve()
    working.execute("insert into marts.funnel values (99)")
    with pytest.raises(duckdb.CatalogException):
        publish(working, [FUNNEL, Relation("marts", "missing")], publish_dir)
    assert published_ids(publish_dir) == [0, 1, 2]
    assert (publish_dir / "parquet" / "current").resolve() == current


def test_a_weekly_mart_is_published_once_the_review_built_it(working, tmp_path):
    """Before the first scoring review its marts do not exist: the daily publication goes out
    without them (a missing daily mart still fails it, above), and with them once built."""
    calibration = Relation("marts", "calibration", built_weekly=True)
    first = publish(working, [FUNNEL, calibration], tmp_path / "publish")
    assert first.row_counts == {"marts.funnel": 3}
    working.execute("create table marts.calibration as select 'A' as grade")
    second = publish(working, [FUNNEL, calibration], tmp_path / "publish")
    assert second.row_counts == {"marts.funnel": 3, "marts.calibration": 1}


def test_reader_keeps_a_consistent_snapshot_while_the_next_is_published(working, tmp_path):
    publish_dir = tmp_path / "publish"
    publish(working, [FUNNEL], publish_dir)
    with duckdb.connect(str(publish_dir / "leadflow.duckdb"), read_only=True) as reader:
        working.execute("insert into marts.funnel values (99)")
        publish(working, [FUNNEL], publish_dir)
        assert reader.execute("select count(*) from marts.funnel").fetchone() == (3,)
    assert published_ids(publish_dir) == [0, 1, 2, 99]


def test_nothing_tagged_is_an_error_not_an_empty_publication(working, tmp_path):
    with pytest.raises(ValueError, match="tagged 'publish'"):
        publish(working, [], tmp_path / "publish")


def test_columns_marked_in_dbt_are_masked_in_the_publication(tmp_path):
    manifest = tmp_path / "manifest.json"
    node = {
        "unique_id": "model.leadflow.dim_person",
        "resource_type": "model",
        "schema": "core",
        "alias": "dim_person",
        "tags": ["publish"],
        "columns": {
            "email": {"config": {"meta": {"publish_mask": "email"}}},
            "phone": {"meta": {"publish_mask": "phone"}},
            "family_name": {},
        },
    }
    manifest.write_text(json.dumps({"nodes": {node["unique_id"]: node}}), encoding="utf-8")
    [relation] = relations_to_publish(manifest)
    con = duckdb.connect(str(tmp_path / "working.duckdb"))
    con.execute("create schema core")
    con.execute(
        "create table core.dim_person as select * from (values "
        "('taro.yamada+expo@example.co.jp', '+819012345678', '山田'), (null, null, '佐藤')"
        ") as t(email, phone, family_name)"
    )
    publication = publish(con, [relation], tmp_path / "publish")
    with duckdb.connect(str(publication.database), read_only=True) as reader:
        rows = reader.execute("select * from core.dim_person order by family_name desc").fetchall()
    assert rows == [("t***@example.co.jp", "+81********78", "山田"), (None, None, "佐藤")]
    parquet = duckdb.sql(f"select email, phone from '{publication.parquet_dir / 'dim_person.parquet'}'")
    assert ("t***@example.co.jp", "+81********78") in parquet.fetchall()
    working = con.execute("select email from core.dim_person where email is not null").fetchall()
    assert working == [("taro.yamada+expo@example.co.jp",)]


def test_an_unknown_mask_is_an_error_naming_the_column(tmp_path):
    manifest = tmp_path / "manifest.json"
    node = {
        "unique_id": "model.leadflow.rpt",
        "resource_type": "model",
        "schema": "reporting",
        "alias": "rpt",
        "tags": ["publish"],
        "columns": {"address": {"config": {"meta": {"publish_mask": "address"}}}},
    }
    manifest.write_text(json.dumps({"nodes": {node["unique_id"]: node}}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"model\.leadflow\.rpt\.address: publish_mask 'address'"):
        relations_to_publish(manifest)


def published_rows(publish_dir: Path, relation: str = "marts.funnel") -> list[tuple]:
    with duckdb.connect(str(publish_dir / "leadflow.duckdb"), read_only=True) as con:
        return sorted(con.execute(f"select * from {relation}").fetchall())


def working_funnel(tmp_path: Path, select_sql: str) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(tmp_path / "working.duckdb"))
    con.execute("create schema marts")
    con.execute(f"create table marts.funnel as {select_sql}")
    return con


def parquet_file(publication, name: str = "funnel") -> Path:
    return publication.parquet_dir.resolve() / f"{name}.parquet"


def test_an_unchanged_relation_is_neither_rewritten_nor_exported_again(working, tmp_path):
    publish_dir = tmp_path / "publish"
    first = publish(working, [FUNNEL], publish_dir)
    first_parquet = parquet_file(first)
    second = publish(working, [FUNNEL], publish_dir)
    assert first.methods == {"marts.funnel": "copied"}
    assert second.methods == {"marts.funnel": "unchanged"}
    assert parquet_file(second).parent != first_parquet.parent
    assert parquet_file(second).stat().st_ino == first_parquet.stat().st_ino
    assert published_ids(publish_dir) == [0, 1, 2]


def test_an_unchanged_parquet_file_is_copied_where_hard_links_fail(working, tmp_path, monkeypatch):
    publish_dir = tmp_path / "publish"
    first_parquet = parquet_file(publish(working, [FUNNEL], publish_dir))

    def no_hard_links(source: Path, target: Path) -> None:
        raise OSError("hard links not supported")

    monkeypatch.setattr(publishing.os, "link", no_hard_links)
    second_parquet = parquet_file(publish(working, [FUNNEL], publish_dir))
    assert second_parquet.stat().st_ino != first_parquet.stat().st_ino
    assert duckdb.sql(f"select id from '{second_parquet}' order by id").fetchall() == [(0,), (1,), (2,)]


def test_a_few_changed_rows_are_written_as_changes(tmp_path):
    con = working_funnel(tmp_path, "select range as id, '段階' || (range % 5) as stage from range(100)")
    publish_dir = tmp_path / "publish"
    publish(con, [FUNNEL], publish_dir)
    con.execute("update marts.funnel set stage = 'MQL' where id in (3, 4)")
    con.execute("delete from marts.funnel where id = 5")
    con.execute("insert into marts.funnel values (100, '商談'), (101, '商談')")
    publication = publish(con, [FUNNEL], publish_dir)
    assert publication.methods == {"marts.funnel": "rows"}
    expected = sorted(con.execute("select * from marts.funnel").fetchall())
    assert published_rows(publish_dir) == expected
    assert sorted(duckdb.sql(f"select * from '{parquet_file(publication)}'").fetchall()) == expected


def test_a_row_repeated_once_more_copies_the_relation_whole(tmp_path):
    con = working_funnel(tmp_path, "select range % 50 as id from range(100)")
    publish_dir = tmp_path / "publish"
    publish(con, [FUNNEL], publish_dir)
    con.execute("insert into marts.funnel values (7)")
    publication = publish(con, [FUNNEL], publish_dir)
    assert publication.methods == {"marts.funnel": "copied"}
    assert published_rows(publish_dir) == sorted(con.execute("select * from marts.funnel").fetchall())
    assert published_rows(publish_dir).count((7,)) == 3


def test_a_new_column_or_many_changes_copy_the_relation_whole(tmp_path):
    con = working_funnel(tmp_path, "select range as id from range(100)")
    publish_dir = tmp_path / "publish"
    publish(con, [FUNNEL], publish_dir)
    con.execute("update marts.funnel set id = id + 1000 where id < 40")
    assert publish(con, [FUNNEL], publish_dir).methods == {"marts.funnel": "copied"}
    con.execute("alter table marts.funnel add column region varchar default 'APAC'")
    assert publish(con, [FUNNEL], publish_dir).methods == {"marts.funnel": "copied"}
    assert published_rows(publish_dir) == sorted(con.execute("select * from marts.funnel").fetchall())


def test_changes_add_up_to_a_whole_copy_after_a_quarter_of_the_rows(tmp_path):
    con = working_funnel(tmp_path, "select range as id from range(100)")
    publish_dir = tmp_path / "publish"
    publish(con, [FUNNEL], publish_dir)
    methods = []
    for day in range(1, 5):
        con.execute(f"update marts.funnel set id = id + 1000 where id % 100 < 10 and id < {day * 1000}")
        methods.append(publish(con, [FUNNEL], publish_dir).methods["marts.funnel"])
        assert published_rows(publish_dir) == sorted(con.execute("select * from marts.funnel").fetchall())
    assert methods == ["rows", "rows", "copied", "rows"]


def test_a_file_a_quarter_free_is_written_anew(tmp_path, monkeypatch):
    monkeypatch.setattr(publishing, "MIN_FREE_BLOCKS", 8)
    con = working_funnel(tmp_path, "select range as id, 'リード' || range as name from range(1000000)")
    con.execute("create table marts.aging as select 1 as bucket")
    aging = Relation("marts", "aging")
    publish_dir = tmp_path / "publish"
    publish(con, [FUNNEL, aging], publish_dir)
    con.execute("alter table marts.funnel add column region varchar default 'APAC'")
    assert publish(con, [FUNNEL, aging], publish_dir).methods == {
        "marts.funnel": "copied",
        "marts.aging": "unchanged",
    }
    with duckdb.connect(str(publish_dir / "leadflow.duckdb"), read_only=True) as published:
        assert published.execute("select free_blocks from pragma_database_size()").fetchone()[0] > 8
    assert publish(con, [FUNNEL, aging], publish_dir).methods == {
        "marts.funnel": "copied",
        "marts.aging": "copied",
    }
    with duckdb.connect(str(publish_dir / "leadflow.duckdb"), read_only=True) as published:
        assert published.execute("select free_blocks from pragma_database_size()").fetchone()[0] <= 8
    assert published_rows(publish_dir) == sorted(con.execute("select * from marts.funnel").fetchall())


def test_a_relation_no_longer_tagged_leaves_the_publication(working, tmp_path):
    working.execute("create table marts.aging as select 1 as bucket")
    aging = Relation("marts", "aging")
    publish_dir = tmp_path / "publish"
    publish(working, [FUNNEL, aging], publish_dir)
    publish(working, [FUNNEL], publish_dir)
    with duckdb.connect(str(publish_dir / "leadflow.duckdb"), read_only=True) as con:
        tables = con.execute("select schema_name || '.' || table_name from duckdb_tables() order by 1")
        tables = tables.fetchall()
        logged = con.execute("select relation, method from leadflow_publication.relations").fetchall()
    assert tables == [("leadflow_publication.relations",), ("marts.funnel",)]
    assert logged == [("marts.funnel", "unchanged")]


def test_the_publication_says_where_its_time_went(working, tmp_path):
    """A relation unchanged since the last publication is hard-linked into the next Parquet
    snapshot: it spends time on its fingerprint and nothing on Parquet."""
    publish_dir = tmp_path / "publish"
    first = publish(working, [FUNNEL], publish_dir)
    assert set(first.seconds["marts.funnel"]) == {"fingerprint", "database", "parquet"}
    assert "leadflow.duckdb" not in first.seconds
    second = publish(working, [FUNNEL], publish_dir)
    assert set(second.seconds["marts.funnel"]) == {"fingerprint", "database"}
    assert set(second.seconds["leadflow.duckdb"]) == {"copy"}


SCORES = Relation("marts", "scores", written_by=WrittenBy("person_id", "computed_at"))


def working_scores(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    """Score intervals as fct_lead_scores writes them: every row of a rescored person again,
    stamped with the run's start."""
    con = duckdb.connect(str(tmp_path / "working.duckdb"))
    con.execute("create schema marts")
    con.execute(
        "create table marts.scores as select 'p' || (range // 4) as person_id, range % 4 as valid_from, "
        "(range * 7) % 50 as points, timestamp '2026-11-24 06:00:00' as computed_at from range(400)"
    )
    return con


def rescore(con: duckdb.DuckDBPyConnection, person_id: str, points: int, run: str) -> None:
    con.execute(
        "update marts.scores set points = case when valid_from = 3 then ? else points end, computed_at = ? "
        "where person_id = ?",
        [points, run, person_id],
    )


def published_scores(publish_dir: Path) -> list[tuple]:
    return published_rows(publish_dir, "marts.scores")


def test_a_relation_stamped_by_its_writer_compares_only_the_keys_written_since(tmp_path):
    """佐藤 (p1) is rescored with one interval changed, p2 is merged away and p100 is new: the
    publication compares the rows of those three persons only, and holds what the source holds."""
    con = working_scores(tmp_path)
    publish_dir = tmp_path / "publish"
    assert publish(con, [SCORES], publish_dir).methods == {"marts.scores": "copied"}
    rescore(con, "p1", 99, "2026-11-25 06:00:00")
    con.execute("delete from marts.scores where person_id = 'p2'")
    con.execute("insert into marts.scores values ('p100', 0, 12, timestamp '2026-11-25 06:00:00')")
    publication = publish(con, [SCORES], publish_dir)
    assert publication.methods == {"marts.scores": "keys"}
    assert published_scores(publish_dir) == sorted(con.execute("select * from marts.scores").fetchall())


def test_a_row_changed_without_a_new_stamp_is_found_by_comparing_every_row(tmp_path):
    """A writer that breaks the promise (p3 changed, still stamped with the old run) leaves the
    keys' changes short of the source's fingerprint: every row is compared instead."""
    con = working_scores(tmp_path)
    publish_dir = tmp_path / "publish"
    publish(con, [SCORES], publish_dir)
    rescore(con, "p1", 99, "2026-11-25 06:00:00")
    con.execute("update marts.scores set points = -1 where person_id = 'p3' and valid_from = 0")
    publication = publish(con, [SCORES], publish_dir)
    assert publication.methods == {"marts.scores": "rows"}
    assert published_scores(publish_dir) == sorted(con.execute("select * from marts.scores").fetchall())
    assert (
        "p3",
        0,
        -1,
        datetime(2026, 11, 24, 6, 0),
    ) in published_scores(publish_dir)


def test_the_writer_stamp_is_read_from_the_model_meta(tmp_path):
    manifest = tmp_path / "manifest.json"
    nodes = {
        "model.leadflow.fct_lead_scores": {
            "unique_id": "model.leadflow.fct_lead_scores",
            "resource_type": "model",
            "schema": "scoring",
            "alias": "fct_lead_scores",
            "tags": ["publish"],
            "config": {"meta": {"publish_written_by": {"key": "person_id", "stamp": "computed_at"}}},
        },
    }
    manifest.write_text(json.dumps({"nodes": nodes}), encoding="utf-8")
    [relation] = relations_to_publish(manifest)
    assert relation.written_by == WrittenBy("person_id", "computed_at")
    nodes["model.leadflow.fct_lead_scores"]["config"]["meta"]["publish_written_by"] = {"key": "person_id"}
    manifest.write_text(json.dumps({"nodes": nodes}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"model\.leadflow\.fct_lead_scores: publish_written_by"):
        relations_to_publish(manifest)
