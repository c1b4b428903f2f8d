"""What `leadflow bench` measures: the floor, a pipeline run's wall time, peak memory and the
time of each of its parts.

Runs happen in child processes (`leadflow run` with the bench folder's paths), so the figures are
those of the command a user runs; memory is the peak of the summed resident memory of the whole
process tree (Dagster, the dbt subprocess and its DuckDB), sampled from /proc.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from dagster import DagsterInstance

from orchestration.loading.contract import OBJECTS
from orchestration.loading.loader import discover_files

_SAMPLE_SECONDS = 0.2
_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
# Steps of the daily_refresh job that are not raw loads, and the part of the figures they are.
_DBT_STEP = "leadflow_dbt_assets"
_PUBLISH_STEP = "published_marts"


@dataclass
class RunFigures:
    seconds: float
    peak_rss_bytes: int
    steps: dict[str, float] = field(default_factory=dict)
    """load, dbt, publish, other: wall seconds of the job's steps."""
    layers: dict[str, float] = field(default_factory=dict)
    """dbt node run time summed per layer (models by folder, and tests), over dbt's threads."""
    slowest: dict[str, float] = field(default_factory=dict)
    """The dbt nodes that ran longest, by name: where a size's time goes, and what to profile."""


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = defaultdict(list)
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii") as handle:
                stat = handle.read()
        except OSError:
            continue
        # the command name (field 2) may hold spaces; fields after its closing parenthesis don't
        tree[int(stat[stat.rindex(")") + 2 :].split()[1])].append(int(entry.name))
    return tree


def _tree_rss(root: int) -> int:
    tree, total, pending = _children(), 0, [root]
    while pending:
        pid = pending.pop()
        pending += tree.get(pid, [])
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
                total += int(handle.read().split()[1]) * _PAGE_BYTES
        except OSError:
            continue
    return total


def run_measured(command: list[str], env: dict[str, str], log: Path) -> tuple[float, int]:
    """Runs `command` to completion; its wall seconds and the peak resident memory of its process
    tree. Output goes to `log`; a failure raises with the log's tail."""
    peak = 0
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.wait(_SAMPLE_SECONDS):
                peak = max(peak, _tree_rss(process.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        returncode = process.wait()
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
    if returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-30:])
        raise RuntimeError(f"{' '.join(command)} failed ({returncode}); {log}:\n{tail}")
    return seconds, peak


def measure_floor(landing: Path, scratch: Path, env: dict[str, str]) -> tuple[float, int]:
    """The floor (benchmarking/floor.py) in a fresh process, on an on-disk database like the
    warehouse: its own timing (interpreter start left out) and peak memory."""
    database, plan = scratch / "floor.duckdb", scratch / "floor_plan.json"
    files = {obj.table: [str(path) for path in discover_files(landing, obj)] for obj in OBJECTS}
    plan.write_text(json.dumps({table: paths for table, paths in files.items() if paths}), encoding="utf-8")
    database.unlink(missing_ok=True)
    log = scratch / "floor.log"
    command = [sys.executable, "-m", "orchestration.benchmarking.floor", str(database), str(plan)]
    try:
        _, peak = run_measured(command, env, log)
    finally:
        database.unlink(missing_ok=True)
    return float(log.read_text(encoding="utf-8").split()[-1]), peak


def _run_id(log: Path) -> str:
    for line in log.read_text(encoding="utf-8").splitlines():
        if line.startswith("run ") and line.endswith(" succeeded"):
            return line.split()[1]
    raise RuntimeError(f"no run id in {log}")


def step_seconds(dagster_home: Path, run_id: str) -> dict[str, float]:
    """Wall seconds of the job's parts from the run's step stats: load (every raw object), dbt
    (build and its tests), publish, other (asset checks outside dbt)."""
    parts: dict[str, float] = defaultdict(float)
    previous = os.environ.get("DAGSTER_HOME")
    os.environ["DAGSTER_HOME"] = str(dagster_home)
    try:
        with DagsterInstance.get() as instance:
            for stat in instance.get_run_step_stats(run_id):
                if stat.start_time is None or stat.end_time is None:
                    continue
                key = stat.step_key
                part = (
                    "dbt"
                    if key.startswith(_DBT_STEP)
                    else "publish"
                    if key.startswith(_PUBLISH_STEP)
                    else "load"
                    if key.startswith("raw")
                    else "other"
                )
                parts[part] += stat.end_time - stat.start_time
    finally:
        if previous is None:
            os.environ.pop("DAGSTER_HOME", None)
        else:
            os.environ["DAGSTER_HOME"] = previous
    return dict(parts)


def layer_of(fqn: list[str], resource_type: str) -> str:
    """The layer a dbt node counts in: data tests and unit tests apart; intermediate models by their folder
    (identity, profiles, touchpoints, scoring...), other models by their top folder (staging,
    marts), so new folders show up as new layers."""
    if resource_type != "model":
        return "unit tests" if resource_type == "unit_test" else "tests"
    folders = fqn[1:-1]
    if not folders:
        return "other"
    return folders[1] if folders[0] == "intermediate" and len(folders) > 1 else folders[0]


def node_seconds(target: Path) -> dict[str, tuple[str, float]]:
    """Each dbt node's layer and run time, by name, from the newest run_results.json under `target`."""
    results_path = max(target.rglob("run_results.json"), key=lambda path: path.stat().st_mtime)
    results = json.loads(results_path.read_text(encoding="utf-8"))["results"]
    manifest = json.loads(results_path.with_name("manifest.json").read_text(encoding="utf-8"))
    nodes = {**manifest["nodes"], **manifest.get("unit_tests", {})}
    return {
        node["name"]: (layer_of(node["fqn"], node["resource_type"]), float(result["execution_time"]))
        for result in results
        if (node := nodes.get(result["unique_id"])) is not None
    }


def layer_seconds(nodes: dict[str, tuple[str, float]]) -> dict[str, float]:
    """dbt node run time summed per layer."""
    layers: dict[str, float] = defaultdict(float)
    for layer, seconds in nodes.values():
        layers[layer] += seconds
    return dict(layers)


def slowest_nodes(nodes: dict[str, tuple[str, float]], count: int = 5) -> dict[str, float]:
    """The `count` nodes with the longest run time, longest first."""
    ranked = sorted(nodes.items(), key=lambda item: -item[1][1])[:count]
    return {name: seconds for name, (_, seconds) in ranked}


def measure_run(env: dict[str, str], log: Path) -> RunFigures:
    """`leadflow run` (the daily_refresh job) on the bench folder's paths."""
    seconds, peak = run_measured([sys.executable, "-m", "orchestration.cli", "run"], env, log)
    nodes = node_seconds(Path(env["DBT_TARGET_PATH"]))
    return RunFigures(
        seconds=seconds,
        peak_rss_bytes=peak,
        steps=step_seconds(Path(env["DAGSTER_HOME"]), _run_id(log)),
        layers=layer_seconds(nodes),
        slowest=slowest_nodes(nodes),
    )
