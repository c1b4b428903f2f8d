{#- The ROI report of one grain (rpt_campaign_roi, rpt_channel_roi): per attribution model, grain
    and month, the sums of int_roi_measures_unioned, the opportunities a grain influenced (any touch
    before the opportunity's creation, each opportunity counted once per grain) and the ratios of
    the row. `labels` are descriptive columns taken per grain with their aggregate. -#}
{% macro roi_report(grain, labels={}) %}

with

measures as (

    select
        attribution_model,
        {{ grain | join(',\n        ') }},
        activity_month,
        {%- for column, aggregate in labels.items() %}
        {{ aggregate }} as {{ column }},
        {%- endfor %}
        {{ leadflow.exact_sum('spend_amount') }} as spend_amount,
        cast(coalesce(sum(lead_count), 0) as bigint) as lead_count,
        cast(coalesce(sum(mql_count), 0) as bigint) as mql_count,
        {{ leadflow.exact_sum('sql_count') }} as sql_count,
        {{ leadflow.exact_sum('pipeline_amount') }} as pipeline_amount,
        {{ leadflow.exact_sum('won_count') }} as won_count,
        {{ leadflow.exact_sum('won_amount') }} as won_amount,
        {{ leadflow.exact_sum('sourced_pipeline_amount') }} as sourced_pipeline_amount,
        {{ leadflow.exact_sum('sourced_won_amount') }} as sourced_won_amount
    from {{ ref('int_roi_measures_unioned') }}
    group by attribution_model, {{ grain | join(', ') }}, activity_month

),

influencing as (

    select distinct
        opportunity_key,
        {{ grain | join(',\n        ') }},
        cast({{ dbt.date_trunc('month', 'opportunity_created_at') }} as date) as created_month,
        cast({{ dbt.date_trunc('month', 'close_date') }} as date) as closed_month,
        is_won,
        pipeline_amount,
        won_amount
    from {{ ref('fct_attribution') }}

),

influenced as (

    select
        {{ grain | join(',\n        ') }},
        created_month as activity_month,
        count(*) as opportunity_count,
        {{ leadflow.exact_sum('pipeline_amount') }} as pipeline_amount,
        0 as won_amount
    from influencing
    group by {{ grain | join(', ') }}, created_month

    union all

    select
        {{ grain | join(',\n        ') }},
        closed_month as activity_month,
        0 as opportunity_count,
        0 as pipeline_amount,
        {{ leadflow.exact_sum('won_amount') }} as won_amount
    from influencing
    where is_won
    group by {{ grain | join(', ') }}, closed_month

),

influenced_summed as (

    select
        {{ grain | join(',\n        ') }},
        activity_month,
        cast(coalesce(sum(opportunity_count), 0) as bigint) as opportunity_count,
        {{ leadflow.exact_sum('pipeline_amount') }} as pipeline_amount,
        {{ leadflow.exact_sum('won_amount') }} as won_amount
    from influenced
    group by {{ grain | join(', ') }}, activity_month

),

final as (

    select
        measures.attribution_model,
        {%- for column in grain + (labels | list) %}
        measures.{{ column }},
        {%- endfor %}
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
            {%- for column in grain %}
            measures.{{ column }} = influenced_summed.{{ column }} and
            {%- endfor %}
            measures.activity_month = influenced_summed.activity_month

)

select * from final

{% endmacro %}
