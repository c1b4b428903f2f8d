"""Catalog metadata the dbt assets gain as dbt builds them (schemas, row counts, a preview of the
marts BI reads), and a broken event stream that must not hang the run. The post-hook that writes
the metadata runs in the sample pipeline (tests/test_dagster_events.py)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import dagster as dg

from orchestration.assets.dbt_metadata import METADATA_FOLDER, annotate_as_built, relation_metadata

QUEUE = {
    "relation": "handoff.queue",
    "row_count": 7,
    "columns": [{"name": "person_name", "type": "VARCHAR"}, {"name": "grade", "type": "VARCHAR"}],
    "preview": [
        {"person_name": "山田 太郎", "grade": "A|1"},
        {"person_name": "佐藤 花子", "grade": None},
        {"person_name": "Ann Lee", "grade": "B\nC"},
    ],
}


def test_published_marts_carry_a_markdown_preview():
    metadata = relation_metadata(QUEUE)
    preview = metadata["preview"]
    assert isinstance(preview, dg.MarkdownMetadataValue)
    lines = preview.value.splitlines()
    assert lines[0] == "| person_name | grade |"
    assert len(lines) == 2 + len(QUEUE["preview"])
    assert "| 山田 太郎 | A\\|1 |" in lines  # a pipe in a value does not split the cell
    assert "| 佐藤 花子 |  |" in lines
    assert "| Ann Lee | B C |" in lines  # nor does a line break
    assert metadata["dagster/row_count"].value == 7
    assert metadata["dagster/relation_identifier"].value == "handoff.queue"


def test_views_are_not_counted_and_other_models_not_previewed():
    metadata = relation_metadata({**QUEUE, "row_count": None, "preview": None})
    assert "preview" not in metadata
    assert "dagster/row_count" not in metadata
    assert [column.name for column in metadata["dagster/column_schema"].schema.columns] == [
        "person_name",
        "grade",
    ]


class _Invocation:
    """A finished dbt invocation whose events are replayed."""

    def __init__(self, target_path: Path, events: list[object]) -> None:
        self.target_path = target_path
        self.events = events
        self.process = subprocess.Popen([sys.executable, "-c", "pass"])

    def stream(self) -> Iterator[object]:
        yield from self.events


def test_events_keep_their_order_and_materializations_gain_their_exported_metadata(tmp_path: Path):
    (tmp_path / METADATA_FOLDER).mkdir()
    exported = tmp_path / METADATA_FOLDER / "model.leadflow.queue.json"
    exported.write_text(json.dumps(QUEUE, ensure_ascii=False), encoding="utf-8")
    built = dg.Output(None, output_name="queue", metadata={"unique_id": "model.leadflow.queue"})
    unexported = dg.Output(None, output_name="other", metadata={"unique_id": "model.leadflow.other"})
    check = dg.AssetCheckResult(asset_key="queue", check_name="not_null", passed=True)

    events = list(annotate_as_built(_Invocation(tmp_path, [built, check, unexported])))  # type: ignore[arg-type]

    assert [type(event) for event in events] == [dg.Output, dg.AssetCheckResult, dg.Output]
    assert events[0].metadata["dagster/row_count"].value == 7
    assert events[0].metadata["unique_id"] == built.metadata["unique_id"]
    assert events[1] is check
    assert events[2].metadata == unexported.metadata


class _BrokenStream:
    """A dbt invocation whose event stream fails while dbt is still writing to its stdout."""

    def __init__(self, tmp_path: Path) -> None:
        self.target_path = tmp_path
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
    outcome: list[BaseException] = []

    def consume() -> None:
        try:
            list(annotate_as_built(invocation))  # type: ignore[arg-type]
        except RuntimeError as error:
            outcome.append(error)

    consumer = threading.Thread(target=consume, daemon=True)
    consumer.start()
    consumer.join(timeout=30)
    invocation.process.kill()
    assert not consumer.is_alive(), "the run waited for a dbt process nobody read from"
    assert [str(error) for error in outcome] == ["unknown asset check"]
