"""Build identity resolution on a sample without the Dagster job: load the landing folder into a
DuckDB file, then `dbt build` the identity models and everything they depend on. Used by the
identity tests and to time resolution at scale (docs/benchmarks.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import duckdb

from orchestration import settings
from orchestration.loading.contract import OBJECTS, LandingObject, get_object
from orchestration.loading.loader import load_object

IDENTITY_SELECTOR = "+tag:identity"
# What pairwise scoring reads: the person resolution with its accounts and stable ids, without
# the golden records, whose marts also join in profiles and scoring (and their activity logs).
RESOLUTION_SELECTOR = "+bridge_person_records"


def load_landing(
    warehouse: Path, landing: Path, batch_id: str, objects: Sequence[LandingObject] = OBJECTS
) -> int:
    """Loads every not-yet-loaded landing file of `objects` into `warehouse`; returns the rows
    loaded."""
    with duckdb.connect(str(warehouse)) as con:
        return sum(load_object(con, obj, landing, batch_id=batch_id).rows_loaded for obj in objects)


def selected_objects(work_dir: Path, selector: str) -> tuple[LandingObject, ...]:
    """The landing objects the models of `selector` read, as dbt lists their sources. Loading
    only those for the resolution skips the activity and email-event logs, over 90% of the rows
    of a generation."""
    listed = dbt(
        work_dir / "unused.duckdb",
        "ls",
        "--quiet",
        "--select",
        selector,
        "--resource-type",
        "source",
        "--output",
        "json",
        "--output-keys",
        "identifier",
        work_dir=work_dir,
    )
    tables = [json.loads(line)["identifier"] for line in listed.splitlines() if line.startswith("{")]
    return tuple(get_object(table) for table in tables)


def dbt(warehouse: Path, *args: str, work_dir: Path) -> str:
    """Runs dbt on the test target against `warehouse`, with its own target and log folders so
    it never touches the artifacts of a concurrent `leadflow run`; returns what dbt printed."""
    environment = {
        **os.environ,
        "LEADFLOW_TARGET": "test",
        "LEADFLOW_TEST_DUCKDB_PATH": str(warehouse),
        "DBT_PROFILES_DIR": str(settings.DBT_PROFILES_DIR),
    }
    command = [
        str(Path(sys.executable).with_name("dbt")),
        *args,
        "--target-path",
        str(work_dir / "target"),
        "--log-path",
        str(work_dir / "logs"),
    ]
    result = subprocess.run(
        command, cwd=settings.REPO_ROOT, env=environment, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"dbt {' '.join(args)} failed:\n{result.stdout[-6000:]}\n{result.stderr[-2000:]}")
    return result.stdout


def build_identity(
    warehouse: Path, work_dir: Path, *, with_tests: bool = True, selector: str = IDENTITY_SELECTOR
) -> float:
    """Builds `selector` (default: the identity models, their staging parents and the marts
    tagged identity) in `warehouse`; returns seconds.
    With tests, every data test of those models runs too (convergence, chaining, keys); unit
    tests are left to `dbt test`, they do not depend on the data."""
    started = time.perf_counter()
    skipped = ["unit_test"] if with_tests else ["unit_test", "test"]
    dbt(
        warehouse,
        "build",
        "--select",
        selector,
        # only tests whose every parent is built: staging relationship tests to objects
        # identity does not read stay out
        "--indirect-selection",
        "cautious",
        "--exclude-resource-type",
        *skipped,
        work_dir=work_dir,
    )
    return time.perf_counter() - started
