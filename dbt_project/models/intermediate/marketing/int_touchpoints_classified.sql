{#- The touchpoints that can take attribution credit (var('attribution_excluded_event_types')
    are left out), each with the campaign and reporting channel ROI groups it under. A touch
    whose campaign name is a known campaign (a Salesforce campaign or Marketo program membership)
    takes that campaign's channel, so a campaign reports under one channel; other named touches
    (a webinar, a trade show, a form) are campaigns of their own; touches without a campaign name
    group under '(no campaign)'. The channel of a lead_created touch is its lead source.
    Incremental: a daily run classifies the touches fct_touchpoints wrote since the last one
    (touch_computed_at); a post-hook deletes those it rewrote or dropped since and that take no
    credit now. A run whose campaigns, channel seed or excluded types differ from those the rows
    were built from (lookups_fingerprint) classifies every touch again. -#}
{{ config(
    materialized='incremental',
    unique_key='touchpoint_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook=[
        "{{ leadflow.add_stored_column('lookups_fingerprint', forget_rows=true) }}",
        "{{ leadflow.add_stored_column('touch_computed_at', forget_rows=true, data_type=dbt.type_timestamp()) }}",
        "{{ leadflow.forget_rows_built_from('lookups_fingerprint', leadflow.touch_classification_lookups()) }}",
    ],
    post_hook="{{ leadflow.delete_stale_rows('touchpoint_id', 'touch_computed_at', ref('fct_touchpoints'),
        current_fingerprint='computed_at') }}",
) }}
{%- set excluded = leadflow.excluded_touch_types() -%}

with

credit_taking as (

    select
        touchpoint_id,
        person_id,
        event_type,
        occurred_at,
        channel as touch_channel,
        lower(trim(campaign_name)) as touch_campaign_key,
        campaign_name,
        event_detail,
        computed_at
    from {{ ref('fct_touchpoints') }}
    {%- if excluded %}
        where event_type not in ({{ excluded | join(', ') }})
    {%- endif %}

),

touchpoints as (

    select credit_taking.*
    from credit_taking
    {%- if leadflow.incremental_batch() %}
        where
            credit_taking.computed_at > (select max(classified.touch_computed_at) from {{ this }} as classified)
            or not exists (select 1 from {{ this }} as classified)
    {%- endif %}

),

channels as (

    select * from {{ ref('marketing_channels') }}

),

final as (

    select
        touchpoints.touchpoint_id,
        touchpoints.person_id,
        touchpoints.event_type,
        touchpoints.occurred_at,
        coalesce(touchpoints.touch_campaign_key, '(no campaign)') as campaign_key,
        coalesce(campaigns.campaign_name, touchpoints.campaign_name, '(no campaign)') as campaign_name,
        coalesce(
            campaigns.channel,
            case
                when touchpoints.event_type = 'lead_created' then lead_source_channels.channel
                else touch_channels.channel
            end,
            'other'
        ) as channel,
        touchpoints.event_type = 'lead_created' as is_lead_creation,
        touchpoints.computed_at as touch_computed_at,
        {{ leadflow.touch_classification_lookups() }} as lookups_fingerprint
    from touchpoints
    left join {{ ref('int_campaigns_unified') }} as campaigns
        on touchpoints.touch_campaign_key = campaigns.campaign_key
    left join channels as lead_source_channels
        on
            lead_source_channels.source_kind = 'lead_source'
            and lower(trim(touchpoints.event_detail)) = lead_source_channels.source_value
    left join channels as touch_channels
        on
            touch_channels.source_kind = 'touch_channel'
            and lower(touchpoints.touch_channel) = touch_channels.source_value

)

select * from final
