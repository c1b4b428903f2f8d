"""Incremental daily runs and a full refresh give equal marts.

A sample is loaded and built, one more day of extracts is added (`generate --delta-day`: new
activities, new leads that merge into known people, changed leads), loaded and built again,
incrementally. A copy of that warehouse is then rebuilt with `--full-refresh` (the id logs are
never fully refreshed, so both keep the same ids), and every published mart must hold the same
rows in both, compared as multisets both ways.

The daily_refresh job does the same load and build plus every dbt test and the publish copy;
test_pipeline_e2e.py runs it. Here the loader and `dbt build` without tests are called directly,
which keeps this test a few minutes long.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest

from orchestration.evaluation.sample import dbt, load_landing
from orchestration.generator import generate
from orchestration.generator.delta import generate_delta
from orchestration.publishing.publish import relations_to_publish

pytestmark = pytest.mark.e2e

SAMPLE_PEOPLE = 200
SEED = 7
DAY = date(2026, 11, 24)
# One day of a year is a handful of rows at this size: a larger draw makes sure the day brings
# new leads, changed leads and late activities for the incremental models to pick up.
DELTA_SHARE = 20
_NO_TESTS = ("--exclude-resource-type", "test", "unit_test")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The warehouse after an incremental run, its full refresh, and the dbt manifest."""
    root = tmp_path_factory.mktemp("incremental")
    landing, warehouse, work = root / "landing", root / "warehouse.duckdb", root / "work"
    generate(landing, root / "truth", people=SAMPLE_PEOPLE, seed=SEED)
    load_landing(warehouse, landing, batch_id="day-1")
    dbt(warehouse, "build", *_NO_TESTS, work_dir=work)
    generate_delta(landing, DAY, seed=SEED, share=DELTA_SHARE)
    assert load_landing(warehouse, landing, batch_id="day-2") > 0
    dbt(warehouse, "build", *_NO_TESTS, work_dir=work)
    refreshed = root / "refreshed.duckdb"
    shutil.copyfile(warehouse, refreshed)
    dbt(refreshed, "build", "--full-refresh", *_NO_TESTS, work_dir=root / "refresh")
    return warehouse, refreshed, work / "target" / "manifest.json"


def test_the_day_reached_the_incremental_marts(built: tuple[Path, Path, Path]):
    warehouse, _, _ = built
    with duckdb.connect(str(warehouse), read_only=True) as con:
        [(touchpoints,)] = con.execute(
            "select count(*) from engagement.fct_touchpoints "
            f"where cast(occurred_at as date) = date '{DAY.isoformat()}'"
        ).fetchall()
    assert touchpoints > 0


def test_incremental_run_and_full_refresh_give_equal_marts(built: tuple[Path, Path, Path]):
    warehouse, refreshed, manifest = built
    relations = relations_to_publish(manifest)
    assert relations, "no published mart"
    differing = {}
    with duckdb.connect(str(refreshed), read_only=True) as con:
        con.execute(f"attach '{warehouse}' as incremental (read_only)")
        for relation in relations:
            incremental, full = f"incremental.{relation.sql}", relation.sql
            [(only_incremental, only_full)] = con.execute(
                f"select (select count(*) from (from {incremental} except all from {full})), "
                f"(select count(*) from (from {full} except all from {incremental}))"
            ).fetchall()
            if only_incremental or only_full:
                differing[relation.sql] = (only_incremental, only_full)
    assert differing == {}, "rows only in the incremental run / only in the full refresh: " + str(differing)
