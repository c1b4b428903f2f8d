{#- Opportunity x touch attribution for BI: the weights of every model (int_touchpoints_attributed)
    beside the opportunity's pipeline and won revenue in the reporting currency, so the credit
    of a touch under a model is weight x amount. -#}

with

opportunities as (

    select distinct
        opportunity_key,
        source_system,
        opportunity_id,
        opportunity_name,
        region,
        created_at,
        close_date,
        is_closed,
        is_won,
        reporting_currency,
        pipeline_amount,
        won_amount
    from {{ ref('int_opportunities_bridged') }}

),

final as (

    select
        weights.attribution_id,
        weights.opportunity_key,
        opportunities.source_system,
        opportunities.opportunity_id,
        opportunities.opportunity_name,
        opportunities.region,
        opportunities.created_at as opportunity_created_at,
        opportunities.close_date,
        opportunities.is_closed,
        opportunities.is_won,
        weights.touchpoint_id,
        weights.person_id,
        weights.occurred_at,
        weights.campaign_key,
        weights.campaign_name,
        weights.channel,
        weights.touch_rank,
        weights.touch_count,
        weights.is_lead_creation_touch,
        weights.days_before_opportunity,
        {%- for model in attribution_models() %}
            weights.{{ model }}_weight,
        {%- endfor %}
        opportunities.reporting_currency,
        opportunities.pipeline_amount,
        opportunities.won_amount
    from {{ ref('int_touchpoints_attributed') }} as weights
    inner join opportunities
        on weights.opportunity_key = opportunities.opportunity_key

)

select * from final
