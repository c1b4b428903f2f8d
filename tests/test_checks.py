"""Run alarms as asset checks: a broken export stops the run before the marts, a stale source
warns, and identity alarms fire on a chaining cluster or a jump in merges."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration import monitoring
from orchestration.assets.identity_checks import (
    cluster_alarm_records,
    largest_person_cluster,
    person_merge_rate,
)
from orchestration.assets.raw import DELIVERY_FRESHNESS_CHECK, REJECTED_SHARE_CHECK, build_raw_asset
from orchestration.loading.contract import OBJECTS
from orchestration.resources import Landing, Warehouse

USERS = next(obj for obj in OBJECTS if obj.system == "salesforce" and obj.name == "user")


def test_rejected_share_is_of_the_rows_delivered():
    assert monitoring.rejected_share(rows_loaded=95, rows_rejected=5) == pytest.approx(0.05)
    assert monitoring.rejected_share(rows_loaded=0, rows_rejected=0) == 0.0


def test_a_broken_export_needs_both_the_share_and_the_row_floor():
    assert monitoring.is_broken_export(rows_loaded=100, rows_rejected=10)
    assert not monitoring.is_broken_export(rows_loaded=300, rows_rejected=10)  # 3 %: messy, not broken
    assert not monitoring.is_broken_export(rows_loaded=2, rows_rejected=1)  # a small delta's bad line


def test_merge_rate_jump_needs_history_a_floor_and_a_factor():
    assert not monitoring.is_merge_rate_jump(0.5, [])  # the first run issues every id
    assert not monitoring.is_merge_rate_jump(0.009, [0.0, 0.0])  # under the floor
    assert monitoring.is_merge_rate_jump(0.02, [0.0, 0.001, 0.002])
    assert not monitoring.is_merge_rate_jump(0.02, [0.01, 0.008, 0.009])  # usual for this source


def test_delivery_age_is_the_newest_file(tmp_path: Path):
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    for path in (old, new):
        path.write_text("x")
    now = datetime.now(UTC)
    os.utime(old, (now.timestamp() - 72 * 3600,) * 2)
    os.utime(new, ((now - timedelta(hours=2)).timestamp(),) * 2)
    assert monitoring.newest_delivery_age_hours([old, new], now) == pytest.approx(2, abs=0.01)
    assert monitoring.newest_delivery_age_hours([], now) is None


def materialize_users(landing: Path, warehouse: Path) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        [build_raw_asset(USERS)],
        resources={"landing": Landing(root=str(landing)), "warehouse": Warehouse(path=str(warehouse))},
        raise_on_error=False,
    )


def check_results(result: dg.ExecuteInProcessResult) -> dict[str, dg.AssetCheckEvaluation]:
    return {evaluation.check_name: evaluation for evaluation in result.get_asset_check_evaluations()}


def test_a_broken_export_fails_the_blocking_check(
    landing: Path, tmp_path: Path, deliver: Callable[..., Path]
):
    rows = "".join(f"山田 太郎{i},taro{i}@example.co.jp\n" for i in range(12))
    deliver("salesforce", "User", "2026-11-25.csv", "Name,Email\n" + rows)  # no Id: every row rejected
    result = materialize_users(landing, tmp_path / "warehouse.duckdb")
    checks = check_results(result)
    assert not checks[REJECTED_SHARE_CHECK].passed
    assert checks[REJECTED_SHARE_CHECK].severity == dg.AssetCheckSeverity.ERROR
    assert checks[DELIVERY_FRESHNESS_CHECK].passed
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        [(kept,)] = con.execute("select count(*) from raw._rejects").fetchall()
    assert kept == 12  # the rejected rows are kept with their reason


def test_a_clean_but_stale_export_only_warns(
    landing: Path, tmp_path: Path, deliver: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
):
    path = deliver("salesforce", "User", "2026-11-20.csv", "Id,Name\n005A,山田 太郎\n")
    stale = datetime.now(UTC).timestamp() - 5 * 24 * 3600
    os.utime(path, (stale, stale))
    monkeypatch.setenv("LEADFLOW_MAX_DELIVERY_AGE_HOURS", "48")
    result = materialize_users(landing, tmp_path / "warehouse.duckdb")
    checks = check_results(result)
    assert result.success
    assert checks[REJECTED_SHARE_CHECK].passed
    assert not checks[DELIVERY_FRESHNESS_CHECK].passed
    assert checks[DELIVERY_FRESHNESS_CHECK].severity == dg.AssetCheckSeverity.WARN


def identity_warehouse(path: Path, person_sizes: list[int], merged_per_run: list[int]) -> Warehouse:
    """A bridge with persons of the given record counts, and an id log with one run per entry of
    merged_per_run, that many records merged in it."""
    runs = [datetime(2026, 11, day, 6) for day in range(1, len(merged_per_run) + 1)]
    with duckdb.connect(str(path)) as con:
        con.execute("create schema core; create schema intermediate")
        con.execute("create table core.bridge_person_records (record_key varchar, person_id varchar)")
        for person, size in enumerate(person_sizes):
            for record in range(size):
                con.execute(
                    "insert into core.bridge_person_records values (?, ?)",
                    [f"r{person}-{record}", f"p{person}"],
                )
        con.execute(
            "create table intermediate.int_person_ids_logged (record_key varchar, assigned_at timestamp)"
        )
        con.executemany(
            "insert into intermediate.int_person_ids_logged values ('r0-0', ?)", [[run] for run in runs]
        )
        con.execute(
            "create table core.fct_person_id_changes "
            "(changed_at timestamp, records_moved bigint, change_type varchar)"
        )
        for run, merged in zip(runs, merged_per_run, strict=True):
            if merged:
                con.execute("insert into core.fct_person_id_changes values (?, ?, 'merge')", [run, merged])
    return Warehouse(path=str(path))


def test_largest_cluster_alarm(tmp_path: Path):
    limit = cluster_alarm_records()
    calm = largest_person_cluster(warehouse=identity_warehouse(tmp_path / "a.duckdb", [3, limit], [0]))
    chained = largest_person_cluster(warehouse=identity_warehouse(tmp_path / "b.duckdb", [3, limit + 1], [0]))
    assert calm.passed
    assert not chained.passed
    assert chained.metadata["largest_cluster_records"].value == limit + 1


def test_merge_rate_alarm_fires_on_a_jump_only(tmp_path: Path):
    persons = [2] * 500  # 1,000 records
    steady = person_merge_rate(warehouse=identity_warehouse(tmp_path / "a.duckdb", persons, [0, 2, 3, 2]))
    jump = person_merge_rate(warehouse=identity_warehouse(tmp_path / "b.duckdb", persons, [0, 2, 3, 40]))
    assert steady.passed
    assert not jump.passed
    assert jump.metadata["merged_share"].value == pytest.approx(0.04)
