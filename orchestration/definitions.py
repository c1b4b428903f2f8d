"""The leadflow code location: raw loading -> dbt (staging..marts, tests as checks) -> publish -> report,
with a daily schedule per team, a weekly scoring review, a sensor on the landing folder and alarms
as asset checks."""

from __future__ import annotations

import dagster as dg
from dagster_dbt import DbtCliResource

from orchestration.assets.dbt import leadflow_dbt_assets
from orchestration.assets.identity_checks import identity_checks
from orchestration.assets.publish import published_marts
from orchestration.assets.raw import raw_assets
from orchestration.assets.report import html_report
from orchestration.dbt_project import DBT_PROJECT
from orchestration.jobs import DAILY_REFRESH_JOB, SCORING_REVIEW_JOB, daily_refresh, scoring_review
from orchestration.resources import default_resources
from orchestration.schedules import scoring_review_schedule, team_schedules
from orchestration.sensors import landing_sensor

defs = dg.Definitions(
    assets=[*raw_assets, leadflow_dbt_assets, published_marts, html_report],
    asset_checks=identity_checks,
    jobs=[daily_refresh, scoring_review],
    schedules=[*team_schedules, scoring_review_schedule],
    sensors=[landing_sensor],
    resources={**default_resources(), "dbt": DbtCliResource(project_dir=DBT_PROJECT)},
    # DuckDB admits one writer per file: every step of a run executes in one process, in order.
    executor=dg.in_process_executor,
)

__all__ = ["DAILY_REFRESH_JOB", "SCORING_REVIEW_JOB", "defs"]
