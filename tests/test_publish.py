"""Publishing swaps in a complete snapshot or nothing at all."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

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
