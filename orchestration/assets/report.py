"""The report asset: after publishing, the team whose run this is gets a fresh HTML report."""

import dagster as dg

from orchestration import settings
from orchestration.assets.publish import published_marts
from orchestration.publishing.publish import PUBLISHED_DB_NAME
from orchestration.reporting import report_path
from orchestration.reporting.build import build_report
from orchestration.schedules import team_refresh


@dg.asset(
    key=dg.AssetKey(["html_report"]),
    deps=[published_marts],
    group_name="publish",
    kinds={"html"},
    description="Self-contained HTML report (English/Japanese, global and per region) of the published marts",
)
def html_report(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    refresh = team_refresh(context.run.tags.get("team", "global"))
    report = build_report(
        settings.publish_dir() / PUBLISHED_DB_NAME,
        report_path(refresh.team),
        team=refresh.team,
        default_region=refresh.report_region,
        language=refresh.language,
    )
    if report.missing_relations:
        context.log.warning(f"report sections without their marts: {', '.join(report.missing_relations)}")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(report.path)),
            "team": refresh.team,
            "regions": ", ".join(report.regions),
            "charts": report.charts,
        }
    )
