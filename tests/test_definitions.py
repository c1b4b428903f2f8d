"""The Dagster code location loads and wires raw -> dbt -> publish as one graph."""

from __future__ import annotations

import dagster as dg

from orchestration.assets.raw import raw_asset_key
from orchestration.cli import build_parser
from orchestration.definitions import DAILY_REFRESH_JOB, SCORING_REVIEW_JOB, defs
from orchestration.jobs import daily_refresh, scoring_review
from orchestration.loading.contract import OBJECTS


def model_key(name: str) -> dg.AssetKey:
    """dbt models are keyed by schema and name (staging/stg_..., data_quality/dq_...)."""
    [key] = [key for key in defs.resolve_all_asset_keys() if key.path[-1] == name]
    return key


def test_code_location_loads():
    dg.Definitions.validate_loadable(defs)
    assert defs.resolve_job_def(DAILY_REFRESH_JOB) is not None
    assert defs.resolve_job_def(SCORING_REVIEW_JOB) is not None


def test_every_landing_object_has_a_raw_asset():
    keys = defs.resolve_all_asset_keys()
    assert {raw_asset_key(obj) for obj in OBJECTS} <= set(keys)


def test_staging_models_read_from_the_raw_assets():
    graph = defs.resolve_asset_graph()
    for obj in OBJECTS:
        staging_key = model_key(f"stg_{obj.system}__{obj.name}")
        assert raw_asset_key(obj) in graph.get(staging_key).parent_keys


def test_dbt_tests_are_asset_checks():
    checks = defs.resolve_asset_graph().asset_check_keys
    assert any(check.asset_key == model_key("dq_source_reconciliation") for check in checks)


def test_publish_runs_after_the_marts():
    graph = defs.resolve_asset_graph()
    assert model_key("dq_source_reconciliation") in graph.get(dg.AssetKey(["published_marts"])).parent_keys


SCORING_REVIEW_MODELS = (
    "int_backtest_score_intervals_computed",
    "rpt_scoring_backtest",
    "rpt_score_calibration",
)


def test_the_scoring_review_is_built_weekly_and_everything_else_daily():
    graph = defs.resolve_asset_graph()
    review_models = {model_key(name) for name in SCORING_REVIEW_MODELS}
    daily, weekly = daily_refresh.selection.resolve(graph), scoring_review.selection.resolve(graph)
    assert not review_models & daily
    assert weekly == review_models | {dg.AssetKey(["published_marts"]), dg.AssetKey(["html_report"])}
    assert daily | weekly == graph.materializable_asset_keys
    review_checks = {check for check in graph.asset_check_keys if check.asset_key in review_models}
    assert review_checks, "the review models have no data tests"
    assert review_checks == scoring_review.selection.resolve_checks(graph)
    assert not review_checks & daily_refresh.selection.resolve_checks(graph)


def test_leadflow_run_knows_every_job():
    jobs = [job.name for job in defs.resolve_all_job_defs() if not job.name.startswith("__")]
    assert sorted(jobs) == sorted([DAILY_REFRESH_JOB, SCORING_REVIEW_JOB])
    for job in jobs:
        assert build_parser().parse_args(["run", "--job", job]).job == job
