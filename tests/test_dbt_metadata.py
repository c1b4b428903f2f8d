"""Catalog metadata the dbt assets gain after a build: schemas, row counts, and a preview of the
marts BI reads."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.assets.dbt_metadata import PREVIEW_ROWS, annotate_after_build, relation_metadata


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


class _BrokenStream:
    """A dbt invocation whose event stream fails while dbt is still writing to its stdout."""

    def __init__(self, tmp_path: Path) -> None:
        self.target_path = tmp_path
        (tmp_path / "manifest.json").write_text('{"nodes": {}}', encoding="utf-8")
        # More output than a pipe holds: unread, it blocks the writer. It ignores SIGTERM, as a
        # process does whose parent ignored it (seen when the whole suite ran).
        self.process = subprocess.Popen(
            [sys.executable, "-c", "import sys; sys.stdout.write('x' * 10_000_000)"],
            stdout=subprocess.PIPE,
            preexec_fn=lambda: signal.signal(signal.SIGTERM, signal.SIG_IGN),
        )

    def stream(self) -> Iterator[object]:
        raise RuntimeError("unknown asset check")
        yield


def test_a_broken_event_stream_stops_dbt_and_raises(tmp_path: Path):
    invocation = _BrokenStream(tmp_path)
    warehouse_path = tmp_path / "warehouse.duckdb"
    duckdb.connect(str(warehouse_path)).close()
    outcome: list[BaseException] = []

    def consume() -> None:
        try:
            list(annotate_after_build(invocation, warehouse_path))  # type: ignore[arg-type]
        except RuntimeError as error:
            outcome.append(error)

    consumer = threading.Thread(target=consume, daemon=True)
    consumer.start()
    consumer.join(timeout=30)
    invocation.process.kill()
    assert not consumer.is_alive(), "the run waited for a dbt process nobody read from"
    assert [str(error) for error in outcome] == ["unknown asset check"]
