{#- One row per opportunity history entry (immutable; re-deliveries collapse, the latest
    delivery wins). -#}
{{ config(
    materialized='incremental',
    unique_key='opportunity_history_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_when_delivered(source('salesforce', 'opportunity_history')) }}",
) }}
{%- set amount = to_number_flexible('amount') -%}
{%- set close_date = to_date_flexible('close_date') -%}
{%- set created_at = to_timestamp_flexible('created_date') -%}

with

source as (

    select * from {{ source('salesforce', 'opportunity_history') }}
    where {{ leadflow.stage_when_emptied() }}

),

renamed as (

    select
        nullif(trim(id), '') as opportunity_history_id,
        nullif(trim(opportunity_id), '') as opportunity_id,
        nullif(trim(stage_name), '') as stage_name,
        {{ amount }} as amount,
        {{ close_date }} as close_date,
        {{ created_at }} as created_at,

        {{ type_errors([
            ('amount', 'amount', amount),
            ('close_date', 'close_date', close_date),
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
        partition_by='opportunity_history_id',
        order_by='created_at desc nulls last, _file desc, _row desc'
    ) }}

),

final as (

    select
        opportunity_history_id,
        opportunity_id,
        stage_name,
        amount,
        close_date,
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
