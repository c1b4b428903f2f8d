{#- One row per Marketo activity (marketoGUID). Activities are immutable: a re-delivered
    activity collapses into one row, the latest delivery wins. attributes stays JSON text as
    delivered; intermediate models parse it. Incremental (the activity logs are most of the
    rows): a run stages the activities delivered since the last one and replaces them by id. -#}
{{ config(
    materialized='incremental',
    unique_key='activity_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
) }}
{%- set activity_at = to_timestamp_flexible('activity_date') -%}
{%- set activity_type_id = to_number_flexible('activity_type_id', 'integer') -%}

with

source as (

    select * from {{ source('marketo', 'activities') }}
    {% if leadflow.incremental_batch() %}
        where {{ leadflow.delivered_since_last_build(source('marketo', 'activities'), "nullif(trim(marketo_guid), '')") }}
    {% endif %}

),

renamed as (

    select
        nullif(trim(marketo_guid), '') as activity_id,
        nullif(trim(lead_id), '') as lead_id,
        {{ activity_at }} as activity_at,
        {{ activity_type_id }} as activity_type_id,
        nullif(trim(campaign_id), '') as campaign_id,
        nullif(trim(primary_attribute_value_id), '') as primary_attribute_value_id,
        primary_attribute_value,
        attributes,

        {{ type_errors([
            ('activity_date', 'activity_date', activity_at),
            ('activity_type_id', 'activity_type_id', activity_type_id),
        ]) }} as _type_errors,

        -- lineage
        _file,
        _row,
        _loaded_at,
        _batch_id

    from source

),

deduplicated as (

    {{ deduplicate(
        'renamed',
        partition_by='activity_id',
        order_by='_file desc, _row desc'
    ) }}

),

final as (

    select
        activity_id,
        lead_id,
        activity_at,
        activity_type_id,
        campaign_id,
        primary_attribute_value_id,
        primary_attribute_value,
        attributes,
        _type_errors,
        _file,
        _row,
        _loaded_at,
        _batch_id,
        _version_count
    from deduplicated

)

select * from final
