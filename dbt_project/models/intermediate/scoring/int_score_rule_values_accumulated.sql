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
        changed_at,
        sum(delta) as delta
    from deltas
    group by ruleset, person_id, geo_region, rule_id, dimension, changed_at

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
        capped.ruleset,
        capped.person_id,
        capped.rule_id,
        capped.dimension,
        capped.changed_at,
        capped.rule_points,
        capped.capped_points,
        capped.capped_points - coalesce(
            lag(capped.capped_points) over (
                partition by capped.ruleset, capped.person_id, capped.rule_id order by capped.changed_at
            ),
            0
        ) as capped_delta,
        -- joined once per row here rather than carried as one more 32-character key through
        -- the grouping and windows above, the model's largest steps (about 150M deltas at 1M people)
        fingerprints.inputs_fingerprint
    from capped
    inner join {{ ref('int_person_score_inputs_fingerprinted') }} as fingerprints
        on capped.person_id = fingerprints.person_id

)

select * from final
