"""What the report shows: one section per topic, each read from the published marts.

Every section answers for one region (or all of them) so each country's page and the global
page are cut from the same numbers. A section whose marts are not in the publication says so
instead of failing the report: a company that drops a mart area still gets the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import duckdb

from orchestration.reporting.svg import Bar, bar_chart, grouped_bar_chart


@dataclass(frozen=True)
class Label:
    en: str
    ja: str

    def both(self) -> str:
        return f"{self.en} / {self.ja}"


@dataclass(frozen=True)
class Table:
    columns: Sequence[Label]
    rows: Sequence[Sequence[object]]


@dataclass(frozen=True)
class Block:
    """One chart with the table behind it (or only a table)."""

    title: Label
    chart: str | None = None
    table: Table | None = None


@dataclass(frozen=True)
class Section:
    key: str
    title: Label
    requires: Sequence[str]
    """Published relations (schema.name) the section reads."""
    build: Callable[[duckdb.DuckDBPyConnection, str | None], list[Block]] = field(repr=False)
    global_only: bool = False
    """Figures that have no region (the loader's reconciliation) appear on the global page only."""


def percent(value: float) -> str:
    return f"{value:.1%}"


def hours(value: float) -> str:
    return f"{value:,.1f} h"


def region_filter(region: str | None, column: str = "geo_region") -> tuple[str, list[object]]:
    """A where clause and its parameters: no filter for the global page."""
    if region is None:
        return "true", []
    return f"{column} = ?", [region]


def fetch(con: duckdb.DuckDBPyConnection, sql: str, parameters: Sequence[object] = ()) -> list[tuple]:
    return con.execute(sql, list(parameters)).fetchall()


def _score_calibration(con: duckdb.DuckDBPyConnection, region: str | None) -> list[Block]:
    where, parameters = region_filter(region)
    rows = fetch(
        con,
        f"""
        select grade, sum(people), sum(reached_sql), sum(reached_won)
        from scoring.rpt_score_calibration
        where {where}
        group by grade
        order by grade
        """,
        parameters,
    )
    title = Label("SQL rate by grade", "グレード別 SQL 化率")
    bars = [Bar(grade, sql / people if people else 0.0, f"of {people:,}") for grade, people, sql, _ in rows]
    return [
        Block(
            title,
            bar_chart("score_calibration", title.both(), bars, value_format=percent),
            Table(
                [
                    Label("Grade", "グレード"),
                    Label("People", "人数"),
                    Label("SQL", "SQL"),
                    Label("Won", "受注"),
                ],
                [(grade, people, sql, won) for grade, people, sql, won in rows],
            ),
        )
    ]


def _sla_compliance(con: duckdb.DuckDBPyConnection, region: str | None) -> list[Block]:
    where, parameters = region_filter(region)
    rows = fetch(
        con,
        f"""
        select
            routed_to_name,
            sum(handoffs),
            sum(accepted_within_sla),
            sum(overdue),
            sum(neglected_hot_leads),
            median(median_response_business_hours)
        from handoff.rpt_sla_compliance
        where {where}
        group by routed_to_name
        order by sum(handoffs) desc, routed_to_name
        """,
        parameters,
    )
    share = Label("Accepted within SLA by owner", "担当者別 SLA 内受諾率")
    bars = [
        Bar(name, within / handoffs if handoffs else 0.0, f"of {handoffs:,}")
        for name, handoffs, within, _, _, _ in rows
    ]
    neglected = fetch(
        con,
        f"""
        select
            coalesce(owner_name, queue_name),
            family_name || ' ' || coalesce(given_name, ''),
            company_name,
            grade,
            business_hours_overdue
        from handoff.fct_handoff_queue
        where {where} and handoff_status = 'overdue' and grade in ('A1', 'A2', 'B1', 'B2')
        order by business_hours_overdue desc, handoff_id
        limit 15
        """,
        parameters,
    )
    return [
        Block(
            share,
            bar_chart("sla_compliance", share.both(), bars, value_format=percent),
            Table(
                [
                    Label("Owner or queue", "担当者・キュー"),
                    Label("Handoffs", "引き渡し"),
                    Label("Within SLA", "SLA 内受諾"),
                    Label("Overdue", "期限超過"),
                    Label("Neglected hot leads", "放置ホットリード"),
                ],
                [row[:5] for row in rows],
            ),
        ),
        Block(
            Label("Neglected hot leads (most overdue first)", "放置されたホットリード(超過順)"),
            table=Table(
                [
                    Label("Owner", "担当者"),
                    Label("Person", "氏名"),
                    Label("Company", "会社"),
                    Label("Grade", "グレード"),
                    Label("Business hours overdue", "超過営業時間"),
                ],
                neglected,
            ),
        ),
    ]


def _data_quality(con: duckdb.DuckDBPyConnection, region: str | None) -> list[Block]:
    rows = fetch(
        con,
        """
        select
            source_system || '.' || source_object,
            delivered_rows,
            rejected_rows,
            staged_records,
            superseded_versions
        from data_quality.dq_source_reconciliation
        order by rejected_rows desc, 1
        """,
    )
    title = Label("Rejected rows per source object", "ソース別 取込不可行数")
    bars = [Bar(name, rejected, f"of {delivered:,}") for name, delivered, rejected, _, _ in rows]
    return [
        Block(
            title,
            bar_chart("data_quality", title.both(), bars),
            Table(
                [
                    Label("Source object", "ソース"),
                    Label("Delivered rows", "受領行数"),
                    Label("Rejected rows", "取込不可"),
                    Label("Staged records", "整形後レコード"),
                    Label("Superseded versions", "旧版"),
                ],
                rows,
            ),
        )
    ]


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


def _channel_roi(con: duckdb.DuckDBPyConnection, region: str | None) -> list[Block]:
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


def _campaign_roi(con: duckdb.DuckDBPyConnection, region: str | None) -> list[Block]:
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


SECTIONS: tuple[Section, ...] = (
    Section(
        "channel_roi",
        Label("Channel ROI and attribution", "チャネル別 ROI とアトリビューション"),
        ("marketing.rpt_channel_roi",),
        _channel_roi,
    ),
    Section(
        "campaign_roi",
        Label("Campaign ROI", "キャンペーン ROI"),
        ("marketing.rpt_campaign_roi",),
        _campaign_roi,
        global_only=True,
    ),
    Section(
        "sla",
        Label("SLA compliance and neglected hot leads", "SLA 遵守と放置ホットリード"),
        ("handoff.rpt_sla_compliance", "handoff.fct_handoff_queue"),
        _sla_compliance,
    ),
    Section(
        "calibration",
        Label("Score calibration", "スコアの検証"),
        ("scoring.rpt_score_calibration",),
        _score_calibration,
    ),
    Section(
        "data_quality",
        Label("Data quality", "データ品質"),
        ("data_quality.dq_source_reconciliation",),
        _data_quality,
        global_only=True,
    ),
)
