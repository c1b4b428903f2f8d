"""The "Identity resolution" section of docs/benchmarks.md, written from evaluation results.

The section holds one table row per sample and method (leadflow, Splink) and one line per sample
saying which command produced it on which machine, so evaluating the 2,000-person sample and a
100k generation keeps both; the rest of the file is left untouched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from orchestration.evaluation.identity import (
    MAX_CLUSTER_RATIO,
    TARGET_PRECISION,
    TARGET_RECALL,
    IdentityReport,
)

HEADING = "## Identity resolution"
_COLUMNS = (
    "sample",
    "method",
    "records",
    "persons (true)",
    "precision",
    "recall",
    "F1",
    "JP records",
    "JP precision",
    "JP recall",
    "JP F1",
    "largest cluster (true)",
    "comparisons",
    "resolution",
    "build",
)
_RUN_PREFIX = "- **"
_INTRO = f"""\
Person resolution scored against the generator's ground truth by `leadflow evaluate`
(`orchestration/evaluation/`): pairwise precision, recall and F1 over pairs of source records
(same predicted person vs same true person), overall and on the records of Japanese people.
Targets: precision >= {TARGET_PRECISION}, recall >= {TARGET_RECALL} (both overall and Japanese),
no cluster larger than {MAX_CLUSTER_RATIO} x the largest true person.

leadflow is the dbt resolution (`core.bridge_person_records`); Splink is the yardstick, run by
`--splink` on the same records (`intermediate.int_person_records_unioned`: staging's normalized
identifiers and the CRM ids, none of leadflow's match keys), trained unsupervised and clustered
at match probability 0.95. Comparisons are the candidate pairs a method examined (leadflow:
deterministic edges plus compared group pairs; Splink: blocked pairs scored). Resolution is the
time from normalized records to clusters (leadflow: the summed run time of the models in
intermediate/identity, accounts and stable ids included; Splink: wall time of training,
prediction and clustering); build is leadflow's whole `dbt build --select
+bridge_person_records` (staging, resolution, the bridge and their data tests).
Times are wall-clock seconds on the machine each run names, whose load average says how busy it
was with other work. How the resolution works: docs/identity.md."""


@dataclass(frozen=True)
class BenchmarkRow:
    report: IdentityReport
    resolution_seconds: float | None = None
    build_seconds: float | None = None


def _seconds(value: float | None) -> str:
    return f"{value:,.0f} s" if value is not None else "-"


def _cells(sample: str, row: BenchmarkRow) -> list[str]:
    report = row.report
    return [
        sample,
        report.method,
        f"{report.records:,}",
        f"{report.predicted_persons:,} ({report.true_persons:,})",
        f"{report.precision:.4f}",
        f"{report.recall:.4f}",
        f"{report.f1:.4f}",
        f"{report.japanese_records:,}",
        f"{report.japanese_precision:.4f}",
        f"{report.japanese_recall:.4f}",
        f"{report.japanese_f1:.4f}",
        f"{report.largest_predicted_cluster} ({report.largest_true_cluster})",
        f"{report.comparisons:,}",
        _seconds(row.resolution_seconds),
        _seconds(row.build_seconds),
    ]


def _parse(section: list[str]) -> tuple[dict[tuple[str, str], list[str]], dict[str, str]]:
    """Existing table rows by (sample, method) and run lines by sample, in file order."""
    rows: dict[tuple[str, str], list[str]] = {}
    runs: dict[str, str] = {}
    for line in section:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == len(_COLUMNS) and cells[0] not in ("sample", "---"):
            rows[(cells[0], cells[1])] = cells
        elif line.startswith(_RUN_PREFIX) and "**: " in line:
            sample, note = line[len(_RUN_PREFIX) :].split("**: ", 1)
            runs[sample] = note
    return rows, runs


def _render(rows: dict[tuple[str, str], list[str]], runs: dict[str, str]) -> list[str]:
    lines = [HEADING, "", *_INTRO.splitlines(), ""]
    lines.append("| " + " | ".join(_COLUMNS) + " |")
    lines.append("|" + "---|" * len(_COLUMNS))
    lines += ["| " + " | ".join(cells) + " |" for cells in rows.values()]
    if runs:
        lines += ["", "Produced by:", ""]
        lines += [f"{_RUN_PREFIX}{sample}**: {note}" for sample, note in runs.items()]
    return [*lines, ""]


def split_section(path: Path, heading: str) -> tuple[list[str], list[str], list[str]]:
    """The lines of `path` before the `heading` section, the section (empty when missing) and
    the lines after it; a missing file starts as "# Benchmarks"."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else ["# Benchmarks", ""]
    start = next((i for i, line in enumerate(lines) if line.strip() == heading), None)
    if start is None:
        return ([*lines, ""] if lines and lines[-1].strip() else lines), [], []
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return lines[:start], lines[start:end], lines[end:]


def write_section(path: Path, before: list[str], section: list[str], after: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join([*before, *section, *after]).rstrip("\n") + "\n", encoding="utf-8")


def write_benchmark_section(
    path: Path,
    sample: str,
    rows: Sequence[BenchmarkRow],
    *,
    run: str | None = None,
) -> None:
    """Writes or replaces the "Identity resolution" section of `path` (created if missing),
    setting the rows of `sample` (one per method) and its `run` line (command and machine),
    keeping the other samples."""
    before, section, after = split_section(path, HEADING)
    table, runs = _parse(section)
    for row in rows:
        table[(sample, row.report.method)] = _cells(sample, row)
    if run is not None:
        runs[sample] = run
    write_section(path, before, _render(table, runs), after)
