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

DBT_PROJECT = DbtProject(
    project_dir=settings.REPO_ROOT,
    profiles_dir=settings.DBT_PROFILES_DIR,
    target=settings.dbt_target(),
)


def ensure_manifest(force: bool = False) -> None:
    """Parse the project when the manifest is missing (or always, for CLI runs after edits)."""
    if force or not DBT_PROJECT.manifest_path.exists():
        DBT_PROJECT.preparer.prepare(DBT_PROJECT)
