"""What the sample pipeline's dbt step leaves in Dagster's event log (the `env` fixture): each
materialization carries its relation's catalog, read by dbt's post-hook while dbt held the
warehouse, and each dbt test's check evaluates the materialization of its own run, which holds
only if the events arrive in dbt's order."""

from __future__ import annotations

import json
from collections.abc import Iterator

import dagster as dg
import duckdb
import pytest

from orchestration.dbt_project import DBT_PROJECT

pytestmark = pytest.mark.e2e

QUEUE = dg.AssetKey(["handoff", "fct_handoff_queue"])


@pytest.fixture
def instance(env: dict[str, str]) -> Iterator[dg.DagsterInstance]:
    with dg.DagsterInstance.from_config(env["DAGSTER_HOME"]) as dagster:
        yield dagster


def latest_dbt_run_id(instance: dg.DagsterInstance) -> str:
    [run] = instance.get_runs(dg.RunsFilter(job_name="daily_refresh"), limit=1)
    return run.run_id


def test_a_published_mart_carries_the_warehouse_catalog(env: dict[str, str], instance: dg.DagsterInstance):
    event = instance.get_latest_materialization_event(QUEUE)
    assert event is not None and event.asset_materialization is not None
    metadata = event.asset_materialization.metadata
    with duckdb.connect(env["LEADFLOW_TEST_DUCKDB_PATH"], read_only=True) as con:
        [(rows,)] = con.execute("select count(*) from handoff.fct_handoff_queue").fetchall()
        columns = con.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_schema = 'handoff' and table_name = 'fct_handoff_queue' order by ordinal_position"
        ).fetchall()
    assert rows > 0
    assert metadata["dagster/row_count"].value == rows
    schema = metadata["dagster/column_schema"].value
    assert [(column.name, column.type) for column in schema.columns] == columns
    assert metadata["dagster/relation_identifier"].value == "handoff.fct_handoff_queue"
    preview = metadata["preview"].value.splitlines()
    assert preview[0] == "| " + " | ".join(name for name, _ in columns) + " |"
    assert len(preview) == 2 + min(rows, 5)


def test_every_model_of_the_run_carries_its_columns_and_only_views_go_uncounted(
    instance: dg.DagsterInstance,
):
    records = instance.get_records_for_run(
        latest_dbt_run_id(instance), of_type=dg.DagsterEventType.ASSET_MATERIALIZATION, limit=10_000
    ).records
    dbt_models = [
        record.asset_materialization
        for record in records
        if record.asset_materialization and "unique_id" in record.asset_materialization.metadata
    ]
    assert len(dbt_models) > 100
    assert [m.asset_key for m in dbt_models if not m.metadata["dagster/column_schema"].value.columns] == []
    uncounted = {m.metadata["unique_id"].value for m in dbt_models if "dagster/row_count" not in m.metadata}
    nodes = json.loads(DBT_PROJECT.manifest_path.read_text(encoding="utf-8"))["nodes"]
    views = {
        unique_id
        for unique_id, node in nodes.items()
        if node["resource_type"] == "model" and node["config"]["materialized"] == "view"
    }
    assert uncounted and uncounted == views


def test_each_check_evaluates_the_materialization_of_its_own_run(instance: dg.DagsterInstance):
    run_id = latest_dbt_run_id(instance)
    # The stored ids of the run's events and of the asset index differ in SQLite storage: the
    # materialization is matched by its run and timestamp.
    materialized = {
        record.asset_key: (run_id, record.timestamp)
        for record in instance.get_records_for_run(
            run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION, limit=10_000
        ).records
    }
    evaluations = [
        entry.dagster_event.event_specific_data
        for entry in instance.all_logs(run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION)
        if entry.dagster_event is not None
    ]
    assert len(evaluations) > 500
    targets = {
        (evaluation.asset_key, evaluation.check_name): evaluation.target_materialization_data
        for evaluation in evaluations
    }
    mistargeted = {
        check
        for check, target in targets.items()
        if target is None or (target.run_id, target.timestamp) != materialized.get(check[0])
    }
    assert mistargeted == set()
