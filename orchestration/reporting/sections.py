"""What the report shows, in page order: one section per topic, each read from the published
marts. Every section answers for one region or for all, so each country's page and the global
page are cut from the same numbers. A section whose marts are not in the publication says so
instead of failing the report: a company that drops a mart area still gets the rest.
"""

from __future__ import annotations

from orchestration.reporting.model import Label, Section
from orchestration.reporting.topics import aging, funnel, marketing, quality, sales

SECTIONS: tuple[Section, ...] = (
    Section(
        "waterfall",
        Label("Demand waterfall and velocity", "デマンドウォーターフォールと速度"),
        ("lifecycle.fct_stage_transitions", "lifecycle.rpt_stage_velocity", "lifecycle.dim_person_lifecycle"),
        funnel.waterfall,
    ),
    Section(
        "funnel_by_channel",
        Label("Funnel by channel and by month", "チャネル別・月別ファネル"),
        ("reporting.rpt_funnel_cohorts", "reporting.rpt_funnel_periods"),
        funnel.funnel_by_channel,
    ),
    Section(
        "lead_aging",
        Label("Lead aging", "リードの滞留"),
        ("lifecycle.rpt_lead_aging",),
        aging.lead_aging,
    ),
    Section(
        "content_engagement",
        Label("Content that precedes progression", "前進に先立つコンテンツ"),
        ("lifecycle.rpt_content_engagement",),
        aging.content_engagement,
    ),
    Section(
        "channel_roi",
        Label("Channel ROI and attribution", "チャネル別 ROI とアトリビューション"),
        ("marketing.rpt_channel_roi",),
        marketing.channel_roi,
    ),
    Section(
        "campaign_roi",
        Label("Campaign ROI", "キャンペーン ROI"),
        ("marketing.rpt_campaign_roi",),
        marketing.campaign_roi,
        global_only=True,
    ),
    Section(
        "sla",
        Label("SLA compliance and neglected hot leads", "SLA 遵守と放置ホットリード"),
        ("handoff.rpt_sla_compliance", "handoff.fct_handoff_queue"),
        sales.sla_compliance,
    ),
    Section(
        "calibration",
        Label("Score calibration", "スコアの検証"),
        ("scoring.rpt_score_calibration",),
        sales.score_calibration,
    ),
    Section(
        "data_quality",
        Label("Data quality", "データ品質"),
        ("data_quality.dq_source_reconciliation",),
        quality.data_quality,
        global_only=True,
    ),
    Section(
        "source_quality",
        Label("Completeness and validity per source", "ソース別の完全性と妥当性"),
        ("data_quality.dq_source_quality",),
        quality.source_quality,
        global_only=True,
    ),
)
