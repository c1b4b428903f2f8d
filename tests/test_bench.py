"""`leadflow bench`'s bookkeeping: which layer a dbt node counts in, and the Pipeline section of
docs/benchmarks.md written from the results without touching the other sections."""

from __future__ import annotations

import datetime
import json
import os
import time
from pathlib import Path

import pytest

from orchestration.benchmarking import gauge
from orchestration.benchmarking.measure import (
    cpu_shares,
    cpu_times,
    layer_of,
    layer_seconds,
    measure_gauge,
    process_label,
    running_at,
    slowest_nodes,
)
from orchestration.benchmarking.report import HEADING, write_results


def _result(
    people: int,
    floor: float,
    full: float,
    incremental: float,
    review: float | None = None,
    gauge_seconds: float | None = None,
) -> dict:
    weekly = {} if review is None else {"review": {"seconds": review, "peak_rss_gb": 2.5}}
    gauged = (
        {}
        if gauge_seconds is None
        else {"gauge": {"phases": {"write": gauge_seconds}, "after_phases": {"write": gauge_seconds + 4}}}
    )
    return {
        **weekly,
        **gauged,
        "people": people,
        "seed": 42,
        "source_records": people * 3,
        "activities": people * 30,
        "touchpoints": people * 10,
        "floor": {"seconds": floor, "peak_rss_gb": 0.1},
        "full": {
            "seconds": full,
            "peak_rss_gb": 1.5,
            "steps": {"load": 2 * floor, "dbt": full - 3 * floor, "publish": floor},
            "layers": {"staging": floor, "identity": 4 * floor, "tests": floor, "zeta": 1.0},
            "slowest": {"fct_lead_scores": 3 * floor, "dim_person": floor},
            "at_peak": ["fct_lead_scores"],
            "peak_processes_gb": {"dbt build": 1.2, "python -m dagster": 0.3},
            "cpu_shares": {"user": 80.0, "system": 6.0, "iowait": 9.0, "idle": 5.0, "steal": 0.0},
        },
        "incremental": {
            "seconds": incremental,
            "peak_rss_gb": 1.0,
            "steps": {},
            "layers": {},
            "delta_rows": people // 100,
            "rescored_persons": people // 50,
        },
        "machine": "2 cores",
        "date": "2026-11-25",
    }


def test_intermediate_models_count_by_their_folder_others_by_their_top_folder():
    assert layer_of(["leadflow", "intermediate", "identity", "int_x"], "model") == "identity"
    assert layer_of(["leadflow", "staging", "salesforce", "stg_x"], "model") == "staging"
    assert layer_of(["leadflow", "marts", "lifecycle", "fct_x"], "model") == "marts"
    assert layer_of(["leadflow", "staging", "salesforce", "not_null_x"], "test") == "tests"
    assert layer_of(["leadflow", "staging", "salesforce", "stg_x", "t"], "unit_test") == "unit tests"
    assert layer_of(["leadflow", "hooks", "leadflow-on-run-end-0"], "operation") == "hooks"


def test_layers_sum_their_nodes_and_the_slowest_nodes_come_longest_first():
    nodes = {
        "stg_a": ("staging", 1.5),
        "stg_b": ("staging", 2.0),
        "fct_lead_scores": ("marts", 9.0),
        "not_null_x": ("tests", 0.5),
    }
    assert layer_seconds(nodes) == {"staging": 3.5, "marts": 9.0, "tests": 0.5}
    assert list(slowest_nodes(nodes, count=2).items()) == [("fct_lead_scores", 9.0), ("stg_b", 2.0)]


def _executed(unique_id: str, started_at: str, completed_at: str) -> dict:
    return {
        "unique_id": unique_id,
        "timing": [
            {"name": "compile", "started_at": "2026-12-05T00:00:00Z", "completed_at": started_at},
            {"name": "execute", "started_at": started_at, "completed_at": completed_at},
        ],
    }


def test_the_peak_is_put_on_the_dbt_nodes_executing_then_else_on_the_job_steps():
    results = [
        _executed("model.leadflow.fct_lead_scores", "2026-12-05T00:01:00Z", "2026-12-05T00:04:00Z"),
        _executed("model.leadflow.dim_person", "2026-12-05T00:03:00Z", "2026-12-05T00:05:00Z"),
        _executed("test.leadflow.unique_x.abc", "2026-12-05T00:06:00Z", "2026-12-05T00:07:00Z"),
    ]
    at = datetime.datetime(2026, 12, 5, 0, 0, tzinfo=datetime.UTC).timestamp()
    spans = {
        "raw_marketo__activities": (at, at + 50),
        "leadflow_dbt_assets": (at + 50, at + 500),
        "published_marts": (at + 500, at + 600),
    }
    assert running_at(results, spans, at + 210) == ["fct_lead_scores", "dim_person"]
    assert running_at(results, spans, at + 390) == ["unique_x"]
    # compiling is not executing: the dbt step itself is what ran
    assert running_at(results, spans, at + 30) == ["raw_marketo__activities"]
    assert running_at(results, spans, at + 550) == ["published_marts"]


def test_pipeline_section_has_a_row_per_size_with_ratios_to_the_floor(tmp_path: Path):
    benchmarks, results = tmp_path / "benchmarks.md", tmp_path / "pipeline.json"
    benchmarks.write_text("# Benchmarks\n\n## Identity resolution\n\nkept\n", encoding="utf-8")
    write_results(_result(100_000, 10.0, 200.0, 20.0), results, benchmarks)
    write_results(_result(10_000, 2.0, 100.0, 5.0), results, benchmarks)
    # replaces the first; its full build is the daily job's 250 s and the review's 50 s
    write_results(_result(100_000, 10.0, 250.0, 30.0, review=50.0, gauge_seconds=27.5), results, benchmarks)
    text = benchmarks.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks\n\n## Identity resolution\n\nkept\n\n" + HEADING)
    header, rows = (
        [line for line in text.splitlines() if line.startswith("| people")],
        [line for line in text.splitlines() if line.startswith("| 10")],
    )
    assert header[0].split(" | ")[4:10] == ["floor", "gauge", "load", "staging", "identity", "zeta"]
    assert header[0].split(" | ")[10] == "tests"
    assert rows[0].startswith("| 10,000 |") and rows[1].startswith("| 100,000 |")
    # a bench from before the gauge has none
    assert "| 2.0 s | - | 4 s (2.0x) |" in rows[0] and "| 10.0 s | 27.5 / 31.5 s | 20 s (2.0x) |" in rows[1]
    assert "- 100,000 people, full: user 80%, system 6%, iowait 9%, idle 5%, steal 0%" in text
    assert "| 300 s (30.0x) | 50 s (5.0x) | 2.5 GB |" in rows[1]
    assert "40 s (4.0x)" in rows[1] and "| 10% |" in rows[1]
    assert "| 100 s (50.0x) | - | 1.5 GB |" in rows[0]
    assert "- 10,000 to 100,000 people (x10): full run x3.0, floor x5.0, incremental x6.0" in text
    assert "- 100,000 people, full: `fct_lead_scores` 30 s, `dim_person` 10 s" in text
    assert [r["people"] for r in json.loads(results.read_text(encoding="utf-8"))] == [10_000, 100_000]
    assert "- 100,000 people, full (1.5 GB): `fct_lead_scores`" in text
    assert "- 100,000 people: the day added 1,000 rows; the run scored 2,000 persons again" in text
    assert "- 100,000 people, full (1.5 GB): `dbt build` 1.2 GB, `python -m dagster` 0.3 GB" in text


def test_processes_are_named_by_program_and_first_arguments():
    assert (
        process_label(["/work/.venv/bin/python", "-m", "dagster", "api", "execute_step"])
        == "python -m dagster"
    )
    assert process_label(["/usr/bin/dbt", "build"]) == "dbt build"
    assert process_label([]) == "?"


def test_the_gauge_times_each_phase_in_its_own_process_and_leaves_no_file(tmp_path: Path):
    seconds = measure_gauge(tmp_path, dict(os.environ), rows=300_000)
    assert list(seconds) == ["write", "join_group", "window", "rewrite", "checkpoint"]
    assert all(isinstance(value, float) and value >= 0 for value in seconds.values())
    assert not list(tmp_path.glob("gauge.duckdb*"))


def test_the_gauge_refuses_a_workload_that_did_less_than_it_should(tmp_path: Path, monkeypatch):
    # a rewrite that forgot to insert the persons back would time less work than it claims
    monkeypatch.setitem(
        gauge._PHASES,
        "rewrite",
        "delete from facts where hash(person_id) % 100 < 3",
    )
    with pytest.raises(RuntimeError, match="expected"):
        gauge.run_workload(tmp_path / "gauge.duckdb", rows=300_000)


def test_cpu_shares_split_all_cores_time_between_two_readings():
    before = dict.fromkeys(("user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"), 100)
    after = {
        **before,
        "user": 160,
        "nice": 110,
        "system": 105,
        "irq": 101,
        "softirq": 104,
        "iowait": 110,
        "steal": 110,
    }
    # 100 ticks spent: user 60 + nice 10, system 5 + 1 + 4, iowait 10, idle 0, steal 10
    assert cpu_shares(before, after) == {
        "user": 70.0,
        "system": 10.0,
        "iowait": 10.0,
        "idle": 0.0,
        "steal": 10.0,
    }
    started = cpu_times()
    time.sleep(0.05)
    assert sum(cpu_shares(started, cpu_times()).values()) == pytest.approx(100.0, abs=0.5)
