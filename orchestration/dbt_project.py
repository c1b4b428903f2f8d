"""The dbt project as Dagster sees it: repo root, profiles in dbt_project/, target from env."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import msgpack
from dagster_dbt import DagsterDbtProjectPreparer, DbtProject

from orchestration import settings

# dagster-dbt starts `dbt` from PATH (also inside its own project preparer); put the dbt of
# this interpreter's environment first so runs work without an activated virtualenv.
_INTERPRETER_BIN = str(Path(sys.executable).parent)
if _INTERPRETER_BIN not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = _INTERPRETER_BIN + os.pathsep + os.environ.get("PATH", "")


class InPlaceDbtProjectPreparer(DagsterDbtProjectPreparer):
    """dagster-dbt's preparer, without making every run parse the seeds again.

    After `dbt parse`, dagster-dbt marks every seed changed in partial_parse.msgpack, so that a
    manifest parsed in another folder (a CI image, say) gets the seeds' root_path of this one. Each
    dbt run copies that file, so each run (and the next preparation) parsed the 31 seeds again:
    about 7 s of a sample run (docs/benchmarks.md, "Seeds parsed once"). Here the manifest is
    parsed where it runs, so the seeds are marked only when the saved file was parsed elsewhere.
    """

    def _invalidate_seeds_in_partial_parse(self, project: DbtProject) -> None:
        if saved_seed_roots(project) <= {Path(project.project_dir).resolve()}:
            return
        super()._invalidate_seeds_in_partial_parse(project)


def partial_parse_path(project: DbtProject) -> Path:
    return Path(project.project_dir) / project.target_path / "partial_parse.msgpack"


def saved_partial_parse(project: DbtProject) -> dict[str, Any]:
    """dbt's saved parse state of the project, empty before the first parse."""
    path = partial_parse_path(project)
    if not path.exists():
        return {}
    with path.open("rb") as saved:
        return msgpack.unpack(saved, raw=False, strict_map_key=False)


def saved_seed_roots(project: DbtProject) -> set[Path]:
    """The project folders the seeds in the saved partial-parse file were parsed in."""
    return {
        Path(entry["path"]["project_root"]).resolve()
        for entry in saved_partial_parse(project).get("files", {}).values()
        if entry.get("parse_file_type") == "seed"
    }


# dbt's own DBT_TARGET_PATH, when set (the bench gives each bench folder its own target), is where
# the manifest is prepared: dagster-dbt copies partial_parse.msgpack into each run's target from
# there, so a run then parses only what changed instead of the whole project again.
DBT_PROJECT = DbtProject(
    project_dir=settings.REPO_ROOT,
    target_path=os.environ.get("DBT_TARGET_PATH", "target"),
    profiles_dir=settings.DBT_PROFILES_DIR,
    target=settings.dbt_target(),
)
# DbtProject takes no preparer of its own choosing: ensure_manifest calls this one.
PREPARER = InPlaceDbtProjectPreparer()


def ensure_manifest(force: bool = False) -> None:
    """Parse the project when the manifest is missing (or always, for CLI runs after edits)."""
    if force or not DBT_PROJECT.manifest_path.exists():
        PREPARER.prepare(DBT_PROJECT)
