{#- One row per Salesforce user (record owner). No modification stamp in the export: the latest
    delivery wins. -#}
{{ config(
    materialized='incremental',
    unique_key='user_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_when_delivered(source('salesforce', 'user')) }}",
) }}
{%- set is_active = to_boolean_flexible('is_active') -%}

with

source as (

    select * from {{ source('salesforce', 'user') }}
    where {{ leadflow.stage_when_emptied() }}

),

renamed as (

    select
        nullif(trim(id), '') as user_id,
        {{ normalize_width('name') }} as user_name,
        email as email_raw,
        {{ normalize_email('email') }} as email,
        {{ is_active }} as is_active,

        {{ type_errors([
            ('email', 'email', normalize_email('email')),
            ('is_active', 'is_active', is_active),
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
        partition_by='user_id',
        order_by='_file desc, _row desc'
    ) }}

),

final as (

    select
        user_id,
        user_name,
        email_raw,
        email,
        is_active,
        _type_errors,
        _file,
        _row,
        _loaded_at,
        _batch_id,
        _version_count
    from deduplicated

)

select * from final
