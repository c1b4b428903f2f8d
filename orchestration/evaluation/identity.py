"""Identity resolution measured against the generator's ground truth.

Pairwise, at cluster level: every pair of source records in one predicted person is a predicted
pair, every pair in one true person a true pair; precision = correct / predicted, recall =
correct / true. Japanese figures repeat this on the records of Japanese people only. A truth
record the resolution does not hold counts as a person of its own (it can only lower recall).

`score_clusters` scores any resolution given as a table of source records and predicted
clusters, so leadflow's `core.bridge_person_records` and the Splink baseline are measured by
the same arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

TARGET_PRECISION = 0.98
TARGET_RECALL = 0.97
# A cluster more than this many times larger than the largest true person is chaining.
MAX_CLUSTER_RATIO = 2
LEADFLOW = "leadflow"

# What a resolution hands to `score_clusters`: one row per source record, its lineage (how the
# truth names it) and the predicted cluster.
CLUSTER_COLUMNS = ("source_system", "source_object", "source_record_id", "_file", "_row", "cluster_id")


@dataclass(frozen=True)
class IdentityReport:
    precision: float
    recall: float
    f1: float
    japanese_precision: float
    japanese_recall: float
    japanese_f1: float
    largest_predicted_cluster: int
    largest_true_cluster: int
    comparisons: int
    """Candidate pairs the method looked at: for leadflow deterministic edges plus compared group
    pairs, for Splink the blocked pairs it scored."""
    records: int
    japanese_records: int
    unmatched_records: int
    predicted_persons: int
    true_persons: int
    method: str = LEADFLOW

    def failures(self) -> list[str]:
        """The quality bars this resolution misses (docs/identity.md), empty when it meets all."""
        checks = (
            ("precision", self.precision, TARGET_PRECISION),
            ("recall", self.recall, TARGET_RECALL),
            ("Japanese precision", self.japanese_precision, TARGET_PRECISION),
            ("Japanese recall", self.japanese_recall, TARGET_RECALL),
        )
        failed = [f"{name} {value:.4f} < {target}" for name, value, target in checks if value < target]
        if self.largest_predicted_cluster > MAX_CLUSTER_RATIO * self.largest_true_cluster:
            failed.append(
                f"largest cluster {self.largest_predicted_cluster} > "
                f"{MAX_CLUSTER_RATIO} x largest true person {self.largest_true_cluster}"
            )
        return failed


# Truth rows are versions of records: one record per (system, object, record id), or per landing
# row for exports without ids (badge scans, webinars, form submissions).
_EVALUATED = """
create or replace temp table evaluated as
with truth as (
    select distinct
        case
            when coalesce(record_id, '') <> '' then concat_ws('|', 'id', system, object, record_id)
            else concat_ws('|', 'row', system, object, file, cast(cast(row as bigint) as varchar))
        end as match_key,
        true_person_id,
        is_japanese = 'true' as is_japanese
    from read_csv(?, all_varchar = true)
),
predicted as (
    select concat_ws('|', 'id', source_system, source_object, source_record_id) as match_key, cluster_id
    from {clusters}
    union all
    select concat_ws('|', 'row', source_system, source_object, _file, cast(_row as varchar)), cluster_id
    from {clusters}
)
select
    truth.true_person_id,
    truth.is_japanese,
    predicted.cluster_id is null as is_unmatched,
    coalesce(cast(predicted.cluster_id as varchar), 'unmatched|' || truth.match_key) as person_id
from truth
left join predicted
    on truth.match_key = predicted.match_key
"""

_PAIRS = """
with records as (select * from evaluated where {subset}),
predicted as (select count(*) as n from records group by person_id),
actual as (select count(*) as n from records group by true_person_id),
correct as (select count(*) as n from records group by person_id, true_person_id)
select
    (select coalesce(sum(n * (n - 1) / 2), 0) from predicted),
    (select coalesce(sum(n * (n - 1) / 2), 0) from actual),
    (select coalesce(sum(n * (n - 1) / 2), 0) from correct)
"""

_COUNTS = """
select
    (select count(*) from evaluated),
    (select count(*) from evaluated where is_japanese),
    (select count(*) from evaluated where is_unmatched),
    (select count(distinct cluster_id) from {clusters}),
    (select count(distinct true_person_id) from evaluated),
    (select max(n) from (select count(*) as n from {clusters} group by cluster_id)),
    (select max(n) from (select count(*) as n from evaluated group by true_person_id))
"""

_LEADFLOW_CLUSTERS = """
create or replace temp view leadflow_clusters as
select source_system, source_object, source_record_id, _file, _row, person_id as cluster_id
from core.bridge_person_records
"""

_LEADFLOW_COMPARISONS = """
select
    (select count(*) from intermediate.int_person_edges_matched)
    + (select count(*) from (
        select distinct node_a, node_b from intermediate.int_person_group_edges_matched
    ))
"""


def _scores(con: duckdb.DuckDBPyConnection, subset: str) -> tuple[float, float, float]:
    row = con.execute(_PAIRS.format(subset=subset)).fetchone()
    assert row is not None
    predicted, actual, correct = (int(value) for value in row)
    precision = correct / predicted if predicted else 1.0
    recall = correct / actual if actual else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def truth_records(truth_dir: Path) -> Path:
    """The generator's per-record truth, with a clear error when there is none."""
    records_csv = truth_dir / "records.csv"
    if not records_csv.is_file():
        raise FileNotFoundError(f"no ground truth at {records_csv}: run `leadflow generate` first")
    return records_csv


def score_clusters(
    con: duckdb.DuckDBPyConnection,
    clusters: str,
    truth_dir: Path,
    *,
    comparisons: int,
    method: str,
) -> IdentityReport:
    """Scores the resolution in relation `clusters` (columns CLUSTER_COLUMNS) against
    `truth_dir/records.csv` as written by `leadflow generate`."""
    con.execute(_EVALUATED.format(clusters=clusters), [str(truth_records(truth_dir))])
    precision, recall, f1 = _scores(con, "true")
    jp_precision, jp_recall, jp_f1 = _scores(con, "is_japanese")
    counts = con.execute(_COUNTS.format(clusters=clusters)).fetchone()
    assert counts is not None
    records, jp_records, unmatched, persons, true_persons, largest, largest_true = (
        int(value or 0) for value in counts
    )
    return IdentityReport(
        precision=precision,
        recall=recall,
        f1=f1,
        japanese_precision=jp_precision,
        japanese_recall=jp_recall,
        japanese_f1=jp_f1,
        largest_predicted_cluster=largest,
        largest_true_cluster=largest_true,
        comparisons=comparisons,
        records=records,
        japanese_records=jp_records,
        unmatched_records=unmatched,
        predicted_persons=persons,
        true_persons=true_persons,
        method=method,
    )


def evaluate_identity(warehouse: Path, truth_dir: Path) -> IdentityReport:
    """Scores leadflow's person resolution in `warehouse` (a built DuckDB file)."""
    truth_records(truth_dir)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        con.execute(_LEADFLOW_CLUSTERS)
        row = con.execute(_LEADFLOW_COMPARISONS).fetchone()
        assert row is not None
        return score_clusters(con, "leadflow_clusters", truth_dir, comparisons=int(row[0]), method=LEADFLOW)
