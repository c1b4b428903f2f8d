{#- The unified touchpoint stream, one row per behavioural event (touchpoint_id), incremental:
    a run writes the events loaded since the last run plus every event whose source record moved
    to another person or account since then (identity merges and splits), replacing rows by
    touchpoint_id,
    and a post-hook deletes events that left the stream (their record left the bridge), so an
    incremental run and a full refresh hold the same rows. -#}
{{ config(
    materialized='incremental',
    unique_key='touchpoint_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    post_hook="{{ leadflow.prune_orphans('touchpoint_id', ref('int_touchpoints_unioned')) }}",
) }}

with

touchpoints as (

    select * from {{ ref('int_touchpoints_unioned') }}

    {% if leadflow.incremental_batch() %}
        where
            _loaded_at > (select max(watermark._loaded_at) from {{ this }} as watermark)
            or resolved_at > (select max(watermark.resolved_at) from {{ this }} as watermark)
    {% endif %}

),

final as (

    select
        touchpoint_id,
        person_id,
        account_id,
        event_type,
        occurred_at,
        channel,
        campaign_id,
        campaign_name,
        content_category,
        event_detail,
        source_system,
        source_object,
        source_event_id,
        _loaded_at,
        resolved_at,
        {{ leadflow.run_timestamp() }} as computed_at
    from touchpoints

)

select * from final
