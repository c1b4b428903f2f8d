"""Catalog metadata the dbt assets gain after a build: schemas, row counts, and a preview of the
marts BI reads."""

from __future__ import annotations

import dagster as dg
import duckdb

from orchestration.assets.dbt_metadata import PREVIEW_ROWS, relation_metadata


def warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    con.execute("create schema handoff")
    con.execute(
        "create table handoff.queue as select * from (values "
        "('山田 太郎', 'A|1'), ('佐藤 花子', null), ('Ann Lee', 'B'), "
        "('a', 'b'), ('c', 'd'), ('e', 'f'), ('g', 'h')"
        ") as t(person_name, grade)"
    )
    return con


def node(tags: list[str]) -> dict:
    return {
        "schema": "handoff",
        "alias": "queue",
        "resource_type": "model",
        "config": {"materialized": "table"},
        "tags": tags,
    }


def test_published_marts_carry_a_markdown_preview():
    metadata = relation_metadata(warehouse(), node(["publish"]))
    preview = metadata["preview"]
    assert isinstance(preview, dg.MarkdownMetadataValue)
    lines = preview.value.splitlines()
    assert lines[0] == "| person_name | grade |"
    assert len(lines) == 2 + PREVIEW_ROWS
    assert "| 山田 太郎 | A\\|1 |" in lines  # a pipe in a value does not split the cell
    assert metadata["dagster/row_count"].value == 7


def test_other_models_are_not_previewed():
    metadata = relation_metadata(warehouse(), node([]))
    assert "preview" not in metadata
    assert [column.name for column in metadata["dagster/column_schema"].schema.columns] == [
        "person_name",
        "grade",
    ]
