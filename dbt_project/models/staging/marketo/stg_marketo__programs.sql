{#- One row per Marketo program (the latest delivery wins: the extract has no update stamp). -#}
{{ config(
    materialized='incremental',
    unique_key='program_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_when_delivered(source('marketo', 'programs')) }}",
) }}
{%- set created_at = to_timestamp_flexible('created_at') -%}

with

source as (

    select * from {{ source('marketo', 'programs') }}
    where {{ leadflow.stage_when_emptied() }}

),

renamed as (

    select
        nullif(trim(id), '') as program_id,
        {{ normalize_width('name') }} as program_name,
        nullif(trim(type), '') as program_type,
        nullif(trim(channel), '') as channel,
        {{ created_at }} as created_at,

        {{ type_errors([
            ('created_at', 'created_at', created_at),
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
        partition_by='program_id',
        order_by='_file desc, _row desc'
    ) }}

),

final as (

    select
        program_id,
        program_name,
        program_type,
        channel,
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
