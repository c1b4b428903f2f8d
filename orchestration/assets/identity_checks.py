"""Identity alarms after each build, on the person bridge: a cluster far larger than a human's
records (chaining) and a jump in the share of records merged into another person (a rule or a
source gone wrong). dbt tests check the resolution's invariants; these watch its behaviour over
runs, which SQL tests of one build cannot."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import yaml

from orchestration import monitoring
from orchestration.resources import Warehouse
from orchestration.settings import REPO_ROOT

PERSON_BRIDGE = dg.AssetKey(["core", "bridge_person_records"])
PERSON_ID_CHANGES = dg.AssetKey(["core", "fct_person_id_changes"])


def cluster_alarm_records(project_file: Path = REPO_ROOT / "dbt_project.yml") -> int:
    """The alarm size the dbt warn test uses too, from the one place it is set."""
    project = yaml.safe_load(project_file.read_text(encoding="utf-8"))
    return int(project["vars"]["identity_cluster_alarm_records"])


_LARGEST_CLUSTER = """
select person_id, count(*) as records
from core.bridge_person_records
group by person_id
order by records desc, person_id
limit 1
"""

# Records merged into another person per run, over every run in the id log (runs without a
# merge count as zero).
_MERGED_PER_RUN = """
with runs as (
    select distinct assigned_at as run_at from intermediate.int_person_ids_logged
),
merged as (
    select changed_at as run_at, sum(records_moved) as records_merged
    from core.fct_person_id_changes
    where change_type = 'merge'
    group by changed_at
)
select runs.run_at, coalesce(merged.records_merged, 0)
from runs
left join merged on runs.run_at = merged.run_at
order by runs.run_at
"""


@dg.asset_check(
    asset=PERSON_BRIDGE,
    name="largest_person_cluster",
    description="No person holds more source records than var identity_cluster_alarm_records.",
)
def largest_person_cluster(warehouse: Warehouse) -> dg.AssetCheckResult:
    with warehouse.connect() as con:
        row = con.execute(_LARGEST_CLUSTER).fetchone()
    person_id, records = row if row else (None, 0)
    limit = cluster_alarm_records()
    return dg.AssetCheckResult(
        passed=records <= limit,
        severity=dg.AssetCheckSeverity.WARN,
        description=f"largest person holds {records} records (alarm above {limit})",
        metadata={
            "largest_cluster_records": dg.MetadataValue.int(records),
            "person_id": dg.MetadataValue.text(str(person_id)),
        },
    )


@dg.asset_check(
    asset=PERSON_ID_CHANGES,
    name="person_merge_rate",
    description=(
        "This run's share of records merged into another person stays within "
        f"{monitoring.MERGE_RATE_JUMP_FACTOR:g} x the median of earlier runs."
    ),
    additional_deps=[PERSON_BRIDGE],
)
def person_merge_rate(warehouse: Warehouse) -> dg.AssetCheckResult:
    with warehouse.connect() as con:
        merged_per_run = [int(merged) for _, merged in con.execute(_MERGED_PER_RUN).fetchall()]
        total_row = con.execute("select count(*) from core.bridge_person_records").fetchone()
    total = int(total_row[0]) if total_row else 0
    shares = [merged / total if total else 0.0 for merged in merged_per_run]
    current, earlier = (shares[-1], shares[:-1]) if shares else (0.0, [])
    return dg.AssetCheckResult(
        passed=not monitoring.is_merge_rate_jump(current, earlier),
        severity=dg.AssetCheckSeverity.WARN,
        description=f"{current:.2%} of records merged into another person this run",
        metadata={
            "merged_share": dg.MetadataValue.float(current),
            "earlier_runs": dg.MetadataValue.int(len(earlier)),
            "records_merged": dg.MetadataValue.int(merged_per_run[-1] if merged_per_run else 0),
        },
    )


identity_checks = [largest_person_cluster, person_merge_rate]
