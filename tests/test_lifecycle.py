"""The demand-waterfall history on a generated sample (docs/lifecycle.md): the stages the CRM
extracts show agree with the generator's ground truth. That the incremental fct_stage_transitions
equals a full refresh after another day of extracts is tested with every other published mart in
tests/test_incremental_refresh.py."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from orchestration.evaluation.sample import dbt, load_landing
from orchestration.generator import generate

PEOPLE, SEED = 300, 7
LIFECYCLE_SELECTOR = "+tag:lifecycle"


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[Path, Path]:
    """The sample loaded and built up to the lifecycle marts: (warehouse, ground truth)."""
    root = tmp_path_factory.mktemp("lifecycle")
    landing, truth = root / "landing", root / "truth"
    generate(landing, truth, people=PEOPLE, seed=SEED)
    warehouse = root / "warehouse.duckdb"
    load_landing(warehouse, landing, batch_id="lifecycle")
    dbt(
        warehouse,
        "build",
        "--select",
        LIFECYCLE_SELECTOR,
        "--indirect-selection",
        "cautious",
        "--exclude-resource-type",
        "unit_test",
        work_dir=root,
    )
    return warehouse, truth


def milestones_against_truth(
    warehouse: Path, truth: Path, stage: str, milestone: str
) -> tuple[int, int, int]:
    """For the true people who reached `stage`: how many resolved persons of theirs reached it
    here, how many did not, and how many reached it more than a day away from the true time."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table, file in (("truth", "people.csv"), ("records", "records.csv")):
            con.execute(f"create temp table {table} as from read_csv('{truth / file}', all_varchar=true)")
        return con.execute(
            f"""
            with persons as (
                select bridge.person_id, min(records.true_person_id) as true_person_id
                from core.bridge_person_records as bridge
                inner join records
                    on records.system = bridge.source_system
                    and records.object = bridge.source_object
                    and records.record_id = bridge.source_record_id
                group by bridge.person_id
                having count(distinct records.true_person_id) = 1
            )
            select
                count(*) filter (where milestones.{milestone} is not null),
                count(*) filter (where milestones.{milestone} is null),
                count(*) filter (
                    where abs(date_diff(
                        'hour', milestones.{milestone}, cast(truth.{stage}_at as timestamp)
                    )) > 24
                )
            from lifecycle.dim_person_lifecycle as milestones
            inner join persons using (person_id)
            inner join truth using (true_person_id)
            where truth.{stage}_at is not null
            """
        ).fetchone()


@pytest.mark.parametrize(("stage", "milestone"), [("sql", "first_sql_at"), ("won", "first_won_at")])
def test_opportunities_and_wins_match_the_truth(sample, stage, milestone):
    warehouse, truth = sample
    found, missed, off = milestones_against_truth(warehouse, truth, stage, milestone)
    assert found > 0 and missed == 0 and off == 0, (found, missed, off)


def test_every_true_mql_is_an_mql(sample):
    warehouse, truth = sample
    found, missed, _ = milestones_against_truth(warehouse, truth, "mql", "first_mql_at")
    assert found > 0 and missed == 0, (found, missed)
