"""Point-in-time evaluation of lead scoring on a built warehouse: at each cutoff, take every
person's score from the history `scoring.fct_lead_scores` (the interval holding the cutoff, so
only events before it count; no interval yet means 0) for everyone known and not yet an
opportunity, and measure how well it predicts an opportunity created in the next 90 days.
Opportunities come from Salesforce (contact roles and converted leads) and HubSpot deals
(associated contacts), linked to persons through identity resolution. The generator's latent
fit and intent are never read: only the warehouse is.

Reported per cutoff: AUC (the Mann-Whitney probability that a random future opportunity
outranks a random non-opportunity, ties counting half) and the lift of the top decile (the
opportunity rate among the top 10% by score over the overall rate).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import duckdb

HORIZON_DAYS = 90
MIN_AUC = 0.75
SECTION_TITLE = "## Scoring"

# Persons with an opportunity, the first time one was created. Converted Salesforce leads name
# their opportunity; contact roles name the contact; HubSpot deals list associated contacts.
OPPORTUNITIES_SQL = """
with links as (
    select bridge.person_id, opportunities.created_at
    from staging.stg_salesforce__opportunity_contact_role as roles
    inner join staging.stg_salesforce__opportunity as opportunities
        on roles.opportunity_id = opportunities.opportunity_id
    inner join core.bridge_person_records as bridge
        on bridge.source_system = 'salesforce' and bridge.source_object = 'contact'
        and bridge.source_record_id = roles.contact_id
    union all
    select bridge.person_id, opportunities.created_at
    from staging.stg_salesforce__lead as leads
    inner join staging.stg_salesforce__opportunity as opportunities
        on leads.converted_opportunity_id = opportunities.opportunity_id
    inner join core.bridge_person_records as bridge
        on bridge.source_system = 'salesforce' and bridge.source_object = 'lead'
        and bridge.source_record_id = leads.lead_id
    union all
    select bridge.person_id, deals.created_at
    from staging.stg_hubspot__deals as deals
    inner join core.bridge_person_records as bridge
        on bridge.source_system = 'hubspot' and bridge.source_object = 'contacts'
        and bridge.source_record_id = deals.first_associated_contact_id
)
select person_id, min(created_at) as opportunity_at
from links
where created_at is not null
group by person_id
"""

POPULATION_SQL = """
with opportunities as ({opportunities}),
known as (
    select bridge.person_id, min(keyed.created_at) as first_seen_at
    from core.bridge_person_records as bridge
    inner join intermediate.int_person_records_keyed as keyed on bridge.record_key = keyed.record_key
    group by bridge.person_id
),
scores as (
    select person_id, total_score
    from scoring.fct_lead_scores
    where valid_from <= $cutoff and (valid_to is null or valid_to > $cutoff)
)
select
    known.person_id,
    coalesce(scores.total_score, 0) as score,
    coalesce(opportunities.opportunity_at <= $cutoff + interval {horizon} day, false) as converted
from known
left join opportunities on known.person_id = opportunities.person_id
left join scores on known.person_id = scores.person_id
where known.first_seen_at <= $cutoff
  and (opportunities.opportunity_at is null or opportunities.opportunity_at > $cutoff)
"""


@dataclass(frozen=True)
class CutoffResult:
    cutoff: datetime
    people: int
    converted: int
    auc: float
    top_decile_lift: float


def auc(scores: list[float], labels: list[bool]) -> float:
    """Mann-Whitney AUC with average ranks for ties."""
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    positives = sum(labels)
    negatives = len(labels) - positives
    if positives == 0 or negatives == 0:
        return float("nan")
    rank_sum = sum(rank for rank, label in zip(ranks, labels, strict=True) if label)
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def top_decile_lift(scores: list[float], labels: list[bool]) -> float:
    """Conversion rate of the top 10% by score over the overall rate (ties broken by order)."""
    ranked = sorted(zip(scores, labels, strict=True), key=lambda pair: -pair[0])
    top = ranked[: max(1, len(ranked) // 10)]
    overall = sum(labels) / len(labels)
    return (sum(label for _, label in top) / len(top)) / overall if overall else float("nan")


def data_end(warehouse: Path) -> datetime:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute("select max(occurred_at) from engagement.fct_touchpoints").fetchone()[0]


def scored_population(con: duckdb.DuckDBPyConnection, cutoff: datetime) -> tuple[list[float], list[bool]]:
    """Scores at `cutoff` and whether an opportunity followed within the horizon."""
    sql = POPULATION_SQL.format(opportunities=OPPORTUNITIES_SQL, horizon=HORIZON_DAYS)
    rows = con.execute(sql, {"cutoff": cutoff}).fetchall()
    return [float(score) for _, score, _ in rows], [bool(converted) for _, _, converted in rows]


def evaluate_cutoff(con: duckdb.DuckDBPyConnection, cutoff: datetime) -> CutoffResult:
    scores, labels = scored_population(con, cutoff)
    return CutoffResult(
        cutoff, len(scores), sum(labels), auc(scores, labels), top_decile_lift(scores, labels)
    )


def pooled_auc(warehouse: Path, cutoffs: list[datetime]) -> float:
    """AUC over every (person, cutoff) pair at once: a sample of a few thousand people has only a
    handful of new opportunities per 90 days, so one cutoff's AUC is noisy; pooled, it is not."""
    scores: list[float] = []
    labels: list[bool] = []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for cutoff in cutoffs:
            cutoff_scores, cutoff_labels = scored_population(con, cutoff)
            scores += cutoff_scores
            labels += cutoff_labels
    return auc(scores, labels)


def default_cutoffs(warehouse: Path, count: int = 6, spacing_days: int = 45) -> list[datetime]:
    """`count` cutoffs `spacing_days` apart, the last one a full horizon before the data ends."""
    end = data_end(warehouse).replace(hour=0, minute=0, second=0, microsecond=0)
    last = end - timedelta(days=HORIZON_DAYS)
    return [last - timedelta(days=spacing_days * i) for i in reversed(range(count))]


def evaluate_scoring(warehouse: Path, cutoffs: list[datetime] | None = None) -> list[CutoffResult]:
    cutoffs = cutoffs or default_cutoffs(warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return [evaluate_cutoff(con, cutoff) for cutoff in cutoffs]


def benchmark_section(
    results: list[CutoffResult],
    people: int,
    seed: int,
    build_seconds: float | None,
    pooled: float | None = None,
) -> str:
    lines = [
        SECTION_TITLE,
        "",
        f"Point-in-time lead scoring on a generated sample of {people:,} people (seed {seed}): at each",
        "cutoff, the published score from the history `scoring.fct_lead_scores` (events before the",
        "cutoff only) of everyone known and not yet an opportunity, against an opportunity (Salesforce",
        f"or HubSpot, linked through identity resolution) created in the next {HORIZON_DAYS} days.",
        "Measured by `orchestration.scoring_evaluation` (`evaluate_scoring`, `pooled_auc`);",
        f"`tests/test_scoring_evaluation.py` fails below AUC {MIN_AUC} (pooled, and the mean over cutoffs).",
        "How scoring works: docs/scoring.md.",
        "",
        "| cutoff | people | opportunities in 90 days | AUC | top-decile lift |",
        "|---|---:|---:|---:|---:|",
    ]
    for result in results:
        lines.append(
            f"| {result.cutoff:%Y-%m-%d} | {result.people:,} | {result.converted} | "
            f"{result.auc:.3f} | {result.top_decile_lift:.1f}x |"
        )
    if pooled is not None:
        total = sum(result.converted for result in results)
        lines += ["", f"All cutoffs pooled ({total} opportunities): AUC {pooled:.3f}."]
    if build_seconds is not None:
        lines += [
            "",
            "Load and `dbt build --select +tag:scoring` (staging, identity, profiles, touchpoints,",
            "scoring and their tests) in two daily batches, the second incremental:",
            f"{build_seconds:.0f} s on 2 shared cores.",
        ]
    return "\n".join(lines) + "\n"


def write_benchmark_section(path: Path, section: str) -> None:
    """Replaces the '## Scoring' section of `path` (up to the next '## ' heading), or appends it;
    every other section is left as it is."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(SECTION_TITLE)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text, count=1).rstrip("\n") + "\n"
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")
