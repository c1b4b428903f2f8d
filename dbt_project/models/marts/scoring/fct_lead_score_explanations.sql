{#- Why a person has their score: the top five rules by absolute points in the published score
    as of the scoring time (var scoring_as_of, else the newest touchpoint), with the points each
    adds after its caps, decay and regional override, and the rule's description, so sales can
    read why a lead is hot (or not).
    Incremental by person: a daily run explains again the persons whose scoring inputs changed
    (int_person_score_inputs_logged, as the scoring chain) and those with a rule value change
    point between the stored and the new scoring time (macro scoring_time_moved); the others'
    points are the same at both times, and a post-hook gives their rows the new scoring time and
    current rule descriptions. Grouping all 41.9M rule values took 18-36 s of a daily run at 1M
    people. -#}
{%- set ruleset = var('scoring_ruleset', 'live') -%}
{%- set rule_values = ref('int_score_rule_values_accumulated') -%}
{{ config(
    materialized='incremental',
    unique_key='person_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook=[
        "{{ leadflow.forget_changed_persons(ref('int_person_score_inputs_logged')) }}",
        "{{ leadflow.forget_moved_explanations(ref('int_score_rule_values_accumulated'), scoring_as_of()) }}",
    ],
    post_hook="{{ leadflow.restamp_explanations(scoring_as_of(), ref('int_scoring_rules_resolved')) }}",
) }}

with

as_of as (

    select {{ scoring_as_of() }} as scored_at

),

-- each rule's value at the scoring time: its newest change point, by aggregate (a window ranking
-- every change point held ~50M rows at 1M people in memory)
latest as (

    select
        rule_values.person_id,
        rule_values.rule_id,
        max(rule_values.dimension) as dimension,
        {{ leadflow.value_at_latest('rule_values.capped_points', 'rule_values.changed_at') }} as capped_points
    from {{ rule_values }} as rule_values
    cross join as_of
    where
        rule_values.ruleset = '{{ ruleset }}'
        and rule_values.changed_at <= as_of.scored_at
        and (
            {{ leadflow.in_person_batch('rule_values.person_id', ref('int_person_score_inputs_logged')) }}
            or {{ leadflow.scoring_time_moved('rule_values.person_id', rule_values, scoring_as_of()) }}
        )
    group by rule_values.person_id, rule_values.rule_id

),

descriptions as (

    {{ leadflow.rule_descriptions(ref('int_scoring_rules_resolved')) }}

),

ranked as (

    select
        latest.person_id,
        latest.rule_id,
        latest.dimension,
        round(latest.capped_points, 1) as points,
        -- row_number() is a bigint on DuckDB and an int on Spark; the contract says bigint
        cast(row_number() over (
            partition by latest.person_id
            order by abs(latest.capped_points) desc, latest.rule_id
        ) as bigint) as contribution_rank
    from latest
    where round(latest.capped_points, 1) <> 0

),

final as (

    select
        {{ surrogate_key(['ranked.person_id', 'ranked.contribution_rank']) }} as explanation_id,
        ranked.person_id,
        ranked.contribution_rank,
        ranked.rule_id,
        ranked.dimension,
        ranked.points,
        descriptions.description,
        as_of.scored_at,
        {{ leadflow.run_timestamp() }} as computed_at
    from ranked
    cross join as_of
    left join descriptions
        on ranked.rule_id = descriptions.rule_id
    where ranked.contribution_rank <= 5

)

select * from final
