"""Raw tables in DuckDB: one VARCHAR table per landing object, plus the load ledger and rejects.

Every contract column exists from the first run on, whether or not a file has delivered it yet,
so dbt sources always compile; extra columns a delivery brings are added, never dropped.
"""

from __future__ import annotations

import duckdb

from orchestration.loading.contract import OBJECTS, RAW_SCHEMA, LandingObject

LEDGER_TABLE = f"{RAW_SCHEMA}._load_ledger"
REJECTS_TABLE = f"{RAW_SCHEMA}._rejects"

_LEDGER_DDL = f"""
create table if not exists {LEDGER_TABLE} (
    batch_id varchar not null,
    system varchar not null,
    object varchar not null,
    file varchar not null,
    content_hash varchar not null,
    status varchar not null,        -- loaded | rejected | empty
    rows_loaded bigint not null,
    rows_rejected bigint not null,
    missing_expected_columns varchar,
    unknown_columns varchar,
    encoding varchar,
    message varchar,
    loaded_at timestamp not null,
    file_fingerprint varchar        -- size:mtime_ns when loaded; null on rows loaded before it existed
)
"""

_REJECTS_DDL = f"""
create table if not exists {REJECTS_TABLE} (
    batch_id varchar not null,
    system varchar not null,
    object varchar not null,
    file varchar not null,
    file_row bigint,                -- record number in the file, header excluded; null = whole file
    column_name varchar,
    reason varchar not null,
    raw_text varchar,
    loaded_at timestamp not null
)
"""


def quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def qualified_table(obj: LandingObject) -> str:
    return f"{RAW_SCHEMA}.{quote_identifier(obj.table)}"


def ensure_bookkeeping_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"create schema if not exists {RAW_SCHEMA}")
    con.execute(_LEDGER_DDL)
    # a ledger written before the loader recorded file fingerprints
    con.execute(f"alter table {LEDGER_TABLE} add column if not exists file_fingerprint varchar")
    con.execute(_REJECTS_DDL)


def existing_columns(con: duckdb.DuckDBPyConnection, obj: LandingObject) -> list[str]:
    rows = con.execute(
        "select column_name from information_schema.columns "
        "where table_schema = ? and table_name = ? order by ordinal_position",
        [RAW_SCHEMA, obj.table],
    ).fetchall()
    return [row[0] for row in rows]


def ensure_raw_table(
    con: duckdb.DuckDBPyConnection, obj: LandingObject, extra_columns: list[str] | None = None
) -> list[str]:
    """Create the object's raw table if needed and add any new columns; returns all columns."""
    con.execute(f"create schema if not exists {RAW_SCHEMA}")
    wanted = list(obj.columns) + [c for c in (extra_columns or []) if c not in obj.columns]
    columns = existing_columns(con, obj)
    if not columns:
        column_ddl = ", ".join(f"{quote_identifier(c)} varchar" for c in wanted)
        con.execute(
            f"create table {qualified_table(obj)} ({column_ddl}, "
            "_file varchar, _row bigint, _loaded_at timestamp, _batch_id varchar)"
        )
        return existing_columns(con, obj)
    for column in wanted:
        if column not in columns:
            con.execute(f"alter table {qualified_table(obj)} add column {quote_identifier(column)} varchar")
    return existing_columns(con, obj)


def ensure_all_raw_tables(con: duckdb.DuckDBPyConnection) -> None:
    ensure_bookkeeping_tables(con)
    for obj in OBJECTS:
        ensure_raw_table(con, obj)
