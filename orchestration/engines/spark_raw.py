"""Raw tables for a Spark build, from the raw tables the loader wrote into DuckDB.

The loader stays the one parser of landing files (one set of rejects, one ledger): this step
copies every table of DuckDB's `raw` schema, `_load_ledger` and `_rejects` included, to Parquet
under `<spark_dir>/raw/<table>/`, then registers each folder as a Spark table of the same name in
database `raw` through dbt (`register_parquet_tables` on the `spark` target). Going through dbt
keeps the Spark settings (metastore, warehouse folder, memory) in one place, profiles.yml, and
keeps the embedded metastore, which admits one process at a time, out of the caller's process.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from orchestration import settings
from orchestration.loading.contract import RAW_SCHEMA
from orchestration.loading.raw_store import quote_identifier

PARQUET_FOLDER = "raw"


class SparkRegistrationError(RuntimeError):
    """dbt could not register the exported Parquet folders as Spark tables."""


def export_raw_parquet(duckdb_path: Path, parquet_root: Path) -> dict[str, int]:
    """Every table of DuckDB's raw schema as `<parquet_root>/<table>/part-0.parquet`, replacing
    what an earlier export left there; returns the rows written per table."""
    if parquet_root.exists():
        shutil.rmtree(parquet_root)
    counts: dict[str, int] = {}
    with duckdb.connect(str(duckdb_path), read_only=True) as con:
        tables = [
            row[0]
            for row in con.execute(
                "select table_name from information_schema.tables "
                "where table_schema = ? and table_type = 'BASE TABLE' order by table_name",
                [RAW_SCHEMA],
            ).fetchall()
        ]
        for table in tables:
            folder = parquet_root / table
            folder.mkdir(parents=True)
            target = str(folder / "part-0.parquet").replace("'", "''")
            written = con.execute(
                f"copy {RAW_SCHEMA}.{quote_identifier(table)} to '{target}' (format parquet)"
            ).fetchone()
            counts[table] = int(written[0]) if written else 0
    return counts


def register_spark_tables(
    tables: list[str], parquet_root: Path, spark_dir: Path, target: str = "spark"
) -> None:
    """Register each `<parquet_root>/<table>` folder as Spark table `raw.<table>` with
    `dbt run-operation` on `target`, whose metastore lives under `spark_dir`."""
    arguments = {
        "schema_name": RAW_SCHEMA,
        "location_root": parquet_root.resolve().as_uri(),
        "tables": tables,
    }
    command = [
        sys.executable,
        "-m",
        "dbt.cli.main",
        "run-operation",
        "register_parquet_tables",
        "--args",
        json.dumps(arguments),
        "--project-dir",
        str(settings.REPO_ROOT),
        "--profiles-dir",
        str(settings.DBT_PROFILES_DIR),
        "--target",
        target,
    ]
    environment = {**os.environ, "LEADFLOW_SPARK_DIR": str(spark_dir.resolve())}
    result = subprocess.run(
        command, cwd=settings.REPO_ROOT, env=environment, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SparkRegistrationError(
            f"dbt run-operation register_parquet_tables failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )


def export_raw_to_spark(duckdb_path: Path, spark_dir: Path, target: str = "spark") -> dict[str, int]:
    """Export DuckDB's raw schema to Parquet under `spark_dir` and register it in Spark database
    `raw`; returns the rows exported per table. Safe to run again: it replaces both."""
    parquet_root = spark_dir / PARQUET_FOLDER
    counts = export_raw_parquet(duckdb_path, parquet_root)
    register_spark_tables(sorted(counts), parquet_root, spark_dir, target)
    return counts


def spark_dir_from_env() -> Path:
    """LEADFLOW_SPARK_DIR, as the spark target in profiles.yml reads it (default data/spark)."""
    value = os.environ.get("LEADFLOW_SPARK_DIR")
    return Path(value).resolve() if value else settings.REPO_ROOT / "data" / "spark"


def main() -> None:
    """`python -m orchestration.engines.spark_raw [DUCKDB_PATH [SPARK_DIR]]`, defaults from the
    environment like the dbt targets (LEADFLOW_DUCKDB_PATH, LEADFLOW_SPARK_DIR)."""
    duckdb_path = Path(sys.argv[1]) if len(sys.argv) > 1 else settings.warehouse_path()
    spark_dir = Path(sys.argv[2]) if len(sys.argv) > 2 else spark_dir_from_env()
    for table, rows in export_raw_to_spark(duckdb_path, spark_dir).items():
        print(f"raw.{table}: {rows} rows")


if __name__ == "__main__":
    main()
