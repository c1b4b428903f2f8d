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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

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
    at_peak: list[str] = field(default_factory=list)
    """What ran when memory peaked: the dbt nodes executing then, else the job's steps."""
    peak_processes: dict[str, int] = field(default_factory=dict)
    """Resident memory of each process at the peak, by process_label."""
    cpu_shares: dict[str, float] = field(default_factory=dict)
    """How the machine's cores spent the run (cpu_shares)."""


# /proc/stat's cpu line: its fields in order, and the share each counts in. Steal is time the
# hypervisor gave another guest; iowait, time with nothing to run but a disk request pending.
_CPU_FIELDS = ("user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal")
_CPU_SHARE_OF = {
    "user": "user",
    "nice": "user",
    "system": "system",
    "irq": "system",
    "softirq": "system",
    "iowait": "iowait",
    "idle": "idle",
    "steal": "steal",
}


def cpu_times() -> dict[str, int]:
    """The machine's cumulative CPU time by /proc/stat field, in clock ticks over all cores."""
    with open("/proc/stat", encoding="ascii") as handle:
        values = handle.readline().split()[1 : 1 + len(_CPU_FIELDS)]
    return dict(zip(_CPU_FIELDS, (int(value) for value in values), strict=True))


def cpu_shares(before: dict[str, int], after: dict[str, int]) -> dict[str, float]:
    """Percent of all cores' time between two cpu_times() in user, system, iowait, idle and
    steal: whether a run was slow for its own work, for the disk or for other guests."""
    spent = {name: after[name] - before[name] for name in _CPU_FIELDS}
    total = sum(spent.values()) or 1
    shares: dict[str, float] = defaultdict(float)
    for name, ticks in spent.items():
        shares[_CPU_SHARE_OF[name]] += 100 * ticks / total
    return {share: round(shares[share], 1) for share in dict.fromkeys(_CPU_SHARE_OF.values())}


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


def process_label(argv: list[str]) -> str:
    """A short name for a process from its command line: the program and its first arguments
    (`python -m dagster ...`, `dbt build`), enough to tell Dagster's processes from dbt's."""
    words = [Path(argv[0]).name, *argv[1:3]] if argv else ["?"]
    return " ".join(words)[:60]


def _tree_processes(root: int) -> dict[str, int]:
    """Resident memory of each process of the tree under `root`, summed by process_label."""
    tree, pending = _children(), [root]
    by_label: dict[str, int] = defaultdict(int)
    while pending:
        pid = pending.pop()
        pending += tree.get(pid, [])
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
                rss = int(handle.read().split()[1]) * _PAGE_BYTES
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                argv = [part.decode(errors="replace") for part in handle.read().split(b"\0") if part]
        except OSError:
            continue
        by_label[process_label(argv)] += rss
    return dict(by_label)


@dataclass
class Measured:
    seconds: float
    peak_rss_bytes: int
    """The largest summed resident memory of the process tree."""
    peak_at: float = 0.0
    """When it peaked, epoch seconds."""
    peak_processes: dict[str, int] = field(default_factory=dict)
    """Each process's share of the peak, by process_label."""
    cpu_shares: dict[str, float] = field(default_factory=dict)
    """How the machine's cores spent the run, all processes (cpu_shares)."""


def run_measured(command: list[str], env: dict[str, str], log: Path) -> Measured:
    """Runs `command` to completion; its wall seconds and the peak resident memory of its process
    tree, when it peaked and how the processes shared it, and how the machine's cores spent the
    time. Output goes to `log`; a failure raises with the log's tail."""
    measured = Measured(0.0, 0)
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as output:
        cpu_before = cpu_times()
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
        done = threading.Event()

        def sample() -> None:
            while not done.wait(_SAMPLE_SECONDS):
                processes = _tree_processes(process.pid)
                total = sum(processes.values())
                if total > measured.peak_rss_bytes:
                    measured.peak_rss_bytes, measured.peak_at = total, time.time()
                    measured.peak_processes = processes

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        returncode = process.wait()
        measured.seconds = time.perf_counter() - started
        measured.cpu_shares = cpu_shares(cpu_before, cpu_times())
        done.set()
        sampler.join()
    if returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-30:])
        raise RuntimeError(f"{' '.join(command)} failed ({returncode}); {log}:\n{tail}")
    return measured


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
        peak = run_measured(command, env, log).peak_rss_bytes
    finally:
        database.unlink(missing_ok=True)
    return float(log.read_text(encoding="utf-8").split()[-1]), peak


def measure_gauge(scratch: Path, env: dict[str, str], rows: int | None = None) -> dict[str, float]:
    """The compute gauge (benchmarking/gauge.py) in a fresh process, on an on-disk database like
    the warehouse: the seconds of each of its phases."""
    database, log = scratch / "gauge.duckdb", scratch / "gauge.log"
    database.unlink(missing_ok=True)
    command = [sys.executable, "-m", "orchestration.benchmarking.gauge", str(database)]
    try:
        run_measured(command + ([] if rows is None else [str(rows)]), env, log)
    finally:
        for leftover in (database, database.with_name(database.name + ".wal")):
            leftover.unlink(missing_ok=True)
    return json.loads(log.read_text(encoding="utf-8").splitlines()[-1])


def _run_id(log: Path) -> str:
    for line in log.read_text(encoding="utf-8").splitlines():
        if line.startswith("run ") and line.endswith(" succeeded"):
            return line.split()[1]
    raise RuntimeError(f"no run id in {log}")


@contextmanager
def _instance(dagster_home: Path) -> Iterator[DagsterInstance]:
    previous = os.environ.get("DAGSTER_HOME")
    os.environ["DAGSTER_HOME"] = str(dagster_home)
    try:
        with DagsterInstance.get() as instance:
            yield instance
    finally:
        if previous is None:
            os.environ.pop("DAGSTER_HOME", None)
        else:
            os.environ["DAGSTER_HOME"] = previous


def step_spans(dagster_home: Path, run_id: str) -> dict[str, tuple[float, float]]:
    """Start and end (epoch seconds) of each finished step of the run, by step key."""
    with _instance(dagster_home) as instance:
        return {
            stat.step_key: (stat.start_time, stat.end_time)
            for stat in instance.get_run_step_stats(run_id)
            if stat.start_time is not None and stat.end_time is not None
        }


def step_seconds(spans: dict[str, tuple[float, float]]) -> dict[str, float]:
    """Wall seconds of the job's parts: load (every raw object), dbt (build and its tests),
    publish, other (asset checks outside dbt)."""
    parts: dict[str, float] = defaultdict(float)
    for key, (start, end) in spans.items():
        part = (
            "dbt"
            if key.startswith(_DBT_STEP)
            else "publish"
            if key.startswith(_PUBLISH_STEP)
            else "load"
            if key.startswith("raw")
            else "other"
        )
        parts[part] += end - start
    return dict(parts)


def _epoch(timestamp: str) -> float:
    return datetime.fromisoformat(timestamp.replace("Z", "+00:00")).timestamp()


def nodes_executing_at(results: list[dict[str, Any]], moment: float) -> list[str]:
    """Names (the unique id's third part) of the dbt nodes whose execute phase spans `moment`."""
    return [
        result["unique_id"].split(".")[2]
        for result in results
        for phase in result.get("timing", [])
        if phase["name"] == "execute"
        and _epoch(phase["started_at"]) <= moment <= _epoch(phase["completed_at"])
    ]


def running_at(
    results: list[dict[str, Any]], spans: dict[str, tuple[float, float]], moment: float
) -> list[str]:
    """What ran at `moment`: the dbt nodes executing, else the job's steps running."""
    return nodes_executing_at(results, moment) or [
        key for key, (start, end) in spans.items() if start <= moment <= end
    ]


def layer_of(fqn: list[str], resource_type: str) -> str:
    """The layer a dbt node counts in: data tests, unit tests and run hooks (the closing checkpoint)
    apart; intermediate models by their folder (identity, profiles, touchpoints, scoring...),
    other models by their top folder (staging, marts), so new folders show up as new layers."""
    if resource_type != "model":
        return {"unit_test": "unit tests", "operation": "hooks"}.get(resource_type, "tests")
    folders = fqn[1:-1]
    if not folders:
        return "other"
    return folders[1] if folders[0] == "intermediate" and len(folders) > 1 else folders[0]


def newest_run_results(target: Path) -> Path:
    return max(target.rglob("run_results.json"), key=lambda path: path.stat().st_mtime)


def node_seconds(results_path: Path) -> dict[str, tuple[str, float]]:
    """Each dbt node's layer and run time, by name, from a run_results.json and its manifest."""
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


def measure_run(env: dict[str, str], log: Path, job: str = "daily_refresh") -> RunFigures:
    """`leadflow run --job <job>` on the bench folder's paths."""
    measured = run_measured([sys.executable, "-m", "orchestration.cli", "run", "--job", job], env, log)
    results_path = newest_run_results(Path(env["DBT_TARGET_PATH"]))
    nodes = node_seconds(results_path)
    spans = step_spans(Path(env["DAGSTER_HOME"]), _run_id(log))
    results = json.loads(results_path.read_text(encoding="utf-8"))["results"]
    return RunFigures(
        seconds=measured.seconds,
        peak_rss_bytes=measured.peak_rss_bytes,
        steps=step_seconds(spans),
        layers=layer_seconds(nodes),
        slowest=slowest_nodes(nodes),
        at_peak=running_at(results, spans, measured.peak_at),
        peak_processes=measured.peak_processes,
        cpu_shares=measured.cpu_shares,
    )
