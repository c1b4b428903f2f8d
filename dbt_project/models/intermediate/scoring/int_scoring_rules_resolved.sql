{#- The scoring rules in force, per rule set, rule and region, as validity intervals
    [valid_from, valid_to): what seed scoring_rules says once every precedence is applied.
      1. Rule sets: a backtest rule set (var scoring_backtest_rulesets) lists only what it
         changes; a (rule_id, region) it does not list keeps the rows of the published rule set
         (var scoring_ruleset).
      2. Regions: for a region, its own row of a rule_id overrides the global ('*') row; a
         rule_id only a region has adds to the global rules. Every region in profile_countries,
         JP and UNKNOWN (no known country) gets the global rules.
      3. Versions: at each valid_from of any row of the rule (global or regional), the newest
         row already valid wins, the regional row before the global one.
    A winning row with 0 points switches the rule off (an override that removes a global rule). -#}
{%- set rulesets = scoring_rulesets() -%}
{%- set base = var('scoring_ruleset', 'live') -%}

with

rules as (

    select * from {{ ref('scoring_rules') }}

),

overlaid as (

    {% for ruleset in rulesets %}
        select
            '{{ ruleset }}' as ruleset,
            rules.rule_id,
            rules.region,
            rules.valid_from,
            rules.dimension,
            rules.attribute,
            rules.operator,
            rules.rule_value,
            rules.filter_attribute,
            rules.filter_operator,
            rules.filter_value,
            rules.points,
            rules.half_life_days,
            rules.max_points_per_day,
            rules.max_points_total,
            rules.description
        from rules
        where
            rules.ruleset = '{{ ruleset }}'
            {% if ruleset != base %}
                or (
                    rules.ruleset = '{{ base }}'
                    and not exists (
                        select 1
                        from rules as proposed
                        where
                            proposed.ruleset = '{{ ruleset }}'
                            and proposed.rule_id = rules.rule_id
                            and proposed.region = rules.region
                    )
                )
            {% endif %}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

regions as (

    select distinct geo_region as region from {{ ref('profile_countries') }}
    union
    select 'JP' as region
    union
    select 'UNKNOWN' as region
    union
    select distinct region
    from rules
    where region <> '*'

),

-- the rows that can apply in a region: its own and the global ones
candidates as (

    select
        regions.region as geo_region,
        overlaid.*
    from overlaid
    inner join regions
        on overlaid.region in (regions.region, '*')

),

boundaries as (

    select distinct
        ruleset,
        rule_id,
        geo_region,
        valid_from as boundary
    from candidates

),

winners as (

    select
        boundaries.boundary,
        candidates.*,
        row_number() over (
            partition by boundaries.ruleset, boundaries.rule_id, boundaries.geo_region, boundaries.boundary
            order by case when candidates.region = '*' then 1 else 0 end, candidates.valid_from desc
        ) as winner_rank
    from boundaries
    inner join candidates
        on
            boundaries.ruleset = candidates.ruleset
            and boundaries.rule_id = candidates.rule_id
            and boundaries.geo_region = candidates.geo_region
            and boundaries.boundary >= candidates.valid_from

),

final as (

    select
        ruleset,
        rule_id,
        geo_region,
        region as rule_region,
        cast(boundary as {{ dbt.type_timestamp() }}) as valid_from,
        cast(
            lead(boundary) over (partition by ruleset, rule_id, geo_region order by boundary)
            as {{ dbt.type_timestamp() }}
        ) as valid_to,
        dimension,
        attribute,
        operator,
        rule_value,
        filter_attribute,
        filter_operator,
        filter_value,
        points,
        half_life_days,
        max_points_per_day,
        max_points_total,
        description
    from winners
    where winner_rank = 1

)

select * from final
where points <> 0
