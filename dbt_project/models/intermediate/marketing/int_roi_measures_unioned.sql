{#- The additive measures of campaign and channel ROI per attribution model, campaign, channel,
    region and month: spend (spend month), leads (month first seen) and MQLs (MQL month) credited
    to the lead's first touch, opportunities (SQLs) and pipeline (creation month) and won deals
    and revenue (close month) credited by the model's weights, and sourced pipeline and revenue
    (the first touch's, beside every model). The reports sum these rows at their coarser grain.
    Summed here rather than kept per source fact: one row per fact and model was 10.7M rows at
    1M people, which took longer to write than to compute. Amounts stay exact decimals, so the
    reports' sums equal those over the facts. -#}
{%- set models = attribution_models() -%}

with

attribution_models as (

    {%- for model in models %}
        select {{ sql_string(model) }} as attribution_model
        {{- '\n        union all' if not loop.last }}
    {%- endfor %}

),

attribution as (

    select * from {{ ref('fct_attribution') }}

),

spend as (

    select
        campaign_key,
        campaign_name,
        channel,
        region,
        spend_date as measured_at,
        spend_amount
    from {{ ref('int_spend_converted') }}

),

leads as (

    select
        campaign_key,
        campaign_name,
        channel,
        region,
        lead_created_at as measured_at,
        1 as lead_count,
        0 as mql_count
    from {{ ref('int_leads_sourced') }}
    where lead_created_at is not null

    union all

    select
        campaign_key,
        campaign_name,
        channel,
        region,
        mql_at as measured_at,
        0 as lead_count,
        1 as mql_count
    from {{ ref('int_leads_sourced') }}
    where mql_at is not null

),

credited as (

    {%- for model in models %}
        select
            {{ sql_string(model) }} as attribution_model,
            campaign_key,
            campaign_name,
            channel,
            region,
            opportunity_created_at as measured_at,
            {{ model }}_weight as sql_count,
            {{ model }}_weight * pipeline_amount as pipeline_amount,
            0 as won_count,
            0 as won_amount,
            case when first_touch_weight = 1 then pipeline_amount else 0 end as sourced_pipeline_amount,
            0 as sourced_won_amount
        from attribution

        union all

        select
            {{ sql_string(model) }} as attribution_model,
            campaign_key,
            campaign_name,
            channel,
            region,
            cast(close_date as {{ dbt.type_timestamp() }}) as measured_at,
            0 as sql_count,
            0 as pipeline_amount,
            {{ model }}_weight as won_count,
            {{ model }}_weight * won_amount as won_amount,
            0 as sourced_pipeline_amount,
            case when first_touch_weight = 1 then won_amount else 0 end as sourced_won_amount
        from attribution
        where is_won
        {{- '\n\n        union all\n' if not loop.last }}
    {%- endfor %}

),

measures as (

    select
        attribution_models.attribution_model,
        spend.campaign_key,
        spend.campaign_name,
        spend.channel,
        spend.region,
        spend.measured_at,
        spend.spend_amount,
        0 as lead_count,
        0 as mql_count,
        0 as sql_count,
        0 as pipeline_amount,
        0 as won_count,
        0 as won_amount,
        0 as sourced_pipeline_amount,
        0 as sourced_won_amount
    from spend
    cross join attribution_models

    union all

    select
        attribution_models.attribution_model,
        leads.campaign_key,
        leads.campaign_name,
        leads.channel,
        leads.region,
        leads.measured_at,
        0 as spend_amount,
        leads.lead_count,
        leads.mql_count,
        0 as sql_count,
        0 as pipeline_amount,
        0 as won_count,
        0 as won_amount,
        0 as sourced_pipeline_amount,
        0 as sourced_won_amount
    from leads
    cross join attribution_models

    union all

    select
        attribution_model,
        campaign_key,
        campaign_name,
        channel,
        region,
        measured_at,
        0 as spend_amount,
        0 as lead_count,
        0 as mql_count,
        sql_count,
        pipeline_amount,
        won_count,
        won_amount,
        sourced_pipeline_amount,
        sourced_won_amount
    from credited

),

final as (

    select
        attribution_model,
        campaign_key,
        campaign_name,
        channel,
        region,
        cast({{ dbt.date_trunc('month', 'measured_at') }} as date) as activity_month,
        {{ leadflow.decimal_sum('spend_amount') }} as spend_amount,
        cast(sum(lead_count) as {{ dbt.type_bigint() }}) as lead_count,
        cast(sum(mql_count) as {{ dbt.type_bigint() }}) as mql_count,
        {{ leadflow.decimal_sum('sql_count') }} as sql_count,
        {{ leadflow.decimal_sum('pipeline_amount') }} as pipeline_amount,
        {{ leadflow.decimal_sum('won_count') }} as won_count,
        {{ leadflow.decimal_sum('won_amount') }} as won_amount,
        {{ leadflow.decimal_sum('sourced_pipeline_amount') }} as sourced_pipeline_amount,
        {{ leadflow.decimal_sum('sourced_won_amount') }} as sourced_won_amount
    from measures
    group by
        attribution_model,
        campaign_key,
        campaign_name,
        channel,
        region,
        cast({{ dbt.date_trunc('month', 'measured_at') }} as date)

)

select * from final
