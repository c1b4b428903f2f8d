{#- One row per lead field-history entry (immutable; re-deliveries collapse, the latest delivery
    wins). Old and new values stay text: their type depends on the field. -#}
{{ config(
    materialized='incremental',
    unique_key='lead_history_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_when_delivered(source('salesforce', 'lead_history')) }}",
) }}
{%- set created_at = to_timestamp_flexible('created_date') -%}

with

source as (

    select * from {{ source('salesforce', 'lead_history') }}
    where {{ leadflow.stage_when_emptied() }}

),

renamed as (

    select
        nullif(trim(id), '') as lead_history_id,
        nullif(trim(lead_id), '') as lead_id,
        nullif(trim(field), '') as field_name,
        old_value,
        new_value,
        {{ created_at }} as created_at,

        {{ type_errors([
            ('created_date', 'created_date', created_at),
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
        partition_by='lead_history_id',
        order_by='_file desc, _row desc'
    ) }}

),

final as (

    select
        lead_history_id,
        lead_id,
        field_name,
        old_value,
        new_value,
        created_at,
        _type_errors,
        _file,
        _row,
        _loaded_at,
        _batch_id,
        _version_count
    from deduplicated

)

select * from final
