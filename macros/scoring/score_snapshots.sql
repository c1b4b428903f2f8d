{#- score_snapshots(intervals, months=12, horizon_days=90): a select of monthly point-in-time
    snapshots of a score history `intervals` (a relation or CTE shaped like fct_lead_scores):
    on the first day of each of the `months` months whose whole horizon lies before the scoring
    time, every person with a score then and no opportunity yet, with the score, grade, region,
    whether they were above the MQL threshold, and whether they reached SAL, SQL (an
    opportunity) or won within `horizon_days` after the snapshot
    (int_person_stage_events_collected). The basis of calibration and backtests. -#}
{% macro score_snapshots(intervals, months=12, horizon_days=90) -%}

    with

    last_snapshot as (

        select
            {{ dbt.date_trunc('month', dbt.dateadd('day', -horizon_days, scoring_as_of())) }} as snapshot_month

    ),

    snapshots as (

        {% for month in range(months) %}
            select
                cast({{ dbt.dateadd('month', -month, 'snapshot_month') }} as {{ dbt.type_timestamp() }})
                    as snapshot_at
            from last_snapshot
            {% if not loop.last %}union all{% endif %}
        {% endfor %}

    ),

    stages as (

        select
            person_id,
            max(case when funnel_stage = 'sal' then reached_at end) as sal_at,
            max(case when funnel_stage = 'sql' then reached_at end) as sql_at,
            max(case when funnel_stage = 'won' then reached_at end) as won_at
        from {{ ref('int_person_stage_events_collected') }}
        group by person_id

    )

    select
        snapshots.snapshot_at,
        scores.person_id,
        scores.ruleset,
        scores.geo_region,
        scores.total_score,
        scores.fit_score,
        scores.engagement_score,
        scores.grade,
        scores.is_above_threshold,
        coalesce(
            stages.sal_at > snapshots.snapshot_at
            and stages.sal_at <= {{ dbt.dateadd('day', horizon_days, 'snapshots.snapshot_at') }},
            false
        ) as reached_sal,
        coalesce(
            stages.sql_at > snapshots.snapshot_at
            and stages.sql_at <= {{ dbt.dateadd('day', horizon_days, 'snapshots.snapshot_at') }},
            false
        ) as reached_sql,
        coalesce(
            stages.won_at > snapshots.snapshot_at
            and stages.won_at <= {{ dbt.dateadd('day', horizon_days, 'snapshots.snapshot_at') }},
            false
        ) as reached_won
    from snapshots
    inner join {{ intervals }} as scores
        on {{ interval_holds('snapshots.snapshot_at', 'scores.valid_from', 'scores.valid_to') }}
    left join stages
        on scores.person_id = stages.person_id
    where stages.sql_at is null or stages.sql_at > snapshots.snapshot_at

{%- endmacro %}
