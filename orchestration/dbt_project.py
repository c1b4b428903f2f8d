"""The dbt project as Dagster sees it: repo root, profiles in dbt_project/, target from env."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from dagster_dbt import DbtProject

from orchestration import settings

# dagster-dbt starts `dbt` from PATH (also inside its own project preparer); put the dbt of
# this interpreter's environment first so runs work without an activated virtualenv.
_INTERPRETER_BIN = str(Path(sys.executable).parent)
if _INTERPRETER_BIN not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = _INTERPRETER_BIN + os.pathsep + os.environ.get("PATH", "")

# dbt's own DBT_TARGET_PATH, when set (the bench gives each bench folder its own target), is where
# the manifest is prepared: dagster-dbt copies partial_parse.msgpack into each run's target from
# there, so a run then parses only what changed instead of the whole project again.
DBT_PROJECT = DbtProject(
    project_dir=settings.REPO_ROOT,
    target_path=os.environ.get("DBT_TARGET_PATH", "target"),
    profiles_dir=settings.DBT_PROFILES_DIR,
    target=settings.dbt_target(),
)


def ensure_manifest(force: bool = False) -> None:
    """Parse the project when the manifest is missing (or always, for CLI runs after edits)."""
    if force or not DBT_PROJECT.manifest_path.exists():
        DBT_PROJECT.preparer.prepare(DBT_PROJECT)
