{#- One row per Marketo activity type (the latest delivery wins). Deduplicated on the id text so
    an id that does not parse stays visible (null activity_type_id, listed in _type_errors). -#}
{{ config(
    materialized='incremental',
    unique_key='activity_type_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_when_delivered(source('marketo', 'activity_types')) }}",
) }}
{%- set activity_type_id = to_number_flexible('id', 'integer') -%}

with

source as (

    select * from {{ source('marketo', 'activity_types') }}
    where {{ leadflow.stage_when_emptied() }}

),

renamed as (

    select
        nullif(trim(id), '') as activity_type_key,
        {{ activity_type_id }} as activity_type_id,
        nullif(trim(name), '') as activity_type_name,

        {{ type_errors([
            ('id', 'id', activity_type_id),
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
        partition_by='activity_type_key',
        order_by='_file desc, _row desc'
    ) }}

),

final as (

    select
        activity_type_id,
        activity_type_name,
        _type_errors,
        _file,
        _row,
        _loaded_at,
        _batch_id,
        _version_count
    from deduplicated

)

select * from final
