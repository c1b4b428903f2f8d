"""`leadflow bench --people N`: generate N people into the bench folder, measure the machine's
compute gauge, the floor, the full build (the daily_refresh job, then the weekly scoring_review
job), an incremental daily_refresh run after one more day of extracts and the gauge again.

The bench folder holds its own landing, warehouse, published copy, Dagster home and dbt target,
so a bench never touches the working warehouse. Like `leadflow evaluate`, a generation of the
same people and seed is reused (the day added by the last bench is removed first); everything
else is rebuilt, since its build is what is timed.
"""

from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path
from typing import Any

import duckdb

from orchestration import settings
from orchestration.benchmarking.measure import RunFigures, measure_floor, measure_gauge, measure_run
from orchestration.evaluation.run import generate_sample, machine
from orchestration.generator.delta import generate_delta

# The day after the generator's default as_of: the daily run the incremental figure is of.
DELTA_DAY = datetime.date(2026, 11, 24)
_GB = 2**30


def default_dir(people: int) -> Path:
    return settings.REPO_ROOT / "data" / "bench" / str(people)


def bench_env(root: Path) -> dict[str, str]:
    return {
        **os.environ,
        "LEADFLOW_TARGET": "test",
        "LEADFLOW_TEST_DUCKDB_PATH": str(root / "warehouse.duckdb"),
        "LEADFLOW_LANDING_DIR": str(root / "landing"),
        "LEADFLOW_TRUTH_DIR": str(root / "truth"),
        "LEADFLOW_PUBLISH_DIR": str(root / "publish"),
        "DAGSTER_HOME": str(root / "dagster_home"),
        "DBT_TARGET_PATH": str(root / "target"),
    }


def _reset(root: Path) -> None:
    for delivered in (root / "landing").rglob(f"{DELTA_DAY.isoformat()}T0600Z*"):
        delivered.unlink()
    for folder in ("publish", "dagster_home", "target", "logs"):
        shutil.rmtree(root / folder, ignore_errors=True)
    for name in ("warehouse.duckdb", "warehouse.duckdb.wal"):
        (root / name).unlink(missing_ok=True)


def _sizes(warehouse: Path) -> dict[str, int]:
    """Source records (person-bearing records resolved), activities (rows of the activity logs:
    Marketo activities, HubSpot email events) and the touchpoints made of all behavioural rows."""
    queries = {
        "source_records": "select count(*) from core.bridge_person_records",
        "activities": "select (select count(*) from raw.marketo__activities)"
        " + (select count(*) from raw.hubspot__email_events)",
        "touchpoints": "select count(*) from engagement.fct_touchpoints",
    }
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {name: int(con.execute(sql).fetchall()[0][0]) for name, sql in queries.items()}


def _rescored_persons(warehouse: Path) -> int:
    """Persons the last run scored again (the newest computed_at of the score history): how much
    of the scoring chain an incremental run recomputed."""
    sql = (
        "select count(distinct person_id) from scoring.fct_lead_scores"
        " where computed_at = (select max(computed_at) from scoring.fct_lead_scores)"
    )
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return int(con.execute(sql).fetchall()[0][0])


def _figures(run: RunFigures) -> dict[str, Any]:
    return {
        "seconds": round(run.seconds, 1),
        "peak_rss_gb": round(run.peak_rss_bytes / _GB, 2),
        "steps": {part: round(seconds, 1) for part, seconds in sorted(run.steps.items())},
        "layers": {layer: round(seconds, 1) for layer, seconds in sorted(run.layers.items())},
        "slowest": {name: round(seconds, 1) for name, seconds in run.slowest.items()},
        "at_peak": run.at_peak,
        "peak_processes_gb": {
            label: round(rss / _GB, 2)
            for label, rss in sorted(run.peak_processes.items(), key=lambda item: -item[1])
        },
        "cpu_shares": run.cpu_shares,
    }


def bench(people: int, seed: int, root: Path) -> dict[str, Any]:
    """Runs the benchmark in `root`; the result as docs/benchmarks/pipeline.json keeps it."""
    root = root.resolve()
    root.mkdir(parents=True, exist_ok=True)
    generate_seconds = generate_sample(root, people, seed)
    _reset(root)
    env = bench_env(root)
    gauge_before = measure_gauge(root, env)
    floor_seconds, floor_rss = measure_floor(root / "landing", root, env)
    full = measure_run(env, root / "logs" / "full.log")
    review = measure_run(env, root / "logs" / "review.log", job="scoring_review")
    sizes = _sizes(root / "warehouse.duckdb")
    delta = generate_delta(root / "landing", DELTA_DAY, seed=seed)
    incremental = measure_run(env, root / "logs" / "incremental.log")
    # again at the end: a machine that slowed or sped up during the runs shows as two gauges apart
    gauge_after = measure_gauge(root, env)
    return {
        "people": people,
        "seed": seed,
        **sizes,
        "generate_seconds": None if generate_seconds is None else round(generate_seconds, 1),
        "floor": {"seconds": round(floor_seconds, 1), "peak_rss_gb": round(floor_rss / _GB, 2)},
        "gauge": {"phases": gauge_before, "after_phases": gauge_after},
        "full": _figures(full),
        "review": _figures(review),
        "incremental": {
            **_figures(incremental),
            "delta_rows": sum(delta.rows.values()),
            "rescored_persons": _rescored_persons(root / "warehouse.duckdb"),
        },
        "machine": machine(),
        "date": datetime.date.today().isoformat(),
    }
