"""Lead scoring on a generated sample: the point-in-time score ranks people who later become
opportunities above those who do not (AUC >= 0.75, docs/benchmarks.md), and the incremental
touchpoint and score tables end up as a full refresh would. Plus the evaluation's arithmetic."""

from __future__ import annotations

import math
import shutil
import time
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from orchestration.evaluation.sample import dbt, load_landing
from orchestration.generator import generate
from orchestration.scoring_evaluation import (
    MIN_AUC,
    CutoffResult,
    auc,
    benchmark_section,
    evaluate_scoring,
    pooled_auc,
    top_decile_lift,
    write_benchmark_section,
)

PEOPLE, SEED = 2000, 42
SCORING_SELECTOR = "+tag:scoring"
# The generator delivers most objects weekly; everything before the last delivery is day one.
LAST_DELIVERY = "2026-11-23"


def copy_deliveries(source: Path, target: Path, *, last: bool) -> None:
    """Copies the landing files of the last delivery (last=True) or of the earlier ones."""
    for path in source.rglob("*"):
        if path.is_file() and path.name.startswith(LAST_DELIVERY) == last:
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)


def build(warehouse: Path, work_dir: Path, *extra: str) -> None:
    dbt(
        warehouse,
        "build",
        "--select",
        SCORING_SELECTOR,
        "--indirect-selection",
        "cautious",
        *extra,
        work_dir=work_dir,
    )


def snapshot(warehouse: Path, table: str, key: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        columns = [
            name
            for (name,) in con.execute(
                "select column_name from information_schema.columns where table_name = ? "
                "order by ordinal_position",
                [table.split(".")[1]],
            ).fetchall()
            if name not in ("_loaded_at", "resolved_at", "computed_at")
        ]
        return con.execute(f"select {', '.join(columns)} from {table} order by {key}").fetchall()


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The sample loaded in two daily batches, built after each (the second run incremental),
    with the snapshots of the incremental tables after the second run."""
    root = tmp_path_factory.mktemp("scoring")
    generated, landing, truth = root / "generated", root / "landing", root / "truth"
    generate(generated, truth, people=PEOPLE, seed=SEED)
    warehouse = root / "warehouse.duckdb"
    started = time.perf_counter()
    copy_deliveries(generated, landing, last=False)
    load_landing(warehouse, landing, batch_id="day-1")
    build(warehouse, root)
    copy_deliveries(generated, landing, last=True)
    load_landing(warehouse, landing, batch_id="day-2")
    build(warehouse, root)
    seconds = time.perf_counter() - started
    incremental = {
        "touchpoints": snapshot(warehouse, "engagement.fct_touchpoints", "touchpoint_id"),
        "scores": snapshot(warehouse, "scoring.fct_lead_scores", "person_id, valid_from"),
    }
    return warehouse, root, incremental, seconds


def test_score_predicts_opportunities_point_in_time(sample):
    warehouse, _, _, seconds = sample
    results = evaluate_scoring(warehouse)
    pooled = pooled_auc(warehouse, [result.cutoff for result in results])
    section = benchmark_section(results, PEOPLE, SEED, seconds, pooled)
    print(section)
    assert all(result.converted > 0 for result in results), section
    assert pooled >= MIN_AUC, section
    assert sum(result.auc for result in results) / len(results) >= MIN_AUC, section


def test_incremental_runs_equal_a_full_refresh(sample):
    warehouse, root, incremental, _ = sample
    dbt(
        warehouse,
        "run",
        "--select",
        "fct_touchpoints",
        "fct_lead_scores",
        "--full-refresh",
        work_dir=root,
    )
    assert snapshot(warehouse, "engagement.fct_touchpoints", "touchpoint_id") == incremental["touchpoints"]
    assert snapshot(warehouse, "scoring.fct_lead_scores", "person_id, valid_from") == incremental["scores"]


def test_auc_counts_ties_as_half():
    assert auc([1, 2, 3, 4], [False, False, True, True]) == 1.0
    assert auc([4, 3, 2, 1], [False, False, True, True]) == 0.0
    assert auc([1, 1, 1, 1], [False, True, False, True]) == 0.5
    assert math.isnan(auc([1, 2], [False, False]))


def test_top_decile_lift():
    scores = list(range(100))
    labels = [score >= 90 for score in scores]
    assert top_decile_lift(scores, labels) == pytest.approx(10.0)


def test_benchmark_section_replaces_only_its_own(tmp_path):
    benchmarks = tmp_path / "benchmarks.md"
    benchmarks.write_text("# Benchmarks\n\n## Identity resolution\n\nkept\n", encoding="utf-8")
    result = CutoffResult(datetime(2026, 5, 1), people=10, converted=2, auc=0.8, top_decile_lift=3.0)
    write_benchmark_section(benchmarks, benchmark_section([result], 10, 1, None))
    write_benchmark_section(benchmarks, benchmark_section([result], 20, 2, None))
    text = benchmarks.read_text(encoding="utf-8")
    assert text.count("## Scoring") == 1 and "20 people" in text and "10 people" not in text
    assert "## Identity resolution\n\nkept\n" in text
