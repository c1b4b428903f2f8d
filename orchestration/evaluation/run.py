"""`leadflow evaluate`: generate a sample, build identity resolution on it, score it against the
ground truth, optionally run the Splink baseline on the same records.

A sample lives in its own folder (landing, truth, warehouse, dbt target and logs), so it never
touches the working warehouse or the repo's dbt artifacts. The generation is kept and reused
while people and seed match (it is the slow part at scale); the warehouse is rebuilt every run,
since its build is what is timed.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from orchestration import settings
from orchestration.evaluation.benchmarks import BenchmarkRow
from orchestration.evaluation.identity import IdentityReport, evaluate_identity
from orchestration.evaluation.sample import (
    RESOLUTION_SELECTOR,
    build_identity,
    load_landing,
    selected_objects,
)
from orchestration.evaluation.splink_baseline import SplinkResult, ensure_available, run_splink

_MARKER = "sample.json"
# The models of this folder are the resolution proper: their run time leaves out staging's
# normalization, the marts (and whatever they join in) and the data tests.
_RESOLUTION_FOLDER = ["intermediate", "identity"]


def default_dir(people: int) -> Path:
    return settings.REPO_ROOT / "data" / "evaluation" / str(people)


@dataclass(frozen=True)
class Evaluation:
    people: int
    seed: int
    generate_seconds: float | None
    """None when an earlier generation of the same people and seed was reused."""
    load_seconds: float
    """Listing the sources the resolution reads and loading them (other objects are not)."""
    build_seconds: float
    """The whole `dbt build` of the resolution: staging, identity models, the bridge, data tests."""
    resolution_seconds: float
    """Of which the models in intermediate/identity ran this long (summed over dbt's threads)."""
    leadflow: IdentityReport
    splink: SplinkResult | None


def generate_sample(root: Path, people: int, seed: int) -> float | None:
    from orchestration.generator import generate

    marker = root / _MARKER
    wanted = {"people": people, "seed": seed}
    if marker.is_file() and json.loads(marker.read_text(encoding="utf-8")) == wanted:
        return None
    for folder in ("landing", "truth"):
        shutil.rmtree(root / folder, ignore_errors=True)
    marker.unlink(missing_ok=True)
    started = time.perf_counter()
    generate(root / "landing", root / "truth", people=people, seed=seed)
    seconds = time.perf_counter() - started
    # written last: an interrupted generation is redone, never reused
    marker.write_text(json.dumps(wanted) + "\n", encoding="utf-8")
    return seconds


def resolution_seconds(target: Path) -> float:
    """Summed run time of the models in intermediate/identity, from the run_results.json and
    manifest.json a `dbt build` left in `target`."""
    results = json.loads((target / "run_results.json").read_text(encoding="utf-8"))["results"]
    nodes = json.loads((target / "manifest.json").read_text(encoding="utf-8"))["nodes"]
    return sum(
        float(result["execution_time"])
        for result in results
        if result["unique_id"].startswith("model.")
        and nodes[result["unique_id"]]["fqn"][1:-1] == _RESOLUTION_FOLDER
    )


def evaluate_sample(people: int, seed: int, root: Path, *, with_splink: bool) -> Evaluation:
    if with_splink:
        ensure_available()
    root.mkdir(parents=True, exist_ok=True)
    generate_seconds = generate_sample(root, people, seed)
    warehouse, work = root / "warehouse.duckdb", root / "work"
    for stale in (warehouse, warehouse.with_name(warehouse.name + ".wal")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    objects = selected_objects(work, RESOLUTION_SELECTOR)
    load_landing(warehouse, root / "landing", batch_id="evaluation", objects=objects)
    load_seconds = time.perf_counter() - started
    build_seconds = build_identity(warehouse, work, selector=RESOLUTION_SELECTOR)
    leadflow = evaluate_identity(warehouse, root / "truth")
    splink = None
    if with_splink:
        splink = run_splink(warehouse, root / "truth", work / "splink", seed=seed)
    return Evaluation(
        people=people,
        seed=seed,
        generate_seconds=generate_seconds,
        load_seconds=load_seconds,
        build_seconds=build_seconds,
        resolution_seconds=resolution_seconds(work / "target"),
        leadflow=leadflow,
        splink=splink,
    )


def machine() -> str:
    """Cores, memory and how busy the machine is (other jobs skew the times), as the benchmark
    notes name the machine a run was on."""
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = os.getloadavg()[1]
    return f"{os.cpu_count()} cores, {memory:.0f} GB RAM, 5-min load average {load:.1f} at the end"


def _report_lines(columns: list[tuple[str, IdentityReport, float]]) -> list[str]:
    def line(label: str, values: list[str]) -> str:
        return f"  {label:<24}" + "".join(f"{value:>20}" for value in values)

    reports = [report for _, report, _ in columns]
    largest = [f"{r.largest_predicted_cluster} ({r.largest_true_cluster})" for r in reports]
    return [
        line("", [name for name, _, _ in columns]),
        line("precision", [f"{r.precision:.4f}" for r in reports]),
        line("recall", [f"{r.recall:.4f}" for r in reports]),
        line("F1", [f"{r.f1:.4f}" for r in reports]),
        line("JP precision", [f"{r.japanese_precision:.4f}" for r in reports]),
        line("JP recall", [f"{r.japanese_recall:.4f}" for r in reports]),
        line("JP F1", [f"{r.japanese_f1:.4f}" for r in reports]),
        line("records (JP)", [f"{r.records:,} ({r.japanese_records:,})" for r in reports]),
        line("persons (true)", [f"{r.predicted_persons:,} ({r.true_persons:,})" for r in reports]),
        line("largest cluster (true)", largest),
        line("comparisons", [f"{r.comparisons:,}" for r in reports]),
        line("resolution time", [f"{seconds:,.1f} s" for _, _, seconds in columns]),
    ]


def format_evaluation(evaluation: Evaluation, root: Path) -> str:
    """The evaluation as the CLI prints it: timings, then leadflow and Splink side by side."""
    generated = (
        f"generate {evaluation.generate_seconds:,.0f} s"
        if evaluation.generate_seconds is not None
        else "generation reused"
    )
    columns = [(evaluation.leadflow.method, evaluation.leadflow, evaluation.resolution_seconds)]
    if evaluation.splink is not None:
        columns.append((evaluation.splink.report.method, evaluation.splink.report, evaluation.splink.seconds))
    lines = [
        f"identity resolution on {evaluation.people:,} people (seed {evaluation.seed}) in {root}",
        f"  {generated}, load {evaluation.load_seconds:,.0f} s, "
        f"dbt build {evaluation.build_seconds:,.0f} s "
        f"(identity models {evaluation.resolution_seconds:,.0f} s)",
        "",
        *_report_lines(columns),
        "",
    ]
    failures = evaluation.leadflow.failures()
    lines.append("leadflow misses: " + "; ".join(failures) if failures else "leadflow meets every target")
    return "\n".join(lines)


def benchmark_rows(evaluation: Evaluation) -> list[BenchmarkRow]:
    rows = [BenchmarkRow(evaluation.leadflow, evaluation.resolution_seconds, evaluation.build_seconds)]
    if evaluation.splink is not None:
        rows.append(BenchmarkRow(evaluation.splink.report, evaluation.splink.seconds))
    return rows


def sample_label(evaluation: Evaluation) -> str:
    return f"{evaluation.people:,} people, seed {evaluation.seed}"
