"""Publish BI-facing marts as a read-only DuckDB file and Parquet, swapped in atomically.

BI tools never open the working warehouse (one writer per DuckDB file). They read
`<publish>/leadflow.duckdb` or `<publish>/parquet/current/*.parquet`, which change only by
rename/symlink swap after a complete copy, so a reader sees the previous or the next snapshot,
never a half-written one, and a failed run leaves the previous publication in place.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

PUBLISH_TAG = "publish"
PUBLISHED_DB_NAME = "leadflow.duckdb"
KEEP_PARQUET_SNAPSHOTS = 3


# Personal data in broadly shared marts leaves only masked: a column whose dbt YAML says
# `config: {meta: {publish_mask: <kind>}}` is published through the kind's expression. Enough is
# left to recognise a company domain or a country, not to contact the person.
MASKS = {
    "email": "case when {column} like '%@%' then left({column}, 1) || '***@' || split_part({column}, '@', 2)"
    " end",
    "phone": "left({column}, 3) || repeat('*', greatest(length({column}) - 5, 0)) || right({column}, 2)",
}


@dataclass(frozen=True)
class Relation:
    schema: str
    name: str
    masked_columns: tuple[tuple[str, str], ...] = ()
    """(column, kind of MASKS) pairs."""

    @property
    def sql(self) -> str:
        return f'"{self.schema}"."{self.name}"'

    @property
    def published_select(self) -> str:
        """What BI receives: every column, the masked ones through their mask."""
        if not self.masked_columns:
            return f"select * from {self.sql}"
        replaced = ", ".join(
            MASKS[kind].format(column=f'"{column}"') + f' as "{column}"'
            for column, kind in self.masked_columns
        )
        return f"select * replace ({replaced}) from {self.sql}"


def _masked_columns(node: dict) -> tuple[tuple[str, str], ...]:
    masked = []
    for name, column in sorted(node.get("columns", {}).items()):
        meta = {**column.get("meta", {}), **column.get("config", {}).get("meta", {})}
        kind = meta.get("publish_mask")
        if kind is not None:
            if kind not in MASKS:
                raise ValueError(
                    f"{node['unique_id']}.{name}: publish_mask {kind!r} is not one of {sorted(MASKS)}"
                )
            masked.append((name, kind))
    return tuple(masked)


@dataclass(frozen=True)
class Publication:
    database: Path
    parquet_dir: Path
    row_counts: dict[str, int]


def relations_to_publish(manifest_path: Path) -> list[Relation]:
    """Models tagged `publish` in dbt: the marts BI reads."""
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    return sorted(
        (
            Relation(node["schema"], node["alias"], _masked_columns(node))
            for node in manifest["nodes"].values()
            if node["resource_type"] == "model" and PUBLISH_TAG in node.get("tags", [])
        ),
        key=lambda r: (r.schema, r.name),
    )


def _copy_database(con: duckdb.DuckDBPyConnection, relations: list[Relation], target: Path) -> None:
    staging_file = target.with_name(target.name + ".next")
    staging_file.unlink(missing_ok=True)
    con.execute(f"attach '{staging_file}' as publication")
    try:
        for relation in relations:
            con.execute(f'create schema if not exists publication."{relation.schema}"')
            con.execute(f"create table publication.{relation.sql} as {relation.published_select}")
    finally:
        con.execute("detach publication")
    os.replace(staging_file, target)


def _swap_symlink(link: Path, target: Path) -> None:
    temporary = link.with_name(link.name + ".next")
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(target.name)
    os.replace(temporary, link)


def _export_parquet(con: duckdb.DuckDBPyConnection, relations: list[Relation], parquet_root: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    snapshot = parquet_root / stamp
    snapshot.mkdir(parents=True)
    for relation in relations:
        con.execute(
            f"copy ({relation.published_select}) to '{snapshot / relation.name}.parquet' (format parquet)"
        )
    _swap_symlink(parquet_root / "current", snapshot)
    old = sorted(p for p in parquet_root.iterdir() if p.is_dir() and not p.is_symlink())
    for stale in old[:-KEEP_PARQUET_SNAPSHOTS]:
        shutil.rmtree(stale)
    return parquet_root / "current"


def publish(con: duckdb.DuckDBPyConnection, relations: list[Relation], publish_dir: Path) -> Publication:
    if not relations:
        raise ValueError(f"no dbt model is tagged {PUBLISH_TAG!r}: nothing to publish")
    publish_dir.mkdir(parents=True, exist_ok=True)
    row_counts = {
        f"{r.schema}.{r.name}": con.execute(f"select count(*) from {r.sql}").fetchone()[0] for r in relations
    }
    database = publish_dir / PUBLISHED_DB_NAME
    _copy_database(con, relations, database)
    parquet_dir = _export_parquet(con, relations, publish_dir / "parquet")
    return Publication(database, parquet_dir, row_counts)
