"""Publish BI-facing marts as a read-only DuckDB file and Parquet, swapped in atomically.

BI tools never open the working warehouse (one writer per DuckDB file). They read
`<publish>/leadflow.duckdb` or `<publish>/parquet/current/*.parquet`, which change only by
rename/symlink swap after a complete copy, so a reader sees the previous or the next snapshot,
never a half-written one, and a failed run leaves the previous publication in place.
Each publication starts from the previous one and writes only the relations, and within them
the rows, that changed since (orchestration/publishing/changes.py).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from orchestration.jobs import SCORING_REVIEW_TAG
from orchestration.publishing.changes import (
    Fingerprint,
    WrittenBy,
    apply_key_changes,
    apply_row_changes,
    fingerprint,
)

PUBLISH_TAG = "publish"
PUBLISHED_DB_NAME = "leadflow.duckdb"
KEEP_PARQUET_SNAPSHOTS = 3
# Where a publication records what it holds and how this run wrote each relation: in the DuckDB
# file (BI can read it too) and beside each Parquet snapshot.
LOG_SCHEMA = "leadflow_publication"
LOG_TABLE = "relations"
SNAPSHOT_FINGERPRINTS = "_fingerprints.json"
MAX_FREE_SHARE = 0.25
MIN_FREE_BLOCKS = 64  # of 256 KB: below 16 MB free, writing the file anew gains nothing


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
    built_weekly: bool = False
    """Built by the weekly scoring review (orchestration/jobs.py), not by every run that publishes:
    the daily publication carries it as the last review left it, and nothing before the first."""
    written_by: WrittenBy | None = None
    """From the model's `config: {meta: {publish_written_by: {key: .., stamp: ..}}}`: the
    publication then compares only the rows of the keys written since the last one."""

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.name}"

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


def _meta(entry: dict) -> dict:
    """A manifest entry's meta, wherever the YAML put it (`meta:` or `config: {meta:}`)."""
    return {**entry.get("meta", {}), **entry.get("config", {}).get("meta", {})}


def _written_by(node: dict) -> WrittenBy | None:
    meta = _meta(node)
    declared = meta.get("publish_written_by")
    if declared is None:
        return None
    if not isinstance(declared, dict) or set(declared) != {"key", "stamp"}:
        raise ValueError(f"{node['unique_id']}: publish_written_by needs exactly a key and a stamp column")
    return WrittenBy(declared["key"], declared["stamp"])


def _masked_columns(node: dict) -> tuple[tuple[str, str], ...]:
    masked = []
    for name, column in sorted(node.get("columns", {}).items()):
        kind = _meta(column).get("publish_mask")
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
    methods: dict[str, str]
    """How each relation reached the DuckDB file: unchanged, keys (the changed rows among those of
    the keys written since the last publication), rows (changed rows only) or copied."""
    seconds: dict[str, dict[str, float]] = field(default_factory=dict)
    """Wall seconds per relation and phase (fingerprint, database, parquet): where publishing went."""


class Stopwatch:
    """Wall seconds summed per relation and phase."""

    def __init__(self) -> None:
        self.seconds: dict[str, dict[str, float]] = defaultdict(dict)

    @contextmanager
    def timing(self, key: str, phase: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            spent = time.perf_counter() - started
            self.seconds[key][phase] = round(self.seconds[key].get(phase, 0.0) + spent, 2)


def relations_to_publish(manifest_path: Path) -> list[Relation]:
    """Models tagged `publish` in dbt: the marts BI reads."""
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    return sorted(
        (
            Relation(
                node["schema"],
                node["alias"],
                _masked_columns(node),
                SCORING_REVIEW_TAG in node.get("tags", []),
                _written_by(node),
            )
            for node in manifest["nodes"].values()
            if node["resource_type"] == "model" and PUBLISH_TAG in node.get("tags", [])
        ),
        key=lambda r: (r.schema, r.name),
    )


@dataclass(frozen=True)
class Recorded:
    """What a publication says it holds of a relation."""

    fingerprint: Fingerprint
    inserted_since_copy: int
    """Rows inserted by changes since the relation was last copied whole."""


def _recorded(con: duckdb.DuckDBPyConnection, database: str) -> dict[str, Recorded]:
    """What an attached publication holds (nothing for a file without the log)."""
    logged = con.execute(
        "select count(*) from duckdb_tables() "
        f"where database_name = '{database}' and schema_name = '{LOG_SCHEMA}' and table_name = '{LOG_TABLE}'"
    ).fetchone()[0]
    if not logged:
        return {}
    rows = con.execute(
        "select relation, row_count, checksum, columns, inserted_since_copy "
        f"from {database}.{LOG_SCHEMA}.{LOG_TABLE}"
    ).fetchall()
    return {
        relation: Recorded(Fingerprint(row_count, checksum, columns), inserted)
        for relation, row_count, checksum, columns, inserted in rows
    }


def _worth_building_on(con: duckdb.DuckDBPyConnection, publication: Path) -> dict[str, Recorded]:
    """The log of the current publication, or nothing when the next one should start empty: a
    relation copied whole inside a reused file frees the blocks of its old copy, which DuckDB
    reuses but never returns, so once a quarter of the file (and more than a few blocks) is free
    it is written anew."""
    if not publication.exists():
        return {}
    con.execute(f"attach '{publication}' as previous_publication (read_only)")
    try:
        recorded = _recorded(con, "previous_publication")
        free_blocks, total_blocks = con.execute(
            "select free_blocks, total_blocks from pragma_database_size() "
            "where database_name = 'previous_publication'"
        ).fetchone()
    finally:
        con.execute("detach previous_publication")
    bloated = free_blocks > max(MAX_FREE_SHARE * total_blocks, MIN_FREE_BLOCKS)
    return {} if bloated else recorded


@dataclass(frozen=True)
class Written:
    method: str
    """unchanged, keys, rows or copied (Publication.methods)."""
    inserted_since_copy: int


def _publish_relation(
    con: duckdb.DuckDBPyConnection, relation: Relation, previous: Recorded | None, current: Fingerprint
) -> Written:
    target = f"publication.{relation.sql}"
    if previous is not None and previous.fingerprint == current:
        return Written("unchanged", previous.inserted_since_copy)
    if previous is not None and previous.fingerprint.columns == current.columns:
        if relation.written_by is not None:
            inserted = apply_key_changes(
                con,
                relation.published_select,
                target,
                relation.written_by,
                current,
                previous.fingerprint,
                previous.inserted_since_copy,
            )
            if inserted is not None:
                return Written("keys", previous.inserted_since_copy + inserted)
        inserted = apply_row_changes(
            con,
            relation.published_select,
            target,
            current,
            previous.fingerprint,
            previous.inserted_since_copy,
        )
        if inserted is not None:
            return Written("rows", previous.inserted_since_copy + inserted)
    con.execute(f'create schema if not exists publication."{relation.schema}"')
    con.execute(f"create or replace table {target} as {relation.published_select}")
    return Written("copied", 0)


def _record(
    con: duckdb.DuckDBPyConnection, fingerprints: dict[str, Fingerprint], written: dict[str, Written]
) -> None:
    con.execute(f"create schema if not exists publication.{LOG_SCHEMA}")
    con.execute(
        f"create or replace table publication.{LOG_SCHEMA}.{LOG_TABLE} ("
        "relation varchar primary key, row_count bigint, checksum varchar, columns varchar, "
        "method varchar, inserted_since_copy bigint, published_at timestamptz)"
    )
    con.executemany(
        f"insert into publication.{LOG_SCHEMA}.{LOG_TABLE} values (?, ?, ?, ?, ?, ?, current_timestamp)",
        [
            (
                key,
                measured.row_count,
                measured.checksum,
                measured.columns,
                written[key].method,
                written[key].inserted_since_copy,
            )
            for key, measured in fingerprints.items()
        ],
    )


def _update_database(
    con: duckdb.DuckDBPyConnection,
    relations: list[Relation],
    fingerprints: dict[str, Fingerprint],
    target: Path,
    stopwatch: Stopwatch,
) -> dict[str, str]:
    """Write the next publication beside the current one, starting from a copy of it, and swap it in."""
    previous = _worth_building_on(con, target)
    staging_file = target.with_name(target.name + ".next")
    staging_file.unlink(missing_ok=True)
    if previous:
        with stopwatch.timing(PUBLISHED_DB_NAME, "copy"):
            shutil.copyfile(target, staging_file)
    con.execute(f"attach '{staging_file}' as publication")
    try:
        written = {}
        for relation in relations:
            with stopwatch.timing(relation.key, "database"):
                written[relation.key] = _publish_relation(
                    con, relation, previous.get(relation.key), fingerprints[relation.key]
                )
        for gone in sorted(previous.keys() - fingerprints.keys()):
            schema, name = gone.split(".", 1)
            con.execute(f'drop table if exists publication."{schema}"."{name}"')
        _record(con, fingerprints, written)
    finally:
        con.execute("detach publication")
    os.replace(staging_file, target)
    return {key: relation_written.method for key, relation_written in written.items()}


def _swap_symlink(link: Path, target: Path) -> None:
    temporary = link.with_name(link.name + ".next")
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(target.name)
    os.replace(temporary, link)


def _export_parquet(
    con: duckdb.DuckDBPyConnection,
    relations: list[Relation],
    fingerprints: dict[str, Fingerprint],
    parquet_root: Path,
    stopwatch: Stopwatch,
) -> Path:
    """A new snapshot folder; a relation unchanged since the current snapshot is hard-linked from it."""
    current = parquet_root / "current"
    previous_dir = current.resolve() if current.exists() else None
    previous = _snapshot_fingerprints(previous_dir) if previous_dir else {}
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    snapshot = parquet_root / stamp
    snapshot.mkdir(parents=True)
    for relation in relations:
        file_name = f"{relation.name}.parquet"
        unchanged = previous.get(relation.key) == asdict(fingerprints[relation.key])
        if previous_dir and unchanged and (previous_dir / file_name).exists():
            _link_or_copy(previous_dir / file_name, snapshot / file_name)
        else:
            parquet_file = snapshot / file_name
            with stopwatch.timing(relation.key, "parquet"):
                con.execute(f"copy ({relation.published_select}) to '{parquet_file}' (format parquet)")
    recorded = {key: asdict(measured) for key, measured in fingerprints.items()}
    (snapshot / SNAPSHOT_FINGERPRINTS).write_text(json.dumps(recorded, indent=1), encoding="utf-8")
    _swap_symlink(current, snapshot)
    old = sorted(p for p in parquet_root.iterdir() if p.is_dir() and not p.is_symlink())
    for stale in old[:-KEEP_PARQUET_SNAPSHOTS]:
        shutil.rmtree(stale)
    return current


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        shutil.copyfile(source, target)


def _snapshot_fingerprints(snapshot: Path) -> dict[str, dict]:
    recorded = snapshot / SNAPSHOT_FINGERPRINTS
    return json.loads(recorded.read_text(encoding="utf-8")) if recorded.exists() else {}


def built_relations(con: duckdb.DuckDBPyConnection, relations: list[Relation]) -> list[Relation]:
    """The relations a publication can hold now: a weekly mart the review has not built yet is left
    out; any other missing relation stays in, so the publication fails on it."""
    existing = {
        (schema, name)
        for schema, name in con.execute(
            "select schema_name, table_name from duckdb_tables() where database_name = current_database()"
            " union all select schema_name, view_name from duckdb_views()"
            " where database_name = current_database()"
        ).fetchall()
    }
    return [r for r in relations if not r.built_weekly or (r.schema, r.name) in existing]


def publish(con: duckdb.DuckDBPyConnection, relations: list[Relation], publish_dir: Path) -> Publication:
    if not relations:
        raise ValueError(f"no dbt model is tagged {PUBLISH_TAG!r}: nothing to publish")
    relations = built_relations(con, relations)
    publish_dir.mkdir(parents=True, exist_ok=True)
    stopwatch = Stopwatch()
    fingerprints = {}
    for relation in relations:
        with stopwatch.timing(relation.key, "fingerprint"):
            fingerprints[relation.key] = fingerprint(con, relation.published_select)
    database = publish_dir / PUBLISHED_DB_NAME
    # Readers of a mart never rely on its row order; without keeping it DuckDB writes in parallel
    # (Parquet of fct_lead_scores at 1M people: 29 s -> 23 s).
    con.execute("set preserve_insertion_order = false")
    try:
        methods = _update_database(con, relations, fingerprints, database, stopwatch)
        parquet_dir = _export_parquet(con, relations, fingerprints, publish_dir / "parquet", stopwatch)
    finally:
        con.execute("reset preserve_insertion_order")
    row_counts = {key: measured.row_count for key, measured in fingerprints.items()}
    return Publication(database, parquet_dir, row_counts, methods, dict(stopwatch.seconds))
