"""The leadflow code location: raw loading -> dbt (staging..marts, tests as checks) -> publish."""

from __future__ import annotations

import dagster as dg
from dagster_dbt import DbtCliResource

from orchestration.assets.dbt import leadflow_dbt_assets
from orchestration.assets.publish import published_marts
from orchestration.assets.raw import raw_assets
from orchestration.dbt_project import DBT_PROJECT
from orchestration.resources import default_resources

DAILY_REFRESH_JOB = "daily_refresh"

daily_refresh = dg.define_asset_job(
    DAILY_REFRESH_JOB,
    selection=dg.AssetSelection.all(),
    description="Load new landing files, build and test every dbt model, publish the marts.",
)

defs = dg.Definitions(
    assets=[*raw_assets, leadflow_dbt_assets, published_marts],
    jobs=[daily_refresh],
    resources={**default_resources(), "dbt": DbtCliResource(project_dir=DBT_PROJECT)},
    # DuckDB admits one writer per file: every step of a run executes in one process, in order.
    executor=dg.in_process_executor,
)
