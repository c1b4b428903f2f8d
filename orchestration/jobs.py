"""The jobs of the code location, apart from definitions.py so schedules and sensors can name them."""

from __future__ import annotations

import dagster as dg

DAILY_REFRESH_JOB = "daily_refresh"
SCORING_REVIEW_JOB = "scoring_review"

# dbt models tagged `scoring_review` are read at the weekly review of the scoring rules (the
# backtest of candidate rule sets, the calibration of grades against later outcomes), not by sales
# each morning. They read every person's score history: 81.5 s of the daily models at 1M people
# (docs/benchmarks.md, eighth run), on the two cores the models sales waits for queue behind.
# dagster-dbt turns a dbt tag into an asset tag with an empty value; the selection takes the
# models' tests (asset checks) with them.
SCORING_REVIEW_TAG = "scoring_review"
scoring_review_models = dg.AssetSelection.tag(SCORING_REVIEW_TAG, "")
_publication = dg.AssetSelection.assets(dg.AssetKey(["published_marts"]), dg.AssetKey(["html_report"]))

daily_refresh = dg.define_asset_job(
    DAILY_REFRESH_JOB,
    selection=dg.AssetSelection.all() - scoring_review_models,
    description=(
        "Load new landing files, build and test every dbt model but the weekly scoring review, "
        "publish the marts, render the team's report."
    ),
)

scoring_review = dg.define_asset_job(
    SCORING_REVIEW_JOB,
    selection=scoring_review_models | _publication,
    description=(
        "Build and test the scoring review reports (backtest, calibration) from the score history "
        "the daily runs left, then publish and render the report."
    ),
)
