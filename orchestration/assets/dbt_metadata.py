"""Row counts and column schemas for dbt models, read once dbt has finished.

dagster-dbt's `fetch_row_counts()` opens the warehouse through dbt's adapter inside the Dagster
process while the dbt subprocess still holds DuckDB's single write lock, and the adapter's
connection then outlives the step with a configuration later steps cannot share. So the events
are collected, the dbt process ends, and one plain read of the catalog annotates them.
"""

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
from dagster_dbt import DbtCliInvocation

_ANNOTATED = (dg.Output, dg.AssetMaterialization)
_COUNTED_MATERIALIZATIONS = {"table", "incremental", "seed", "snapshot"}
# Marts BI reads (tagged `publish`) get a few rows in the UI, so a reviewer sees what went out.
_PREVIEWED_TAG = "publish"
PREVIEW_ROWS = 5


def _relations_by_unique_id(manifest_path: Path) -> dict[str, Mapping[str, Any]]:
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    return {
        unique_id: node
        for unique_id, node in manifest["nodes"].items()
        if node["resource_type"] in {"model", "seed", "snapshot"}
    }


def _column_schema(con: duckdb.DuckDBPyConnection, schema: str, name: str) -> dg.TableSchema:
    rows = con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = ? and table_name = ? order by ordinal_position",
        [schema, name],
    ).fetchall()
    return dg.TableSchema(columns=[dg.TableColumn(column, data_type) for column, data_type in rows])


def _markdown_cell(value: object) -> str:
    return "" if value is None else str(value).replace("|", "\\|").replace("\n", " ")


def preview_markdown(con: duckdb.DuckDBPyConnection, schema: str, name: str, rows: int = PREVIEW_ROWS) -> str:
    """The first rows of a relation as a markdown table."""
    cursor = con.execute(f'select * from "{schema}"."{name}" limit {int(rows)}')
    columns = [column[0] for column in cursor.description or []]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_markdown_cell(value) for value in row) + " |" for row in cursor.fetchall()]
    return "\n".join(lines)


def relation_metadata(con: duckdb.DuckDBPyConnection, node: Mapping[str, Any]) -> dict[str, dg.MetadataValue]:
    """Column schema for every relation; row count where counting does not re-run a view; a
    preview of the published marts."""
    schema, name = node["schema"], node["alias"]
    metadata: dict[str, dg.MetadataValue] = {
        "dagster/column_schema": dg.MetadataValue.table_schema(_column_schema(con, schema, name)),
        "dagster/relation_identifier": dg.MetadataValue.text(f"{schema}.{name}"),
    }
    materialized = node.get("config", {}).get("materialized", node["resource_type"])
    if materialized in _COUNTED_MATERIALIZATIONS:
        [(count,)] = con.execute(f'select count(*) from "{schema}"."{name}"').fetchall()
        metadata["dagster/row_count"] = dg.MetadataValue.int(count)
    if _PREVIEWED_TAG in node.get("tags", []):
        metadata["preview"] = dg.MetadataValue.md(preview_markdown(con, schema, name))
    return metadata


def annotate_after_build(invocation: DbtCliInvocation, warehouse: Path) -> Iterator[Any]:
    """Yields the dbt events unchanged except materializations, which gain catalog metadata.

    A failed build still reports what it did build before the failure is raised again."""
    collected: list[Any] = []
    failure: Exception | None = None
    try:
        collected.extend(invocation.stream())
    except Exception as error:  # re-raised below, once the built models are recorded
        failure = error
        # A stream that broke off before dbt ended (an event the loaded definitions do not know)
        # leaves dbt blocked on its full stdout pipe, and waiting for it would hang the run.
        # SIGKILL, because a process started by one that ignores SIGTERM ignores it too.
        if invocation.process.poll() is None:
            invocation.process.kill()
    # The event stream can end a moment before dbt exits and releases DuckDB's file lock.
    invocation.process.wait()
    nodes = _relations_by_unique_id(invocation.target_path / "manifest.json")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for event in collected:
            unique_id = event.metadata.get("unique_id") if isinstance(event, _ANNOTATED) else None
            node = nodes.get(unique_id.value if isinstance(unique_id, dg.TextMetadataValue) else unique_id)
            yield event.with_metadata({**event.metadata, **relation_metadata(con, node)}) if node else event
    if failure is not None:
        raise failure
