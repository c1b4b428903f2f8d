"""The same dbt project on DuckDB and on Spark gives the same results (issue #9, docs/spark.md).

A small sample is generated and loaded once, by the one loader, into DuckDB, and its raw schema
exported to Parquet. Then two builds run side by side: dbt builds the models on DuckDB (the
`test` target) while Spark registers the Parquet export as its raw tables and builds the whole
project in local mode (the `spark` target) with every data and unit test but those in
SPARK_EXCLUDED. Then the results of the two engines are compared: staging row for row, and the
key results in KEY_RESULTS. Spark's tables are Parquet files in its warehouse folder, so DuckDB
reads both sides and no JVM runs in the test process (the embedded metastore admits one
process).

The test needs the spark extra (`make setup` installs it) and Java; without them it fails rather
than skip, so CI cannot pass without building on Spark. LEADFLOW_SKIP_SPARK=1 skips it on
purpose (pytest reports the skip).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from orchestration.engines.spark_raw import PARQUET_FOLDER, export_raw_parquet, register_spark_tables
from orchestration.generator import generate
from orchestration.loading.contract import OBJECTS
from orchestration.loading.loader import load_object
from orchestration.settings import DBT_PROFILES_DIR, REPO_ROOT

pytestmark = pytest.mark.spark

# When the run that wrote a row started (macro run_timestamp): differs between the two builds.
RUN_CLOCK_COLUMNS = ("_staged_at",)

SAMPLE_PEOPLE = 200
SAMPLE_SEED = 7
# Unit tests left out of the Spark build here, only to keep this test's time modest: each checks
# every character of one map with a fixture of about 190 rows, which dbt writes as a union of one
# select per row, and Spark takes about two minutes to plan each. They pass on Spark
# (docs/spark.md runs them); their Spark-specific risk, backslashes and quotes in SQL literals,
# is also covered by test_stg_salesforce__user_width_escapes.
# The others check the incremental batches of activity staging, scoring, the identity groups,
# the touchpoint stream and the stage paths, which local Spark does not have: on Parquet its
# strategy is insert_overwrite, which selects every row (incremental_strategy).
SPARK_EXCLUDED = (
    "test_stg_salesforce__user_width_every_character",
    "test_stg_salesforce__lead_hiragana_every_character",
    "test_stg_marketo__activities_incremental_batch",
    "test_contributions_incremental_batch",
    "test_int_person_groups_linked_daily_run_groups_only_changed_groups",
    "test_int_touchpoints_unioned_daily_batch",
    "test_stages_daily_batch_sequences_changed_persons_only",
    "test_int_account_records_unioned_daily_batch_takes_changed_records",
    "test_touchpoints_classified_daily_batch_takes_new_touches",
    "test_explanations_daily_batch_takes_changed_and_moved_persons",
    "test_profile_inputs_logged_takes_new_changed_and_gone_persons",
    "test_interests_daily_batch_takes_changed_persons_only",
    "test_inputs_fingerprint_daily_batch_takes_changed_persons_or_everyone",
    "test_stage_signals_daily_batch_marks_persons_without_signals",
    "test_int_person_edges_matched_daily_run_computes_only_touched_blocks",
    "test_int_account_edges_matched_daily_run_computes_only_touched_blocks",
)

# DuckDB builds what the comparison reads; its data and unit tests run in the rest of the suite.
DUCKDB_BUILD = ("build", "--target", "test", "--resource-type", "seed", "--resource-type", "model")

STAGING_MODELS = {f"stg_{obj.system}__{obj.name}" for obj in OBJECTS} | {
    "stg_loader__load_ledger",
    "stg_loader__rejects",
}

# Identity fields whose normalized values identity resolution matches on.
NORMALIZED_FIELDS = {
    "stg_salesforce__lead": ("email", "phone", "company_name_normalized"),
    "stg_hubspot__contacts": ("email", "phone", "company_name_normalized"),
    "stg_events__badge_scans": ("email", "phone", "company_name_normalized"),
}


@dataclass(frozen=True)
class KeyResult:
    """A model both engines must give the same rows of, compared on `columns` (a select list;
    as a multiset, so row counts too). Columns that hold the run's clock (`*_issued_at`,
    `assigned_at`) differ between any two builds and are left out."""

    schema: str
    model: str
    columns: str


# The key results of issue #9: who the persons are, their scores and MQLs, the handoff queue and
# the funnel. A mart joins the comparison with one line here. Doubles are rounded: the engines
# may add a sum's terms in another order, which changes the last bits, not the figure.
KEY_RESULTS = (
    KeyResult("data_quality", "dq_source_reconciliation", "*"),
    KeyResult("core", "bridge_person_records", "record_key, person_id, account_id, group_key, cluster_key"),
    KeyResult("core", "bridge_account_records", "record_key, account_id, group_key, cluster_key"),
    KeyResult(
        "core",
        "dim_person",
        "person_id, account_id, region, family_name, given_name, family_name_kana, email, phone, "
        "company_name, title, country, has_opted_out_of_email, record_count, first_seen_at",
    ),
    KeyResult(
        "core",
        "dim_account",
        "account_id, region, account_name, account_domain, corporate_number, industry, is_inferred, "
        "record_count, person_count",
    ),
    KeyResult(
        "scoring",
        "fct_lead_scores",
        "lead_score_id, person_id, ruleset, valid_from, valid_to, is_current, round(total_score, 6), "
        "grade, geo_region, is_abm_target, mql_threshold, is_above_threshold, mql_at",
    ),
    KeyResult(
        "handoff",
        "fct_handoff_queue",
        "handoff_id, person_id, handoff_reason, grade, routed_by, owner_id, queue_id, handed_off_at, "
        "sla_due_at, handoff_status, responded_at, round(business_hours_overdue, 6), as_of_at",
    ),
    KeyResult(
        "lifecycle",
        "fct_stage_transitions",
        "stage_transition_id, person_id, entry_number, stage_code, entered_at, exited_at, is_current",
    ),
    KeyResult(
        "reporting",
        "rpt_funnel_cohorts",
        "cohort_month, geo_region, channel, campaign_key, stage_code, cohort_size, cohort_reached_count, "
        "cohort_previous_reached_count",
    ),
    KeyResult(
        "reporting",
        "rpt_funnel_periods",
        "period_month, geo_region, channel, campaign_key, stage_code, period_stage_entries, "
        "period_previous_stage_entries",
    ),
)

# The figures issue #9 names: (schema, model, aggregate, condition), each one query per engine.
KEY_COUNTS = {
    "persons": ("core", "dim_person", "count(*)", "true"),
    "MQLs": ("scoring", "fct_lead_scores", "count(distinct person_id)", "mql_at is not null"),
    "handoff queue rows": ("handoff", "fct_handoff_queue", "count(*)", "true"),
    "funnel cohort entries": ("reporting", "rpt_funnel_cohorts", "sum(cohort_reached_count)", "true"),
    "funnel period entries": ("reporting", "rpt_funnel_periods", "sum(period_stage_entries)", "true"),
}


@dataclass(frozen=True)
class Builds:
    duckdb_path: Path
    spark_warehouse: Path
    exported: dict[str, int]

    def relation(self, engine: str, schema: str, table: str) -> str:
        """SQL for a table as DuckDB built it, or as Spark did (its Parquet files)."""
        if engine == "duckdb":
            return f"{schema}.{table}"
        folder = self.spark_warehouse / f"{schema}.db" / table
        assert folder.is_dir(), f"Spark wrote no table {schema}.{table} ({folder})"
        return f"read_parquet('{folder}/*.parquet')"

    def query(self, sql: str) -> list[tuple]:
        with duckdb.connect(str(self.duckdb_path), read_only=True) as con:
            return con.execute(sql).fetchall()


def dbt(env: dict[str, str], *args: str) -> float:
    """Run dbt with args; returns the seconds it took."""
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "dbt.cli.main", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"dbt {' '.join(args)} failed:\n{result.stdout[-20000:]}\n{result.stderr}"
    return time.monotonic() - started


def require_spark() -> None:
    """Fail, not skip, without Spark: a skipped parity test would let CI pass without it."""
    if os.environ.get("LEADFLOW_SKIP_SPARK") == "1":
        pytest.skip("LEADFLOW_SKIP_SPARK=1")
    missing = [
        what
        for what, found in (
            (
                "the spark extra (make setup, or pip install -e '.[spark]')",
                importlib.util.find_spec("pyspark"),
            ),
            ("Java (Spark 3.5 runs on Java 8, 11 or 17)", shutil.which("java")),
        )
        if not found
    ]
    if missing:
        pytest.fail(f"the Spark parity test needs {' and '.join(missing)}; LEADFLOW_SKIP_SPARK=1 skips it")


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    require_spark()
    root = tmp_path_factory.mktemp("spark_parity")
    duckdb_path = root / "warehouse.duckdb"
    spark_dir = root / "spark"
    seconds: dict[str, float] = {}
    env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(DBT_PROFILES_DIR),
        "LEADFLOW_TEST_DUCKDB_PATH": str(duckdb_path),
        "LEADFLOW_SPARK_DIR": str(spark_dir),
    }
    # Each target keeps its own dbt artefacts and logs (partial parsing is per target, and the
    # two builds run at once) out of the repo.
    duckdb_env = {
        **env,
        "DBT_TARGET_PATH": str(root / "target_duckdb"),
        "DBT_LOG_PATH": str(root / "logs_duckdb"),
    }
    spark_env = {
        **env,
        "DBT_TARGET_PATH": str(root / "target_spark"),
        "DBT_LOG_PATH": str(root / "logs_spark"),
    }

    started = time.monotonic()
    generate(root / "landing", root / "truth", people=SAMPLE_PEOPLE, seed=SAMPLE_SEED)
    # A delta with a malformed record, so raw._rejects and its staging model are compared too.
    (root / "landing" / "salesforce" / "Lead" / "zz-delta.csv").write_text(
        "Id,FirstName,Email\nLX1,Taro,taro@example.com\nLX2,too,many,fields\n", encoding="utf-8"
    )
    with duckdb.connect(str(duckdb_path)) as con:
        for obj in OBJECTS:
            load_object(con, obj, root / "landing", "spark-parity")
    # Exported before the DuckDB build opens the file for writing, so the builds need not wait
    # for each other.
    exported = export_raw_parquet(duckdb_path, spark_dir / PARQUET_FOLDER)
    seconds["generate, load, export raw"] = time.monotonic() - started

    # DuckDB needs a fraction of the time Spark spends planning, so it builds alongside.
    with ThreadPoolExecutor(max_workers=1) as background:
        duckdb_build = background.submit(dbt, duckdb_env, *DUCKDB_BUILD)
        started = time.monotonic()
        with pytest.MonkeyPatch.context() as patch:
            for name in ("DBT_LOG_PATH", "DBT_TARGET_PATH"):
                patch.setenv(name, spark_env[name])
            register_spark_tables(sorted(exported), spark_dir / PARQUET_FOLDER, spark_dir)
        seconds["register raw in Spark"] = time.monotonic() - started
        seconds["dbt build on Spark"] = dbt(
            spark_env, "build", "--target", "spark", "--exclude", *SPARK_EXCLUDED
        )
        seconds["dbt build on DuckDB (seeds, models; alongside)"] = duckdb_build.result()
    # the times docs/spark.md reports (`pytest -s` shows them); CI does not judge them
    print("\n" + "\n".join(f"{step}: {took:.0f} s" for step, took in seconds.items()))
    return Builds(duckdb_path, spark_dir / "warehouse", exported)


def test_raw_export_holds_every_raw_table_and_row(builds: Builds):
    tables = builds.query("select table_name from information_schema.tables where table_schema = 'raw'")
    raw = {table: builds.query(f'select count(*) from raw."{table}"')[0][0] for (table,) in tables}
    assert {"_load_ledger", "_rejects", *(obj.table for obj in OBJECTS)} <= set(raw)
    assert builds.exported == raw
    assert sum(raw.values()) > 0


def staging_counts(builds: Builds, engine: str) -> dict[str, int]:
    return {
        model: builds.query(f"select count(*) from {builds.relation(engine, 'staging', model)}")[0][0]
        for model in sorted(STAGING_MODELS)
    }


def test_every_staging_model_has_the_same_row_count(builds: Builds):
    on_duckdb = staging_counts(builds, "duckdb")
    assert staging_counts(builds, "spark") == on_duckdb
    assert [model for model, rows in on_duckdb.items() if rows == 0] == []


def differences(builds: Builds, schema: str, model: str, columns: str) -> tuple[list[tuple], list[tuple]]:
    """Rows (projected on columns) that only DuckDB computed, and those that only Spark did."""
    on_duckdb, on_spark = (
        f"select {columns} from {builds.relation(engine, schema, model)}" for engine in ("duckdb", "spark")
    )
    only_duckdb = builds.query(f"{on_duckdb} except all {on_spark}")
    only_spark = builds.query(f"{on_spark} except all {on_duckdb}")
    return only_duckdb[:5], only_spark[:5]


def without_run_clock(builds: Builds, schema: str, model: str) -> str:
    """Every column but the run stamps (macro run_timestamp): each build stamps its own start."""
    columns = builds.query(
        "select column_name from information_schema.columns"
        f" where table_schema = '{schema}' and table_name = '{model}'"
    )
    clock = [column for (column,) in columns if column in RUN_CLOCK_COLUMNS]
    return f"* exclude ({', '.join(clock)})" if clock else "*"


@pytest.mark.parametrize("model", sorted(STAGING_MODELS))
def test_every_staging_row_is_the_same(builds: Builds, model: str):
    """Row for row, every column but the run stamps: what Spark computed and not DuckDB, and the
    other way round."""
    assert differences(builds, "staging", model, without_run_clock(builds, "staging", model)) == ([], [])


@pytest.mark.parametrize("result", KEY_RESULTS, ids=lambda result: result.model)
def test_key_results_are_the_same(builds: Builds, result: KeyResult):
    assert differences(builds, result.schema, result.model, result.columns) == ([], [])
    assert (
        builds.query(f"select count(*) from {builds.relation('duckdb', result.schema, result.model)}")[0][0]
        > 0
    )


def test_the_same_number_of_persons_and_accounts(builds: Builds):
    counts = {
        engine: [
            builds.query(f"select count(*) from {builds.relation(engine, 'core', model)}")[0][0]
            for model in ("dim_person", "dim_account")
        ]
        for engine in ("duckdb", "spark")
    }
    print(f"\npersons, accounts: {counts}")
    assert counts["spark"] == counts["duckdb"]


def test_key_counts_are_the_same(builds: Builds):
    counts = {
        engine: {
            name: builds.query(
                f"select {aggregate} from {builds.relation(engine, schema, model)} where {condition}"
            )[0][0]
            for name, (schema, model, aggregate, condition) in KEY_COUNTS.items()
        }
        for engine in ("duckdb", "spark")
    }
    print(f"\nkey counts: {counts}")
    assert counts["spark"] == counts["duckdb"]
    assert [name for name, count in counts["duckdb"].items() if not count] == []


def test_records_fall_into_the_same_persons(builds: Builds):
    """The partition of records into persons, whatever the ids: each record with the smallest
    record key of its person. Equal ids (test_key_results_are_the_same) imply this; on its own it
    tells a resolution difference from an id difference."""
    partitions = {
        engine: builds.query(
            "select record_key, min(record_key) over (partition by person_id) "
            f"from {builds.relation(engine, 'core', 'bridge_person_records')} order by record_key"
        )
        for engine in ("duckdb", "spark")
    }
    assert partitions["spark"] == partitions["duckdb"]
    assert len({person for _, person in partitions["duckdb"]}) < len(partitions["duckdb"])


@pytest.mark.parametrize(
    ("model", "column"),
    [(model, column) for model, columns in NORMALIZED_FIELDS.items() for column in columns],
)
def test_normalized_identity_values_are_the_same(builds: Builds, model: str, column: str):
    found = {
        engine: builds.query(
            f"select count(distinct {column}), min({column}), max({column}) "
            f"from {builds.relation(engine, 'staging', model)}"
        )[0]
        for engine in ("duckdb", "spark")
    }
    assert found["spark"] == found["duckdb"]
    assert found["duckdb"][0] > 0
