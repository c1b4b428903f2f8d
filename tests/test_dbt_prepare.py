"""The manifest preparation: each dbt run copies the prepared partial-parse file and parses only
what changed since, seeds included (orchestration/dbt_project.py)."""

from __future__ import annotations

import json
from pathlib import Path

import msgpack
import pytest
from dagster_dbt import DbtCliResource, DbtProject

from orchestration.dbt_project import InPlaceDbtProjectPreparer, partial_parse_path, saved_partial_parse
from orchestration.settings import DBT_PROFILES_DIR, REPO_ROOT

# dagster-dbt's mark on a seed it wants parsed again: a checksum no file has.
INVALIDATED = "0" * 64


def prepared_project(target: Path, monkeypatch: pytest.MonkeyPatch) -> DbtProject:
    # dagster-dbt's runs copy the partial-parse file from DBT_TARGET_PATH, not from the project's.
    monkeypatch.setenv("DBT_TARGET_PATH", str(target))
    project = DbtProject(
        project_dir=REPO_ROOT, target_path=target, profiles_dir=DBT_PROFILES_DIR, target="lint"
    )
    InPlaceDbtProjectPreparer().prepare(project)
    return project


def saved_seeds(project: DbtProject) -> dict[str, dict]:
    files = saved_partial_parse(project)["files"]
    return {file_id: entry for file_id, entry in files.items() if entry.get("parse_file_type") == "seed"}


def partial_parse_message(log_path: Path) -> str:
    for line in log_path.read_text(encoding="utf-8").splitlines():
        message = json.loads(line)["info"]["msg"]
        if message.startswith("Partial parsing enabled"):
            return message
    raise AssertionError(f"{log_path} has no partial-parsing line")


def test_a_run_after_preparation_parses_nothing_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    project = prepared_project(tmp_path / "target", monkeypatch)
    seeds = saved_seeds(project)

    assert len(seeds) == len(list((REPO_ROOT / "seeds").rglob("*.csv")))
    assert not [file_id for file_id, entry in seeds.items() if entry["checksum"]["checksum"] == INVALIDATED]

    run_target = tmp_path / "run"
    DbtCliResource(project_dir=project).cli(["parse"], target_path=run_target).wait()
    assert partial_parse_message(run_target / "dbt.log").endswith("0 files changed.")


def test_seeds_parsed_in_another_folder_are_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    project = prepared_project(tmp_path / "target", monkeypatch)
    state = saved_partial_parse(project)
    for entry in state["files"].values():
        if entry.get("parse_file_type") == "seed":
            entry["path"]["project_root"] = str(tmp_path / "ci-image" / "leadflow")
    with partial_parse_path(project).open("wb") as saved:
        msgpack.pack(state, saved)

    InPlaceDbtProjectPreparer().prepare(project)

    checksums = {entry["checksum"]["checksum"] for entry in saved_seeds(project).values()}
    assert checksums == {INVALIDATED}
