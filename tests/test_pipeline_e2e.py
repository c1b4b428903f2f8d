"""The whole daily_refresh job on a generated sample, in a temporary folder, on the test target.

Runs `leadflow` in a subprocess, as `make run` does, so the environment (target, paths) is the
one a user gets. dbt data and unit tests run inside the job as asset checks: a failing test fails
the run, and these tests with it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from orchestration.loading.contract import OBJECTS

pytestmark = pytest.mark.e2e

SAMPLE_PEOPLE = 300


def leadflow(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "orchestration.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"leadflow {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("pipeline")
    environment = {
        **os.environ,
        "LEADFLOW_TARGET": "test",
        "LEADFLOW_TEST_DUCKDB_PATH": str(root / "warehouse.duckdb"),
        "LEADFLOW_LANDING_DIR": str(root / "landing"),
        "LEADFLOW_TRUTH_DIR": str(root / "truth"),
        "LEADFLOW_PUBLISH_DIR": str(root / "publish"),
        "DAGSTER_HOME": str(root / "dagster_home"),
    }
    leadflow(environment, "generate", "--people", str(SAMPLE_PEOPLE), "--seed", "7")
    leadflow(environment, "run")
    return environment


def query(path: str, sql: str) -> list[tuple]:
    with duckdb.connect(path, read_only=True) as con:
        return con.execute(sql).fetchall()


def warehouse(env: dict[str, str]) -> str:
    return env["LEADFLOW_TEST_DUCKDB_PATH"]


def published(env: dict[str, str]) -> str:
    return str(Path(env["LEADFLOW_PUBLISH_DIR"]) / "leadflow.duckdb")


def test_every_landing_object_is_loaded_and_staged(env):
    rows = query(
        published(env),
        "select source_system || '__' || source_object, raw_rows, staged_records "
        "from data_quality.dq_source_reconciliation",
    )
    counts = {table: (raw, staged) for table, raw, staged in rows}
    assert set(counts) == {obj.table for obj in OBJECTS}
    assert [table for table, (raw, staged) in counts.items() if raw == 0 or staged == 0] == []


def test_every_delivered_record_is_accounted_for(env):
    unreconciled = query(
        published(env),
        "select source_system, source_object from data_quality.dq_source_reconciliation "
        "where not (is_delivery_reconciled and is_staging_reconciled)",
    )
    assert unreconciled == []


def test_japanese_badge_scans_arrive_as_text_not_mojibake(env):
    [(companies, with_kana)] = query(
        warehouse(env),
        "select count(*) filter (where company_name like '%株式会社%' or company_name like '%㈱%'), "
        "count(*) filter (where family_name_kana is not null) from staging.stg_events__badge_scans",
    )
    assert companies > 0 and with_kana > 0


def test_published_parquet_matches_the_published_database(env):
    parquet = Path(env["LEADFLOW_PUBLISH_DIR"]) / "parquet" / "current" / "dq_source_reconciliation.parquet"
    [(parquet_rows,)] = duckdb.sql(f"select count(*) from '{parquet}'").fetchall()
    [(db_rows,)] = query(published(env), "select count(*) from data_quality.dq_source_reconciliation")
    assert parquet_rows == db_rows == len(OBJECTS)


def test_rerun_without_new_files_changes_nothing(env):
    before = query(warehouse(env), "select count(*) from raw.salesforce__lead")
    marts_before = query(published(env), "select * from data_quality.dq_source_reconciliation order by all")
    leadflow(env, "run")
    assert query(warehouse(env), "select count(*) from raw.salesforce__lead") == before
    assert (
        query(published(env), "select * from data_quality.dq_source_reconciliation order by all")
        == marts_before
    )


def test_a_bad_delta_is_kept_aside_and_the_newest_version_wins(env):
    [(lead_id,)] = query(warehouse(env), "select min(id) from raw.salesforce__lead")
    delta = Path(env["LEADFLOW_LANDING_DIR"]) / "salesforce" / "Lead" / "9999-12-31T0000Z.csv"
    delta.write_text(
        "Id,LastName,Status,SystemModstamp,IsDeleted\n"
        f"{lead_id},Newest,Working,2099-01-01T00:00:00Z,true\n"
        f"{lead_id},Older,Open,2000-01-01T00:00:00Z,false\n"
        "broken,row,with,too,many,fields\n",
        encoding="utf-8",
    )
    leadflow(env, "run")
    assert query(
        warehouse(env),
        f"select last_name, is_deleted from staging.stg_salesforce__lead where lead_id = '{lead_id}'",
    ) == [("Newest", True)]
    [(row, reason)] = query(
        warehouse(env), "select file_row, reason from raw._rejects where file like '%9999-12-31T0000Z.csv'"
    )
    assert row == 3 and "TOO MANY COLUMNS" in reason
    assert query(
        published(env),
        "select is_delivery_reconciled and is_staging_reconciled from data_quality.dq_source_reconciliation "
        "where source_system = 'salesforce' and source_object = 'lead'",
    ) == [(True,)]
