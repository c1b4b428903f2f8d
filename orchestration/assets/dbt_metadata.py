"""Row counts, column schemas and previews for the dbt assets, attached while dbt builds them.

DuckDB admits one process to a file, and the dbt subprocess holds the warehouse for the whole
build, so the Dagster process cannot read the catalog while dbt runs (dagster-dbt's
`fetch_row_counts()` would open it through dbt's adapter). Each model's and seed's post-hook writes
its relation's metadata to a JSON file in the run's target folder instead
(macros/engines/relation_metadata_export.sql), and each materialization is annotated from that
file as its event arrives. So Dagster stores the events while dbt runs: collected until dbt had
ended, a daily run's 1,900 events took Dagster another 30-80 s to store (docs/benchmarks.md).
"""

import json
import os
import uuid
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DbtCliInvocation

from orchestration.dbt_project import DBT_PROJECT

_ANNOTATED = (dg.Output, dg.AssetMaterialization)
# The post-hook's folder inside the run's target folder; DuckDB's COPY does not create folders.
METADATA_FOLDER = "relation_metadata"


def run_target_path(context: dg.AssetExecutionContext) -> Path:
    """The run's own dbt target folder, named as dagster-dbt names it, with the metadata folder
    already in it."""
    base = Path(os.getenv("DBT_TARGET_PATH", "target"))
    base = base if base.is_absolute() else Path(DBT_PROJECT.project_dir) / base
    run_id = context.run.run_id[:7]
    path = base / f"{context.op_execution_context.op.name}-{run_id}-{uuid.uuid4().hex[:7]}"
    (path / METADATA_FOLDER).mkdir(parents=True)
    return path


def _markdown_cell(value: object) -> str:
    return "" if value is None else str(value).replace("|", "\\|").replace("\n", " ")


def preview_markdown(columns: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> str:
    """Rows of a relation as a markdown table."""
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_markdown_cell(row.get(column)) for column in columns) + " |" for row in rows]
    return "\n".join(lines)


def relation_metadata(exported: Mapping[str, Any]) -> dict[str, dg.MetadataValue]:
    """Dagster metadata from one relation's exported catalog entry: its column schema, its row
    count unless it is a view, a preview if it is published."""
    columns = exported.get("columns") or []
    schema = dg.TableSchema(columns=[dg.TableColumn(column["name"], column["type"]) for column in columns])
    metadata: dict[str, dg.MetadataValue] = {
        "dagster/column_schema": dg.MetadataValue.table_schema(schema),
        "dagster/relation_identifier": dg.MetadataValue.text(exported["relation"]),
    }
    if exported.get("row_count") is not None:
        metadata["dagster/row_count"] = dg.MetadataValue.int(exported["row_count"])
    if exported.get("preview") is not None:
        names = [column["name"] for column in columns]
        metadata["preview"] = dg.MetadataValue.md(preview_markdown(names, exported["preview"]))
    return metadata


def _annotated(event: Any, metadata_dir: Path) -> Any:
    unique_id = event.metadata.get("unique_id") if isinstance(event, _ANNOTATED) else None
    if isinstance(unique_id, dg.TextMetadataValue):
        unique_id = unique_id.value
    exported = metadata_dir / f"{unique_id}.json" if unique_id else None
    if exported is None or not exported.exists():
        return event
    entry = json.loads(exported.read_text(encoding="utf-8"))
    return event.with_metadata({**event.metadata, **relation_metadata(entry)})


def annotate_as_built(invocation: DbtCliInvocation) -> Iterator[Any]:
    """Yields the dbt events as they arrive, materializations with their relation's metadata."""
    metadata_dir = Path(invocation.target_path) / METADATA_FOLDER
    try:
        for event in invocation.stream():
            yield _annotated(event, metadata_dir)
    except Exception:
        # A stream that broke off before dbt ended (an event the loaded definitions do not know)
        # leaves dbt blocked on its full stdout pipe, and waiting for it would hang the run.
        # SIGKILL, because a process started by one that ignores SIGTERM ignores it too.
        if invocation.process.poll() is None:
            invocation.process.kill()
        raise
    finally:
        # The event stream can end a moment before dbt exits and releases DuckDB's file lock.
        invocation.process.wait()
