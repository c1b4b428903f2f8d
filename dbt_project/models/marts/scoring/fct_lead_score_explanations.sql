{#- Why a person has their score: the top five rules by absolute points in the published score
    as of the scoring time (var scoring_as_of, else the newest touchpoint), with the points each
    adds after its caps, decay and regional override, and the rule's description, so sales can
    read why a lead is hot (or not). -#}

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
    from {{ ref('int_score_rule_values_accumulated') }} as rule_values
    cross join as_of
    where
        rule_values.ruleset = '{{ var("scoring_ruleset", "live") }}'
        and rule_values.changed_at <= as_of.scored_at
    group by rule_values.person_id, rule_values.rule_id

),

descriptions as (

    select
        rule_id,
        max(description) as description
    from {{ ref('int_scoring_rules_resolved') }}
    where ruleset = '{{ var("scoring_ruleset", "live") }}'
    group by rule_id

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
        as_of.scored_at
    from ranked
    cross join as_of
    left join descriptions
        on ranked.rule_id = descriptions.rule_id
    where ranked.contribution_rank <= 5

)

select * from final
