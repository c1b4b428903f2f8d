"""Where leadflow reads and writes, from the environment with repo-relative defaults.

dbt_project/profiles.yml reads the same variables, so Dagster and a hand-run `dbt` agree.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DBT_PROFILES_DIR = REPO_ROOT / "dbt_project"


def _path_from_env(variable: str, default: Path) -> Path:
    value = os.environ.get(variable)
    return Path(value).resolve() if value else default


def landing_dir() -> Path:
    return _path_from_env("LEADFLOW_LANDING_DIR", REPO_ROOT / "data" / "landing")


def ground_truth_dir() -> Path:
    return _path_from_env("LEADFLOW_TRUTH_DIR", REPO_ROOT / "data" / "ground_truth")


def dbt_target() -> str:
    return os.environ.get("LEADFLOW_TARGET", "dev")


def warehouse_path() -> Path:
    """The working DuckDB file of the active dbt target (dev or test)."""
    if dbt_target() == "test":
        return _path_from_env(
            "LEADFLOW_TEST_DUCKDB_PATH", REPO_ROOT / "data" / "test" / "leadflow_test.duckdb"
        )
    return _path_from_env("LEADFLOW_DUCKDB_PATH", REPO_ROOT / "data" / "warehouse" / "leadflow.duckdb")


def duckdb_memory_limit() -> str:
    """DuckDB's memory_limit for every connection that builds the warehouse (the loader and dbt).
    DuckDB's own default, 80% of RAM, lets one 1M-person build take most of a shared machine;
    with a bound it spills joins and sorts to disk beside the warehouse instead. The bound covers
    DuckDB's buffers, not the whole process: building fct_lead_scores at 1M people, dbt's process
    peaked at 8.6 GB under 6GB and at 7.0 GB under 5GB, so 5GB keeps a daily run under 8 GB."""
    return os.environ.get("LEADFLOW_DUCKDB_MEMORY_LIMIT", "5GB")


def publish_dir() -> Path:
    return _path_from_env("LEADFLOW_PUBLISH_DIR", REPO_ROOT / "data" / "publish")


def pin_environment() -> None:
    """Write the resolved absolute paths back to the environment for dbt subprocesses."""
    os.environ["LEADFLOW_TARGET"] = dbt_target()
    variable = "LEADFLOW_TEST_DUCKDB_PATH" if dbt_target() == "test" else "LEADFLOW_DUCKDB_PATH"
    os.environ[variable] = str(warehouse_path())
    os.environ["LEADFLOW_LANDING_DIR"] = str(landing_dir())
    os.environ["LEADFLOW_PUBLISH_DIR"] = str(publish_dir())
