{#- Every attribution model hands out exactly one opportunity's worth of credit: per opportunity
    and model the weights sum to 1 (within the 10-decimal rounding of the weights), and every
    opportunity has attribution rows. Returns the opportunities and models that do not. -#}

with

weights as (

    {%- for model in attribution_models() %}
        select
            opportunity_key,
            {{ sql_string(model) }} as attribution_model,
            {{ model }}_weight as weight
        from {{ ref('fct_attribution') }}
        {{- '\n        union all' if not loop.last }}
    {%- endfor %}

),

sums as (

    select
        opportunity_key,
        attribution_model,
        sum(weight) as weight_sum
    from weights
    group by opportunity_key, attribution_model

),

missing as (

    select distinct
        opportunities.opportunity_key,
        'any' as attribution_model,
        cast(null as double) as weight_sum
    from {{ ref('int_opportunities_bridged') }} as opportunities
    where opportunities.opportunity_key not in (select weights.opportunity_key from weights)

)

select * from sums
where abs(weight_sum - 1) > 0.000001

union all

select * from missing
