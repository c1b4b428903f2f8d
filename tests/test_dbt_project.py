"""Static checks of the dbt project against the landing contract and the portability rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orchestration.loading.contract import OBJECTS
from orchestration.settings import REPO_ROOT

MODELS = REPO_ROOT / "dbt_project" / "models"

# DuckDB-only syntax that has no Spark twin; it belongs in a dispatched macro, not in a model.
DUCKDB_ONLY = {
    "`::` cast": re.compile(r"::\s*[a-z]"),
    "QUALIFY": re.compile(r"\bqualify\b", re.IGNORECASE),
    "strptime": re.compile(r"\b(try_)?strptime\s*\(", re.IGNORECASE),
    "regexp_* function": re.compile(r"\bregexp_\w+\s*\(", re.IGNORECASE),
    "list/struct function": re.compile(r"\b(list_\w+|struct_pack|unnest)\s*\(", re.IGNORECASE),
    "DuckDB-only text function": re.compile(
        r"\b(string_split|array_to_string|nfc_normalize|strip_accents|epoch_ms)\s*\(", re.IGNORECASE
    ),
    "raw try_cast": re.compile(r"\btry_cast\s*\(", re.IGNORECASE),
    "EXCLUDE": re.compile(r"\*\s*exclude\b", re.IGNORECASE),
}


def model_files() -> list[Path]:
    return sorted(MODELS.rglob("*.sql"))


def test_every_landing_object_has_a_staging_model():
    names = {path.stem for path in model_files()}
    missing = [obj.table for obj in OBJECTS if f"stg_{obj.system}__{obj.name}" not in names]
    assert missing == []


def test_reconciliation_lists_every_landing_object():
    sql = (MODELS / "marts" / "data_quality" / "dq_source_reconciliation.sql").read_text(encoding="utf-8")
    listed = set(re.findall(r"\('(\w+)', '(\w+)'\)", sql))
    assert listed == {(obj.system, obj.name) for obj in OBJECTS}


def test_every_folder_has_one_models_yml():
    for folder in {path.parent for path in model_files()}:
        ymls = list(folder.glob(f"_{folder.name}__models.yml"))
        assert len(ymls) == 1, f"{folder} needs exactly one _{folder.name}__models.yml"


@pytest.mark.parametrize("path", model_files(), ids=lambda p: p.stem)
def test_models_keep_engine_specific_sql_in_macros(path: Path):
    sql = re.sub(r"--[^\n]*|\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    found = [name for name, pattern in DUCKDB_ONLY.items() if pattern.search(sql)]
    # Spark reads "row" as the text 'row', not a column: identifiers are quoted with
    # adapter.quote(). Double quotes inside Jinja are Python strings, not SQL.
    if re.search(r'"[^"\n]*"', re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", sql, flags=re.DOTALL)):
        found.append("double-quoted identifier")
    assert found == [], f"{path.name} uses {found}; call a dispatched macro instead"
