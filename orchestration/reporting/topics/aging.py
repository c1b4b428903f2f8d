"""Lead aging per current stage, and which content precedes progression."""

from __future__ import annotations

import duckdb

from orchestration.reporting.model import Block, Label, Table, fetch, percent, region_filter
from orchestration.reporting.svg import Bar, bar_chart, grouped_bar_chart


def lead_aging(con: duckdb.DuckDBPyConnection, region: str | None) -> list[Block]:
    where, parameters = region_filter(region)
    rows = fetch(
        con,
        f"""
        select
            current_stage_code,
            min(current_stage_name_en),
            min(current_stage_name_ja),
            sum(people),
            sum(people_0_7_days),
            sum(people_8_30_days),
            sum(people_31_90_days),
            sum(people_over_90_days)
        from lifecycle.rpt_lead_aging
        where {where}
        group by current_stage_code
        order by current_stage_code
        """,
        parameters,
    )
    title = Label("People per current stage by days in stage", "現ステージ別・滞留日数別の人数")
    buckets = ("0-7 d", "8-30 d", "31-90 d", "> 90 d")
    return [
        Block(
            title,
            grouped_bar_chart(
                "lead_aging",
                title.both(),
                [f"{name_en} / {name_ja}" for _, name_en, name_ja, *_ in rows],
                {bucket: [float(row[4 + index]) for row in rows] for index, bucket in enumerate(buckets)},
            ),
            Table(
                [Label("Stage", "ステージ"), Label("People", "人数")]
                + [Label(f"Days {bucket}", f"滞留 {bucket}") for bucket in buckets],
                [(f"{name_en} / {name_ja}", *counts) for _, name_en, name_ja, *counts in rows],
            ),
        )
    ]


def content_engagement(con: duckdb.DuckDBPyConnection, region: str | None) -> list[Block]:
    where, parameters = region_filter(region)
    rows = fetch(
        con,
        f"""
        select
            content_category,
            sum(people_touched),
            sum(people_progressed),
            sum(comparison_people),
            sum(comparison_people_progressed),
            max(progression_window_days)
        from lifecycle.rpt_content_engagement
        where {where}
        group by content_category
        order by content_category
        """,
        parameters,
    )
    window = rows[0][5] if rows else 0
    title = Label(
        f"Progressed within {window} days of the first touch, by content",
        f"コンテンツ別 初回接触から{window}日以内のステージ前進率",
    )
    return [
        Block(
            title,
            bar_chart(
                "content_engagement",
                title.both(),
                [
                    Bar(category, progressed / touched if touched else 0.0, f"{progressed:,}/{touched:,}")
                    for category, touched, progressed, *_ in rows
                ],
                value_format=percent,
                empty_message="no content touches",
            ),
            Table(
                [
                    Label("Content category", "コンテンツ分類"),
                    Label("People touched", "接触人数"),
                    Label("Progressed", "前進"),
                    Label("Others", "非接触者"),
                    Label("Others progressed", "非接触者の前進"),
                ],
                [row[:5] for row in rows],
            ),
        )
    ]
