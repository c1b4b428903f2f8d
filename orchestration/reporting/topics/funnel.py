"""The demand waterfall: stage entries, cohort conversion and days between stages."""

from __future__ import annotations

import itertools

import duckdb

from orchestration.reporting.model import Block, Label, fetch, percent, region_filter
from orchestration.reporting.svg import Bar, bar_chart, grouped_bar_chart


def _stage_names(con: duckdb.DuckDBPyConnection) -> dict[str, Label]:
    """Stage names as the company's stage seed spells them, for the stages people stand in now;
    other stages show their code."""
    rows = fetch(
        con,
        "select distinct current_stage_code, current_stage_name_en, current_stage_name_ja "
        "from lifecycle.dim_person_lifecycle",
    )
    return {code: Label(en, ja) for code, en, ja in rows}


def waterfall(con: duckdb.DuckDBPyConnection, region: str | None) -> list[Block]:
    where, parameters = region_filter(region, column="persons.geo_region")
    entries = fetch(
        con,
        f"""
        select
            transitions.stage_code,
            min(transitions.stage_order),
            min(transitions.stage_kind),
            count(*),
            count(distinct transitions.person_id)
        from lifecycle.fct_stage_transitions as transitions
        left join core.dim_person as persons
            on transitions.person_id = persons.person_id
        where transitions.stage_kind in ('funnel', 'outcome') and {where}
        group by transitions.stage_code
        order by min(transitions.stage_order)
        """,
        parameters,
    )
    where, parameters = region_filter(region)
    conversion = {
        (from_code, to_code): (reached, entered, mean_days)
        for from_code, to_code, reached, entered, mean_days in fetch(
            con,
            f"""
            select
                from_stage_code,
                to_stage_code,
                sum(reached_count),
                sum(entered_count),
                sum(avg_days_to_reach * observed_pair_count) / nullif(sum(observed_pair_count), 0)
            from lifecycle.rpt_stage_velocity
            where {where}
            group by from_stage_code, to_stage_code
            """,
            parameters,
        )
    }
    names = _stage_names(con)

    def name(code: str) -> Label:
        return names.get(code, Label(code.upper(), code.upper()))

    bars = [Bar(name(code), count, f"({people:,} people)") for code, _, _, count, people in entries]
    conversions, days = [], []
    # an outcome (won, lost) converts into nothing: the steps end at the first one
    steps = [(before, after) for before, after in itertools.pairwise(entries) if before[2] != "outcome"]
    for (from_code, *_), (to_code, *_) in steps:
        reached, entered, mean_days = conversion.get((from_code, to_code), (0, 0, None))
        step = Label(
            f"{name(from_code).en} → {name(to_code).en}", f"{name(from_code).ja} → {name(to_code).ja}"
        )
        conversions.append(Bar(step, reached / entered if entered else 0.0, f"{reached:,}/{entered:,}"))
        if mean_days is not None:
            days.append(Bar(step, mean_days))
    entries_title = Label("Stage entries", "ステージ到達数")
    conversion_title = Label("Cohort conversion to the next stage", "次ステージへのコホート転換率")
    velocity = Label("Mean days to the next stage", "次ステージまでの平均日数")
    return [
        Block(
            entries_title,
            bar_chart("waterfall", entries_title.both(), bars, empty_message="no stage entries"),
        ),
        Block(
            conversion_title,
            bar_chart(
                "conversion",
                conversion_title.both(),
                conversions,
                value_format=percent,
                empty_message="no cohorts",
            ),
        ),
        Block(velocity, bar_chart("velocity", velocity.both(), days, value_format=lambda v: f"{v:,.1f} d")),
    ]


# The stages the period chart follows month by month.
PERIOD_STAGES = ("mql", "sql", "won")
PERIOD_MONTHS = 6


def funnel_by_channel(con: duckdb.DuckDBPyConnection, region: str | None) -> list[Block]:
    where, parameters = region_filter(region)
    cohorts = fetch(
        con,
        f"""
        select channel, sum(cohort_reached_count), sum(cohort_size)
        from reporting.rpt_funnel_cohorts
        where {where} and stage_code = 'sql'
        group by channel
        order by channel
        """,
        parameters,
    )
    periods = fetch(
        con,
        f"""
        select period_month, stage_code, sum(period_stage_entries)
        from reporting.rpt_funnel_periods
        where {where}
            and stage_code in ({", ".join("?" for _ in PERIOD_STAGES)})
            and period_month in (
                select distinct period_month from reporting.rpt_funnel_periods
                order by period_month desc
                limit {PERIOD_MONTHS}
            )
        group by period_month, stage_code
        order by period_month
        """,
        [*parameters, *PERIOD_STAGES],
    )
    months = sorted({month for month, _, _ in periods})
    entries = {(month, stage): count for month, stage, count in periods}
    cohort_title = Label(
        "Cohort conversion from inquiry to SQL by channel", "チャネル別 問い合わせ→SQL 転換率(コホート)"
    )
    period_title = Label("Stage entries per month (period)", "月別ステージ到達数(期間)")
    return [
        Block(
            cohort_title,
            bar_chart(
                "cohort_sql_rate_by_channel",
                cohort_title.both(),
                [
                    Bar(channel, reached / size if size else 0.0, f"{reached:,}/{size:,}")
                    for channel, reached, size in cohorts
                ],
                value_format=percent,
                empty_message="no cohorts",
            ),
        ),
        Block(
            period_title,
            grouped_bar_chart(
                "period_stage_entries",
                period_title.both(),
                [month.strftime("%Y-%m") for month in months],
                {
                    stage.upper(): [float(entries.get((month, stage), 0)) for month in months]
                    for stage in PERIOD_STAGES
                },
            ),
        ),
    ]
