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
    "DuckDB-only time function or type": re.compile(
        r"\b(strftime|epoch|timezone)\s*\(|\btimestamptz\b", re.IGNORECASE
    ),
    "DuckDB-only aggregate": re.compile(r"\b(string_agg|arg_max|arg_min)\s*\(", re.IGNORECASE),
    "raw try_cast": re.compile(r"\btry_cast\s*\(", re.IGNORECASE),
    "EXCLUDE": re.compile(r"\*\s*exclude\b", re.IGNORECASE),
}


# One line of DuckDB-only SQL per pattern above, so each pattern is shown to catch what it names.
DUCKDB_ONLY_EXAMPLES = {
    "`::` cast": "select amount::double from x",
    "QUALIFY": "select * from x qualify row_number() over (order by a) = 1",
    "strptime": "select try_strptime(d, '%Y') from x",
    "regexp_* function": "select regexp_full_match(a, 'b') from x",
    "list/struct function": "select list_transform([a], lambda v: v) from x",
    "DuckDB-only text function": "select strip_accents(a) from x",
    "DuckDB-only time function or type": "select strftime(created_at, '%Y-%m') from x",
    "DuckDB-only aggregate": "select string_agg(a, ',') from x",
    "raw try_cast": "select try_cast(a as int) from x",
    "EXCLUDE": "select * exclude (a) from x",
}


@pytest.mark.parametrize("name", sorted(DUCKDB_ONLY))
def test_each_duckdb_only_pattern_catches_its_example(name: str):
    assert DUCKDB_ONLY[name].search(DUCKDB_ONLY_EXAMPLES[name])
    assert not DUCKDB_ONLY[name].search("select cast(a as double), count(*) from x group by a")


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
    # adapter.quote(). Double quotes inside Jinja are Python strings, not SQL; a hook string
    # ("{{ ... }}" in a config call) goes first, as its braces nest in the config's.
    without_hooks = re.sub(r'"\{\{.*?\}\}"', "", sql, flags=re.DOTALL)
    if re.search(r'"[^"\n]*"', re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", without_hooks, flags=re.DOTALL)):
        found.append("double-quoted identifier")
    assert found == [], f"{path.name} uses {found}; call a dispatched macro instead"
