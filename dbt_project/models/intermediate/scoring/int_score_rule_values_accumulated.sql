{#- Each rule's value for each person over time: one row per rule set, person, rule and change
    point `changed_at`, with the rule's summed contributions from then on (rule_points, before the
    cap) and after its total cap (capped_points: limited to max_points_total of the rule version
    in force, in either direction), and capped_delta, the change of the capped value there.
    Summing capped_delta over rules and time gives the score at any moment without a row per day:
    the contributions' starts add their points, their ends take them away.
    Incremental by person, like the contributions it sums (macros/scoring/scoring_batch.sql). -#}
{{ config(
    materialized='incremental',
    unique_key='person_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_stale_scores(ref('int_person_score_inputs_fingerprinted')) }}",
) }}

with

contributions as (

    select * from {{ ref('int_score_contributions_computed') }}
    where {{ leadflow.in_scoring_batch('person_id', ref('int_person_score_inputs_fingerprinted')) }}

),

deltas as (

    select
        ruleset,
        person_id,
        geo_region,
        rule_id,
        dimension,
        inputs_fingerprint,
        segment_start as changed_at,
        points as delta
    from contributions

    union all

    select
        ruleset,
        person_id,
        geo_region,
        rule_id,
        dimension,
        inputs_fingerprint,
        segment_end as changed_at,
        -points as delta
    from contributions
    where segment_end is not null

),

change_points as (

    select
        ruleset,
        person_id,
        geo_region,
        rule_id,
        dimension,
        inputs_fingerprint,
        changed_at,
        sum(delta) as delta
    from deltas
    group by ruleset, person_id, geo_region, rule_id, dimension, inputs_fingerprint, changed_at

),

running as (

    select
        change_points.*,
        round(
            sum(change_points.delta) over (
                partition by change_points.ruleset, change_points.person_id, change_points.rule_id
                order by change_points.changed_at
                rows between unbounded preceding and current row
            ),
            4
        ) as rule_points
    from change_points

),

capped as (

    select
        running.ruleset,
        running.person_id,
        running.rule_id,
        running.dimension,
        running.inputs_fingerprint,
        running.changed_at,
        running.rule_points,
        {{ clamp_points('running.rule_points', 'rules.max_points_total') }} as capped_points
    from running
    left join {{ ref('int_scoring_rules_resolved') }} as rules
        on
            running.ruleset = rules.ruleset
            and running.rule_id = rules.rule_id
            and running.geo_region = rules.geo_region
            and {{ interval_holds('running.changed_at', 'rules.valid_from', 'rules.valid_to') }}

),

final as (

    select
        ruleset,
        person_id,
        rule_id,
        dimension,
        changed_at,
        rule_points,
        capped_points,
        capped_points - coalesce(
            lag(capped_points) over (partition by ruleset, person_id, rule_id order by changed_at),
            0
        ) as capped_delta,
        inputs_fingerprint
    from capped

)

select * from final
