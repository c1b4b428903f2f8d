"""Sales topics: SLA compliance with the neglected hot leads, and score calibration."""

from __future__ import annotations

import duckdb

from orchestration.reporting.model import Block, Label, Table, fetch, percent, region_filter
from orchestration.reporting.svg import Bar, bar_chart


def score_calibration(con: duckdb.DuckDBPyConnection, region: str | None) -> list[Block]:
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


def sla_compliance(con: duckdb.DuckDBPyConnection, region: str | None) -> list[Block]:
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
