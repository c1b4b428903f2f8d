"""Schedules per team and the landing sensor: runs start at each team's morning in its own time
zone, and when extract files the warehouse has not loaded arrive, never for loaded content."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from dagster._core.definitions.sensor_definition import SensorExecutionData

from orchestration.definitions import defs
from orchestration.jobs import DAILY_REFRESH_JOB, SCORING_REVIEW_JOB
from orchestration.loading.contract import OBJECTS
from orchestration.loading.loader import load_object
from orchestration.resources import Landing, Warehouse
from orchestration.schedules import TEAM_REFRESHES
from orchestration.sensors import LANDING_SENSOR

USER_CSV = "Id,Name,Email,IsActive\n005A,山田 太郎,taro@example.co.jp,true\n"


# The Japan run must land before the Tokyo sales floor opens at 09:00 JST; the cron is read in the
# team's own zone, so 07:xx here is 22:xx UTC the day before, not 07:xx UTC.
@pytest.mark.parametrize("team, timezone, hour", [("global", "UTC", 6), ("japan", "Asia/Tokyo", 7)])
def test_each_team_refreshes_in_its_own_morning(team: str, timezone: str, hour: int):
    schedule = defs.resolve_schedule_def(f"{team}_daily_refresh")
    assert schedule.execution_timezone == timezone
    assert schedule.job_name == DAILY_REFRESH_JOB
    assert schedule.tags["team"] == team
    assert int(schedule.cron_schedule.split()[1]) == hour


def test_team_schedules_are_configured_in_one_place():
    daily = {s.name for s in defs.schedules if s.job_name == DAILY_REFRESH_JOB}
    assert daily == {f"{r.team}_daily_refresh" for r in TEAM_REFRESHES}


def test_the_scoring_review_runs_on_monday_between_the_two_refreshes():
    """After Japan's Monday refresh (07:30 JST = 22:30 UTC on Sunday), before the global one."""
    schedule = defs.resolve_schedule_def("weekly_scoring_review")
    assert schedule.job_name == SCORING_REVIEW_JOB
    assert schedule.execution_timezone == "UTC"
    _, hour, _, _, weekday = schedule.cron_schedule.split()
    assert weekday == "1"
    assert int(hour) < 6
    assert {s.job_name for s in defs.schedules} == {DAILY_REFRESH_JOB, SCORING_REVIEW_JOB}


def evaluate_sensor(landing: Path, warehouse: Path, cursor: str | None = None) -> SensorExecutionData:
    sensor = defs.resolve_sensor_def(LANDING_SENSOR)
    context = dg.build_sensor_context(
        cursor=cursor,
        resources={"landing": Landing(root=str(landing)), "warehouse": Warehouse(path=str(warehouse))},
    )
    return sensor.evaluate_tick(context)


def load_everything(landing: Path, warehouse: Path) -> None:
    with duckdb.connect(str(warehouse)) as con:
        for obj in OBJECTS:
            load_object(con, obj, landing, batch_id="test")


def test_sensor_starts_a_run_for_new_files_only(landing: Path, tmp_path: Path, deliver: Callable[..., Path]):
    warehouse = tmp_path / "warehouse.duckdb"
    deliver("salesforce", "User", "2026-11-24.csv", USER_CSV)

    first = evaluate_sensor(landing, warehouse)
    [request] = first.run_requests
    assert request.tags["new_files"] == "1"

    load_everything(landing, warehouse)
    after_load = evaluate_sensor(landing, warehouse, first.cursor)
    assert after_load.run_requests == []

    # the same content again under another name was loaded already: nothing to do
    deliver("salesforce", "User", "2026-11-25-resent.csv", USER_CSV)
    resent = evaluate_sensor(landing, warehouse, after_load.cursor)
    assert resent.run_requests == []

    deliver("salesforce", "User", "2026-11-26.csv", USER_CSV.replace("005A", "005B"))
    arrival = evaluate_sensor(landing, warehouse, resent.cursor)
    [request] = arrival.run_requests
    assert request.tags["trigger"] == "landing" and request.tags["new_files"] == "1"
    assert request.run_key != first.run_requests[0].run_key


def test_sensor_waits_while_a_run_writes(landing: Path, tmp_path: Path, deliver: Callable[..., Path]):
    warehouse = tmp_path / "warehouse.duckdb"
    deliver("salesforce", "User", "2026-11-24.csv", USER_CSV)
    load_everything(landing, warehouse)
    deliver("salesforce", "User", "2026-11-25.csv", USER_CSV.replace("005A", "005C"))
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(warehouse)!r}); print('locked', flush=True); "
            "time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "locked"
        busy = evaluate_sensor(landing, warehouse)
        assert busy.run_requests == []
        assert "being written" in (busy.skip_message or "")
        assert busy.cursor is None
    finally:
        writer.kill()
        writer.wait()
    time.sleep(0.1)
    [request] = evaluate_sensor(landing, warehouse).run_requests
    assert request.tags["new_files"] == "1"
