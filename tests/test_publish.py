"""Publishing swaps in a complete snapshot or nothing at all."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from orchestration.publishing.publish import Relation, publish


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
