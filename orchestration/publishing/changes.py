"""Bring a published table up to date by writing only what changed since the last publication.

A daily run rewrites a small share of the big marts (at 1M people: 27k of 1M persons rescored,
one day of 13M touchpoints), yet copying them whole took most of the publish step (54 s of
`fct_lead_scores` alone). A relation's fingerprint (row count, an order-independent sum of
64-bit row hashes, and its column list) is recorded with each publication; an unchanged
fingerprint means nothing to write, a changed one replaces just the rows whose hash changed.
What the changes would produce is checked against the source's fingerprint before anything is
written; a mismatch (duplicate rows repeated differently) falls back to copying the relation.
A relation whose rows say which run wrote them (WrittenBy) hashes only the rows of the keys
written since the last publication, or gone since: 2.35M of the 40.9M score rows on a day.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

# Above this share of rows inserted since the relation was last copied whole, copy it again:
# deleting and inserting would cost more than the copy, and deleted rows leave holes that DuckDB
# does not fully reclaim (the 1M publication grew 1.5% per day of 2.7% changed scores).
MAX_CHANGED_SHARE = 0.25

# Subquery alias of a row hashed as a whole; unlikely to shadow a column of a mart.
ROW = "published_row"


@dataclass(frozen=True)
class Fingerprint:
    row_count: int
    checksum: str
    """Sum of the rows' 64-bit hashes, as text: a hugeint is not JSON."""
    columns: str
    """Column names and types in order, as DuckDB describes them."""


@dataclass(frozen=True)
class WrittenBy:
    """Columns of a relation whose writer rewrites every row of a `key` together, all stamped with
    the run's `stamp` (a time later than any before it), whenever any of them changes."""

    key: str
    stamp: str


@dataclass(frozen=True)
class Scope:
    """Conditions on the row alias ROW: the source rows and the target rows to compare."""

    source: str
    target: str


def fingerprint(con: duckdb.DuckDBPyConnection, select_sql: str) -> Fingerprint:
    row_count, checksum = con.execute(
        f"select count(*), coalesce(sum(hash({ROW})::hugeint), 0)::varchar from ({select_sql}) as {ROW}"
    ).fetchone()
    described = con.execute(f"describe {select_sql}").fetchall()
    columns = ", ".join(f"{name} {column_type}" for name, column_type, *_ in described)
    return Fingerprint(row_count, checksum, columns)


def _hash_tables(con: duckdb.DuckDBPyConnection, source_sql: str, target_table: str, scope: Scope) -> None:
    """Temp tables of the row hashes to insert from the source and of the target rows to delete,
    among the rows each side's condition of `scope` keeps.

    Anti-joins over hashes materialized once: at 40M rows they took 15 s where grouping both
    sides by hash and joining the groups took 27 s.
    """
    con.execute(
        f"create or replace temp table publish_source_hashes as "
        f"select hash({ROW}) as row_hash from ({source_sql}) as {ROW} where {scope.source}"
    )
    con.execute(
        f"create or replace temp table publish_target_hashes as "
        f"select rowid as target_row, hash({ROW}) as row_hash from {target_table} as {ROW} "
        f"where {scope.target}"
    )
    con.execute(
        "create or replace temp table publish_inserted_hashes as select row_hash "
        "from publish_source_hashes anti join publish_target_hashes using (row_hash)"
    )
    con.execute(
        "create or replace temp table publish_deleted_hashes as select target_row, row_hash "
        "from publish_target_hashes anti join publish_source_hashes using (row_hash)"
    )


def _drop_hash_tables(con: duckdb.DuckDBPyConnection) -> None:
    for name in ("source", "target", "inserted", "deleted"):
        con.execute(f"drop table if exists publish_{name}_hashes")
    con.execute("drop table if exists publish_changed_keys")


def _summed(con: duckdb.DuckDBPyConnection, table: str) -> tuple[int, int]:
    summed = con.execute(f"select count(*), coalesce(sum(row_hash::hugeint), 0) from {table}")
    count, total = summed.fetchone()
    return count, int(total)


def apply_row_changes(
    con: duckdb.DuckDBPyConnection,
    source_sql: str,
    target_table: str,
    source: Fingerprint,
    target: Fingerprint,
    inserted_before: int,
    scope: Scope | None = None,
) -> int | None:
    """Make `target_table` (fingerprinted `target`) hold the rows of `source_sql` by deleting and
    inserting the rows whose hash is on one side only; return the rows inserted. Only the rows
    `scope` keeps on each side are compared (all without one).

    Decides before writing: None, and nothing written, when the rows inserted since the last whole
    copy (`inserted_before` and these) would exceed MAX_CHANGED_SHARE of the relation, or when
    the result would not have the source's fingerprint (rows repeated a different number of times
    on each side, which anti-joins cannot tell apart). The caller then copies the relation whole.
    """
    scope = scope or Scope("true", "true")
    try:
        _hash_tables(con, source_sql, target_table, scope)
        inserted, inserted_sum = _summed(con, "publish_inserted_hashes")
        deleted, deleted_sum = _summed(con, "publish_deleted_hashes")
        rows_after = target.row_count - deleted + inserted
        checksum_after = int(target.checksum) - deleted_sum + inserted_sum
        reaches_source = rows_after == source.row_count and checksum_after == int(source.checksum)
        if inserted_before + inserted > MAX_CHANGED_SHARE * max(source.row_count, 1) or not reaches_source:
            return None
        con.execute(
            f"delete from {target_table} where rowid in (select target_row from publish_deleted_hashes)"
        )
        con.execute(
            f"insert into {target_table} select * from ({source_sql}) as {ROW} "
            f"where {scope.source} and hash({ROW}) in (select row_hash from publish_inserted_hashes)"
        )
        return inserted
    finally:
        _drop_hash_tables(con)


def apply_key_changes(
    con: duckdb.DuckDBPyConnection,
    source_sql: str,
    target_table: str,
    written_by: WrittenBy,
    source: Fingerprint,
    target: Fingerprint,
    inserted_before: int,
) -> int | None:
    """apply_row_changes over the rows of the keys stamped after the target's newest stamp, or
    present in the target only. If a row changed without its key being stamped again, the result
    misses the source's fingerprint: None, nothing written, and the caller compares every row."""
    key, stamp = f'"{written_by.key}"', f'"{written_by.stamp}"'
    newest_published = con.execute(f"select max({stamp}) from {target_table}").fetchone()[0]
    if newest_published is None:
        return None
    # A stamp compared with a literal lets DuckDB skip the row groups of older runs by their
    # min/max, and reads only the rows written since; a key compared with a list reads them all.
    written_since = f"{ROW}.{stamp} > '{newest_published}'"
    con.execute(
        "create or replace temp table publish_changed_keys as "
        f"select {key} as changed_key from ({source_sql}) as {ROW} where {written_since} "
        f"union (select {key} from {target_table} except select {key} from ({source_sql}) as {ROW})"
    )
    scope = Scope(written_since, f"{ROW}.{key} in (select changed_key from publish_changed_keys)")
    return apply_row_changes(con, source_sql, target_table, source, target, inserted_before, scope)
