"""The "Pipeline" section of docs/benchmarks.md and its JSON, from `leadflow bench` results.

The JSON keeps one result per size (a new bench of a size replaces the old one); the section is
rendered from all of them, so the table always shows every size benched.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from orchestration.evaluation.benchmarks import split_section, write_section

HEADING = "## Pipeline"
# Known layers in pipeline order; a folder not listed (a new one) follows them, tests come last.
_LAYER_ORDER = ("staging", "identity", "profiles", "touchpoints", "scoring", "lifecycle", "marts")
_TESTS = ("tests", "unit tests")
_INTRO = """\
`leadflow bench --people N` (`orchestration/benchmarking/`) generates N people into its own
folder (data/bench/N), then times, each in a fresh process:

- floor: DuckDB reading every landing file once into tables (`read_csv`/`read_json`, no
  typing, no lineage): the least any load of these extracts costs;
- gauge: a fixed DuckDB workload of the pipeline's kind, the same at every size
  (`orchestration/benchmarking/gauge.py`: 20M rows with 32-character ids written, joined and
  grouped, a running-sum window, 3% of the persons deleted and inserted again, a checkpoint),
  before the runs and after them. The floor reads text and the pipeline mostly joins, groups
  and writes; the two drift apart between machines, so compare benches of different machines
  by both, and distrust a bench whose two gauges differ;
- full: `leadflow run` (the daily_refresh job) on an empty warehouse: raw load, `dbt build`
  (models and their data tests; unit tests run in CI, not in the daily job), publish; then
  `leadflow run --job scoring_review`, the weekly job building the reports the daily job leaves
  out (dbt tag `scoring_review`). The full total is both, and the review's own time follows it.
  Layer figures are those of the daily job: dbt's run time of the models in each folder
  (intermediate models by their own folder), of the data tests and of the run's hooks (the
  closing DuckDB checkpoint), summed over nodes, so with more than one dbt thread
  (`LEADFLOW_DBT_THREADS`; the runs below up to the tenth used two) they add up to more than the
  dbt step's wall time;
- incremental: `leadflow run` again after one more day of extracts
  (`leadflow generate --delta-day`: about 1/365 of the activities, new leads, changed leads).

Peak RSS is the largest summed resident memory of the run's process tree (Dagster, dbt and
DuckDB). Each time is followed by its ratio to the floor. Source records are the person-bearing
records resolved (`core.bridge_person_records`), activities the rows of the activity logs
(Marketo activities, HubSpot email events), touchpoints the behavioural events of every source
(`engagement.fct_touchpoints`). Results: `docs/benchmarks/pipeline.json`."""


def _layers(results: list[dict[str, Any]]) -> list[str]:
    seen = {layer for result in results for layer in result["full"]["layers"]}
    known = [layer for layer in _LAYER_ORDER if layer in seen]
    others = sorted(seen - set(_LAYER_ORDER) - set(_TESTS))
    return known + others + [tests for tests in _TESTS if tests in seen]


def _time(seconds: float | None, floor: float) -> str:
    if seconds is None:
        return "-"
    return f"{seconds:,.0f} s ({seconds / floor:.1f}x)" if floor else f"{seconds:,.0f} s"


def _gauge(result: dict[str, Any]) -> str:
    """The machine's compute gauge before the runs, and after them when measured; benches before
    the gauge existed have none."""
    gauge = result.get("gauge")
    if gauge is None:
        return "-"
    timed = [gauge[phases] for phases in ("phases", "after_phases") if phases in gauge]
    return " / ".join(f"{sum(phases.values()):,.1f}" for phases in timed) + " s"


def _review_seconds(result: dict[str, Any]) -> float | None:
    """The weekly scoring review's first run; results before the job existed have none (their
    daily job built those reports)."""
    review = result.get("review")
    return None if review is None else review["seconds"]


def _full_seconds(result: dict[str, Any]) -> float:
    """The whole build: the daily job's first run and the scoring review after it."""
    return result["full"]["seconds"] + (_review_seconds(result) or 0.0)


def _row(result: dict[str, Any], layers: list[str]) -> list[str]:
    floor = result["floor"]["seconds"]
    full, incremental = result["full"], result["incremental"]
    full_seconds = _full_seconds(result)
    peak_gb = max(full["peak_rss_gb"], result.get("review", {}).get("peak_rss_gb", 0.0))
    return [
        f"{result['people']:,}",
        f"{result['source_records']:,}",
        f"{result['activities']:,}",
        f"{result['touchpoints']:,}",
        f"{floor:,.1f} s",
        _gauge(result),
        _time(full["steps"].get("load"), floor),
        *(_time(full["layers"].get(layer), floor) for layer in layers),
        _time(full["steps"].get("publish"), floor),
        _time(full_seconds, floor),
        _time(_review_seconds(result), floor),
        f"{peak_gb:.1f} GB",
        _time(incremental["seconds"], floor),
        f"{100 * incremental['seconds'] / full_seconds:.0f}%",
    ]


def _growth(results: list[dict[str, Any]]) -> list[str]:
    lines = []
    for small, large in itertools.pairwise(results):
        people = large["people"] / small["people"]
        total = _full_seconds(large) / _full_seconds(small)
        floor = large["floor"]["seconds"] / small["floor"]["seconds"]
        lines.append(
            f"- {small['people']:,} to {large['people']:,} people (x{people:.0f}): full run "
            f"x{total:.1f}, floor x{floor:.1f}, incremental "
            f"x{large['incremental']['seconds'] / small['incremental']['seconds']:.1f}"
        )
    return lines


def _per_run(
    results: list[dict[str, Any]], key: str, named: Callable[[Any], str], with_peak: bool
) -> list[str]:
    """One line per size and run that recorded `key`, its value rendered by `named`."""
    lines = []
    for result in results:
        for run in ("full", "incremental"):
            value = result[run].get(key)
            if value:
                peak = f" ({result[run]['peak_rss_gb']:.1f} GB)" if with_peak else ""
                lines.append(f"- {result['people']:,} people, {run}{peak}: {named(value)}")
    return lines


def _per_run_items(
    results: list[dict[str, Any]], key: str, item: Callable[[str, Any], str], with_peak: bool
) -> list[str]:
    """_per_run of a mapping recorded under `key`, each of its items rendered by `item`."""
    return _per_run(
        results,
        key,
        lambda mapping: ", ".join(item(name, value) for name, value in mapping.items()),
        with_peak,
    )


def _slowest(results: list[dict[str, Any]]) -> list[str]:
    return _per_run_items(
        results, "slowest", lambda name, seconds: f"`{name}` {seconds:,.0f} s", with_peak=False
    )


def _peaks(results: list[dict[str, Any]]) -> list[str]:
    return _per_run(
        results, "at_peak", lambda names: ", ".join(f"`{name}`" for name in names), with_peak=True
    )


def _peak_processes(results: list[dict[str, Any]]) -> list[str]:
    return _per_run_items(
        results, "peak_processes_gb", lambda label, gb: f"`{label}` {gb:.1f} GB", with_peak=True
    )


def _cpu(results: list[dict[str, Any]]) -> list[str]:
    return _per_run_items(
        results, "cpu_shares", lambda name, percent: f"{name} {percent:.0f}%", with_peak=False
    )


def _days(results: list[dict[str, Any]]) -> list[str]:
    lines = []
    for result in results:
        incremental = result["incremental"]
        if "delta_rows" in incremental:
            rescored = incremental.get("rescored_persons")
            scored = "" if rescored is None else f"; the run scored {rescored:,} persons again"
            added = f"the day added {incremental['delta_rows']:,} rows"
            lines.append(f"- {result['people']:,} people: {added}{scored}")
    return lines


def render(results: list[dict[str, Any]]) -> list[str]:
    layers = _layers(results)
    columns = [
        "people",
        "source records",
        "activities",
        "touchpoint rows",
        "floor",
        "gauge",
        "load",
        *layers,
        "publish",
        "full total",
        "of it scoring review",
        "peak RSS",
        "incremental",
        "incremental / full",
    ]
    lines = [HEADING, "", *_INTRO.splitlines(), ""]
    lines.append("| " + " | ".join(columns) + " |")
    lines.append("|" + "---:|" * len(columns))
    lines += ["| " + " | ".join(_row(result, layers)) + " |" for result in results]
    growth = _growth(results)
    if growth:
        lines += ["", "Growth with size:", "", *growth]
    slowest = _slowest(results)
    if slowest:
        lines += [
            "",
            "The dbt nodes that ran longest (run time; with dbt threads above one, other nodes ran beside):",
            "",
            *slowest,
        ]
    days = _days(results)
    if days:
        lines += ["", "The incremental run's day:", "", *days]
    peaks = _peaks(results)
    if peaks:
        lines += ["", "What ran when memory peaked (dbt nodes executing, else the job's steps):", "", *peaks]
    processes = _peak_processes(results)
    if processes:
        lines += ["", "Which processes held the peak (resident memory by command):", "", *processes]
    cpu = _cpu(results)
    if cpu:
        lines += ["", "How the machine's cores spent each run (all processes, /proc/stat):", "", *cpu]
    lines += ["", "Produced by:", ""]
    lines += [
        f"- **{r['people']:,} people**: `leadflow bench --people {r['people']} --seed {r['seed']}` "
        f"on {r['machine']}, {r['date']}"
        for r in results
    ]
    return [*lines, ""]


def write_results(result: dict[str, Any], results_json: Path, benchmarks_md: Path) -> None:
    """Adds `result` to the JSON (replacing an earlier one of its size) and rewrites the section."""
    stored = json.loads(results_json.read_text(encoding="utf-8")) if results_json.exists() else []
    results = sorted(
        [r for r in stored if r["people"] != result["people"]] + [result], key=lambda r: r["people"]
    )
    results_json.parent.mkdir(parents=True, exist_ok=True)
    results_json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    before, _, after = split_section(benchmarks_md, HEADING)
    write_section(benchmarks_md, before, render(results), after)
