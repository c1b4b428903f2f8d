{#- Campaign ROI per attribution model, campaign, channel and month, in the reporting currency:
    the sums of int_roi_measures_unioned, influenced opportunities (any touch of the campaign
    before the opportunity's creation, each opportunity counted once per campaign), and the
    ratios of this row (docs/metrics.md; to roll rows up, sum the additive columns and divide
    again). -#}

with

measures as (

    select
        attribution_model,
        campaign_key,
        channel,
        activity_month,
        min(campaign_name) as campaign_name,
        cast(coalesce(sum(spend_amount), 0) as double) as spend_amount,
        cast(coalesce(sum(lead_count), 0) as bigint) as lead_count,
        cast(coalesce(sum(mql_count), 0) as bigint) as mql_count,
        cast(coalesce(sum(sql_count), 0) as double) as sql_count,
        cast(coalesce(sum(pipeline_amount), 0) as double) as pipeline_amount,
        cast(coalesce(sum(won_count), 0) as double) as won_count,
        cast(coalesce(sum(won_amount), 0) as double) as won_amount,
        cast(coalesce(sum(sourced_pipeline_amount), 0) as double) as sourced_pipeline_amount,
        cast(coalesce(sum(sourced_won_amount), 0) as double) as sourced_won_amount
    from {{ ref('int_roi_measures_unioned') }}
    group by attribution_model, campaign_key, channel, activity_month

),

influencing as (

    select distinct
        opportunity_key,
        campaign_key,
        channel,
        cast({{ dbt.date_trunc('month', 'opportunity_created_at') }} as date) as created_month,
        cast({{ dbt.date_trunc('month', 'close_date') }} as date) as closed_month,
        is_won,
        pipeline_amount,
        won_amount
    from {{ ref('fct_attribution') }}

),

influenced as (

    select
        campaign_key,
        channel,
        created_month as activity_month,
        count(*) as opportunity_count,
        sum(pipeline_amount) as pipeline_amount,
        0 as won_amount
    from influencing
    group by campaign_key, channel, created_month

    union all

    select
        campaign_key,
        channel,
        closed_month as activity_month,
        0 as opportunity_count,
        0 as pipeline_amount,
        sum(won_amount) as won_amount
    from influencing
    where is_won
    group by campaign_key, channel, closed_month

),

influenced_summed as (

    select
        campaign_key,
        channel,
        activity_month,
        cast(coalesce(sum(opportunity_count), 0) as bigint) as opportunity_count,
        cast(coalesce(sum(pipeline_amount), 0) as double) as pipeline_amount,
        cast(coalesce(sum(won_amount), 0) as double) as won_amount
    from influenced
    group by campaign_key, channel, activity_month

),

final as (

    select
        measures.attribution_model,
        measures.campaign_key,
        measures.campaign_name,
        measures.channel,
        measures.activity_month,
        {{ sql_string(var('reporting_currency')) }} as reporting_currency,
        measures.spend_amount,
        measures.lead_count,
        measures.mql_count,
        measures.sql_count,
        measures.pipeline_amount,
        measures.won_count,
        measures.won_amount,
        measures.sourced_pipeline_amount,
        measures.sourced_won_amount,
        coalesce(influenced_summed.opportunity_count, 0) as influenced_opportunity_count,
        coalesce(influenced_summed.pipeline_amount, 0) as influenced_pipeline_amount,
        coalesce(influenced_summed.won_amount, 0) as influenced_won_amount,
        measures.spend_amount / nullif(measures.lead_count, 0) as cost_per_lead,
        measures.spend_amount / nullif(measures.mql_count, 0) as cost_per_mql,
        measures.spend_amount / nullif(measures.sql_count, 0) as cost_per_sql,
        (measures.won_amount - measures.spend_amount) / nullif(measures.spend_amount, 0) as roi
    from measures
    left join influenced_summed
        on
            measures.campaign_key = influenced_summed.campaign_key
            and measures.channel = influenced_summed.channel
            and measures.activity_month = influenced_summed.activity_month

)

select * from final
