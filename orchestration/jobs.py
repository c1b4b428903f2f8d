"""The jobs of the code location, apart from definitions.py so schedules and sensors can name them."""

from __future__ import annotations

import dagster as dg

DAILY_REFRESH_JOB = "daily_refresh"

daily_refresh = dg.define_asset_job(
    DAILY_REFRESH_JOB,
    selection=dg.AssetSelection.all(),
    description="Load new landing files, build and test every dbt model, publish the marts.",
)
