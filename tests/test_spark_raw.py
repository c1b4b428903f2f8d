"""The raw export for Spark (orchestration/engines/spark_raw.py), without Spark: the Parquet side
runs on DuckDB alone; tests/test_spark_parity.py covers the registration in Spark."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from orchestration.engines.spark_raw import SparkRegistrationError, export_raw_parquet, register_spark_tables
from orchestration.loading.contract import get_object
from orchestration.loading.loader import load_object


@pytest.fixture
def warehouse(tmp_path: Path, deliver) -> Path:
    deliver("salesforce", "Lead", "2026-11-20.csv", "Id,Email\nL1,a@example.com\nL2,b@example.com\n")
    deliver("salesforce", "Lead", "2026-11-21.csv", "Id,Email\nL3,c@example.com\nL4,too,many\n")
    path = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(path)) as con:
        load_object(con, get_object("salesforce__lead"), tmp_path / "landing", "batch-1")
    return path


def test_every_raw_table_is_exported_with_its_rows(warehouse: Path, tmp_path: Path):
    root = tmp_path / "parquet"
    counts = export_raw_parquet(warehouse, root)
    assert counts == {"_load_ledger": 2, "_rejects": 1, "salesforce__lead": 3}
    with duckdb.connect() as con:
        lead = con.execute(
            f"select id, email, _file, _row from '{root}/salesforce__lead/*.parquet' order by id"
        ).fetchall()
        reject = con.execute(
            f"select file_row, reason from read_parquet('{root}/_rejects/*.parquet')"
        ).fetchone()
    assert lead == [
        ("L1", "a@example.com", "salesforce/Lead/2026-11-20.csv", 1),
        ("L2", "b@example.com", "salesforce/Lead/2026-11-20.csv", 2),
        ("L3", "c@example.com", "salesforce/Lead/2026-11-21.csv", 1),
    ]
    assert reject[0] == 2 and "too many" in reject[1].lower()


def test_an_export_replaces_the_previous_one(warehouse: Path, tmp_path: Path):
    root = tmp_path / "parquet"
    (root / "dropped_table").mkdir(parents=True)
    export_raw_parquet(warehouse, root)
    export_raw_parquet(warehouse, root)
    assert sorted(path.name for path in root.iterdir()) == ["_load_ledger", "_rejects", "salesforce__lead"]
    assert [path.name for path in (root / "salesforce__lead").iterdir()] == ["part-0.parquet"]


def test_a_failed_registration_says_what_dbt_said(tmp_path: Path):
    with pytest.raises(SparkRegistrationError, match="no_such_target"):
        register_spark_tables(
            ["salesforce__lead"], tmp_path / "parquet", tmp_path / "spark", target="no_such_target"
        )
