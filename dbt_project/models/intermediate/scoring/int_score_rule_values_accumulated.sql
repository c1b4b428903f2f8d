{#- Each rule's value for each person over time: one row per rule set, person, rule and change
    point `changed_at`, with the rule's summed contributions from then on (rule_points, before the
    cap) and after its total cap (capped_points: limited to max_points_total of the rule version
    in force, in either direction), and capped_delta, the change of the capped value there.
    Summing capped_delta over rules and time gives the score at any moment without a row per day:
    the contributions' starts add their points, their ends take them away.
    The grouping and the window run on integer keys for person and rule, joined back to their
    names at the end: at 1M people they hold ~150M deltas, and 32-character text keys made them
    spill past the disk. Incremental by person, like the contributions it sums
    (macros/scoring/scoring_batch.sql). -#}
{{ config(
    materialized='incremental',
    unique_key='person_id',
    incremental_strategy=leadflow.incremental_strategy(rows_forgotten=true),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_changed_persons(ref('int_person_score_inputs_logged')) }}",
) }}
{%- set by_rule_over_time = 'partition by person_key, rule_key order by changed_at' -%}
{%- set window_buckets = leadflow.window_buckets('scoring_rule_value_window_buckets') -%}

with

rules as (

    select * from {{ ref('int_scoring_rules_resolved') }}

),

person_keys as (

    select
        person_id,
        row_number() over (order by person_id) as person_key
    from {{ ref('int_person_score_inputs_fingerprinted') }}

),

-- a rule of a rule set in one region: what a person's contributions to a rule share
rule_keys as (

    select
        ruleset,
        geo_region,
        rule_id,
        dimension,
        row_number() over (order by ruleset, geo_region, rule_id) as rule_key
    from (
        select
            ruleset,
            geo_region,
            rule_id,
            max(dimension) as dimension
        from rules
        group by ruleset, geo_region, rule_id
    ) as distinct_rules

),

total_caps as (

    select
        rule_keys.rule_key,
        rules.valid_from,
        rules.valid_to,
        rules.max_points_total
    from rules
    inner join rule_keys
        on
            rules.ruleset = rule_keys.ruleset
            and rules.geo_region = rule_keys.geo_region
            and rules.rule_id = rule_keys.rule_id
    where rules.max_points_total is not null

),

contributions as (

    select
        person_keys.person_key,
        rule_keys.rule_key,
        contributions.segment_start,
        contributions.segment_end,
        contributions.points
    from {{ ref('int_score_contributions_computed') }} as contributions
    inner join person_keys
        on contributions.person_id = person_keys.person_id
    inner join rule_keys
        on
            contributions.ruleset = rule_keys.ruleset
            and contributions.geo_region = rule_keys.geo_region
            and contributions.rule_id = rule_keys.rule_id
    where {{ leadflow.in_person_batch('contributions.person_id', ref('int_person_score_inputs_logged')) }}
        and {{ leadflow.changed_since_last_run('contributions.computed_at') }}

),

-- a contribution's start adds its points, its end takes them away; one pass over the
-- contributions (a union of two selects would make DuckDB materialize them)
segment_edges as (

    select true as is_start
    union all
    select false as is_start

),

change_points as (

    select
        contributions.person_key,
        contributions.rule_key,
        case when segment_edges.is_start then contributions.segment_start else contributions.segment_end end
            as changed_at,
        sum(case when segment_edges.is_start then contributions.points else -contributions.points end) as delta
    from contributions
    cross join segment_edges
    where segment_edges.is_start or contributions.segment_end is not null
    group by
        contributions.person_key,
        contributions.rule_key,
        case when segment_edges.is_start then contributions.segment_start else contributions.segment_end end

),

capped_change_points as (

    select
        change_points.*,
        total_caps.max_points_total
    from change_points
    left join total_caps
        on
            change_points.rule_key = total_caps.rule_key
            and {{ interval_holds('change_points.changed_at', 'total_caps.valid_from', 'total_caps.valid_to') }}

),

-- one window: the value before a change point is the running sum less its delta, capped by the
-- rule version in force at the previous change point (the first point starts from 0). Run once
-- per bucket of persons: DuckDB holds a window's whole input in memory (96M change points at 1M
-- people ran out of 6 GB; in eight buckets they peaked at 3.9 GB, four fit the 5 GB limit). As
-- few buckets as fit: each one scans all the change points again (var
-- scoring_rule_value_window_buckets)
running as (

    {% for bucket in range(window_buckets) %}
        select
            person_key,
            rule_key,
            changed_at,
            max_points_total,
            round(sum(delta) over ({{ by_rule_over_time }} rows between unbounded preceding and current row), 4)
                as rule_points,
            round(
                sum(delta) over ({{ by_rule_over_time }} rows between unbounded preceding and current row) - delta,
                4
            ) as previous_rule_points,
            lag(max_points_total) over ({{ by_rule_over_time }}) as previous_max_points_total
        from capped_change_points
        where {{ leadflow.in_person_bucket('person_key', bucket, window_buckets) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        rule_keys.ruleset,
        person_keys.person_id,
        rule_keys.rule_id,
        rule_keys.dimension,
        running.changed_at,
        running.rule_points,
        {{ clamp_points('running.rule_points', 'running.max_points_total') }} as capped_points,
        {{ clamp_points('running.rule_points', 'running.max_points_total') }}
        - {{ clamp_points('running.previous_rule_points', 'running.previous_max_points_total') }} as capped_delta,
        {{ leadflow.run_timestamp() }} as computed_at
    from running
    inner join person_keys
        on running.person_key = person_keys.person_key
    inner join rule_keys
        on running.rule_key = rule_keys.rule_key

)

select * from final
