{#- One row per contact property change; the lifecycle-stage history is property = 'lifecyclestage'.
    The export has no id: the record key is contact + property + change time (the parsed time, so
    epoch-millis and ISO deliveries of the same change agree; the raw text when it does not parse). -#}
{{ config(
    materialized='incremental',
    unique_key='property_history_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_when_delivered(source('hubspot', 'contact_property_history')) }}",
) }}
{%- set changed_at = to_timestamp_flexible(adapter.quote('timestamp')) -%}

with

source as (

    select * from {{ source('hubspot', 'contact_property_history') }}
    where {{ leadflow.stage_when_emptied() }}

),

renamed as (

    select
        {{ surrogate_key([
            'trim(contact_id)',
            'trim(property)',
            'coalesce(' ~ dbt.cast(changed_at, dbt.type_string()) ~ ', trim(' ~ adapter.quote('timestamp') ~ '))',
        ]) }} as property_history_id,
        nullif(trim(contact_id), '') as contact_id,
        nullif(trim(property), '') as property_name,
        value as property_value,
        {{ changed_at }} as changed_at,
        nullif(upper(trim(source_type)), '') as source_type,

        {{ type_errors([
            ('timestamp', adapter.quote('timestamp'), changed_at),
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
        partition_by='property_history_id',
        order_by='_file desc, _row desc'
    ) }}

),

final as (

    select
        property_history_id,
        contact_id,
        property_name,
        property_value,
        changed_at,
        source_type,
        _type_errors,
        _file,
        _row,
        _loaded_at,
        _batch_id,
        _version_count
    from deduplicated

)

select * from final
