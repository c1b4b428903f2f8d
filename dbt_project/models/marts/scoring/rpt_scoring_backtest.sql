{#- A proposed rule set against the published one, on the same history: each rule set of var
    scoring_backtest_rulesets (seed scoring_rules rows that change the published set) is scored
    over all events exactly like fct_lead_scores (int_backtest_score_intervals_computed), then
    compared on the monthly point-in-time
    snapshots of macro score_snapshots, per rule set and region: how many leads were above the
    MQL threshold, how many of those and of the rest became an opportunity (SQL) within 90 days,
    and the SQL rate of the top 10% by score. Switch only when the proposal ranks better. -#}
{%- set rulesets = scoring_rulesets() -%}

with

{% for ruleset in rulesets %}
    intervals_{{ loop.index }} as (

        {#- both histories are kept by person (incremental), so a daily run rescores only the
            persons whose inputs changed -#}
        {% if ruleset == var('scoring_ruleset', 'live') %}
            select * from {{ ref('fct_lead_scores') }}
        {% else %}
            select * from {{ ref('int_backtest_score_intervals_computed') }}
            where ruleset = '{{ ruleset }}'
        {% endif %}

    ),

    snapshots_{{ loop.index }} as (

        {{ score_snapshots('intervals_' ~ loop.index) }}

    ),
{% endfor %}

snapshots as (

    {% for ruleset in rulesets %}
        select * from snapshots_{{ loop.index }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

ranked as (

    select
        snapshots.*,
        percent_rank() over (
            partition by snapshots.ruleset, snapshots.snapshot_at
            order by snapshots.total_score desc
        ) as score_percentile
    from snapshots

),

by_region as (

    select
        ruleset,
        geo_region,
        count(*) as lead_snapshots,
        count(case when reached_sql then 1 end) as reached_sql,
        count(case when is_above_threshold then 1 end) as above_threshold,
        count(case when is_above_threshold and reached_sql then 1 end) as above_threshold_reached_sql,
        count(case when not is_above_threshold and reached_sql then 1 end) as below_threshold_reached_sql,
        count(case when score_percentile < 0.1 then 1 end) as top_decile,
        count(case when score_percentile < 0.1 and reached_sql then 1 end) as top_decile_reached_sql
    from ranked
    group by ruleset, geo_region

),

final as (

    select
        ruleset,
        ruleset = '{{ var("scoring_ruleset", "live") }}' as is_published,
        geo_region,
        lead_snapshots,
        reached_sql,
        above_threshold,
        above_threshold_reached_sql,
        below_threshold_reached_sql,
        round(cast(above_threshold_reached_sql as double) / nullif(above_threshold, 0), 4) as mql_sql_rate,
        round(cast(top_decile_reached_sql as double) / nullif(top_decile, 0), 4) as top_decile_sql_rate,
        round(cast(reached_sql as double) / nullif(lead_snapshots, 0), 4) as base_sql_rate
    from by_region

)

select * from final
