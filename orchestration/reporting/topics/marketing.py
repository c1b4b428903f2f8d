"""Marketing topics: channel ROI under the attribution models, and campaign ROI."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from orchestration.reporting.model import Block, Label, Table, fetch, percent, region_filter
from orchestration.reporting.svg import Bar, bar_chart, grouped_bar_chart


def spend_and_revenue_chart(key: str, title: Label, rows: Sequence[tuple[str, float, float]]) -> str:
    """Spend next to won revenue per channel or campaign: (name, spend, revenue) rows."""
    return grouped_bar_chart(
        key,
        title.both(),
        [name for name, _, _ in rows],
        {"spend / 費用": [spend for _, spend, _ in rows], "won / 受注額": [won for _, _, won in rows]},
    )


# The model the ROI charts use; the table beside them shows every model's pipeline.
REPORTED_ATTRIBUTION_MODEL = "w_shaped"
ATTRIBUTION_MODELS = ("first_touch", "last_touch", "linear", "u_shaped", "w_shaped", "time_decay")


def channel_roi(con: duckdb.DuckDBPyConnection, region: str | None) -> list[Block]:
    where, parameters = region_filter(region, column="region")
    model = REPORTED_ATTRIBUTION_MODEL
    pipeline_per_model = ", ".join(
        f"coalesce(sum(pipeline_amount) filter (where attribution_model = '{name}'), 0)"
        for name in ATTRIBUTION_MODELS
    )
    rows = fetch(
        con,
        f"""
        select
            channel,
            coalesce(sum(spend_amount) filter (where attribution_model = ?), 0),
            coalesce(sum(won_amount) filter (where attribution_model = ?), 0),
            {pipeline_per_model}
        from marketing.rpt_channel_roi
        where {where}
        group by channel
        order by channel
        """,
        [model, model, *parameters],
    )
    spend_title = Label(f"Spend and won revenue by channel ({model})", f"チャネル別 費用と受注額({model})")
    roi_title = Label(f"ROI by channel ({model})", f"チャネル別 ROI({model})")
    roi_bars = [Bar(channel, (won - spend) / spend) for channel, spend, won, *_ in rows if spend]
    return [
        Block(
            spend_title, spend_and_revenue_chart("channel_spend_revenue", spend_title, [r[:3] for r in rows])
        ),
        Block(
            roi_title,
            bar_chart(
                "channel_roi", roi_title.both(), roi_bars, value_format=percent, empty_message="no spend"
            ),
            Table(
                [Label("Channel", "チャネル"), Label("Spend", "費用"), Label("Won revenue", "受注額")]
                + [Label(f"Pipeline, {name}", f"パイプライン({name})") for name in ATTRIBUTION_MODELS],
                rows,
            ),
        ),
    ]


def campaign_roi(con: duckdb.DuckDBPyConnection, region: str | None) -> list[Block]:
    rows = fetch(
        con,
        """
        select
            campaign_name,
            sum(spend_amount),
            sum(lead_count),
            sum(sql_count),
            sum(pipeline_amount),
            sum(won_amount)
        from marketing.rpt_campaign_roi
        where attribution_model = ?
        group by campaign_name
        order by sum(won_amount) desc nulls last, sum(pipeline_amount) desc nulls last, campaign_name
        limit 15
        """,
        [REPORTED_ATTRIBUTION_MODEL],
    )
    title = Label(f"Campaigns by won revenue ({REPORTED_ATTRIBUTION_MODEL})", "キャンペーン別 受注額")
    spend_and_won = [(name, spend or 0.0, won or 0.0) for name, spend, *_, won in rows]
    return [
        Block(
            title,
            spend_and_revenue_chart("campaign_spend_revenue", title, spend_and_won),
            Table(
                [
                    Label("Campaign", "キャンペーン"),
                    Label("Spend", "費用"),
                    Label("Leads", "リード"),
                    Label("SQLs", "SQL"),
                    Label("Pipeline", "パイプライン"),
                    Label("Won revenue", "受注額"),
                ],
                rows,
            ),
        )
    ]
