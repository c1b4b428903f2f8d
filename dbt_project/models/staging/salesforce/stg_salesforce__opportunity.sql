{#- One row per Salesforce opportunity: the newest version by SystemModstamp, then delivery order. -#}
{{ config(
    materialized='incremental',
    unique_key='opportunity_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_when_delivered(source('salesforce', 'opportunity')) }}",
) }}
{%- set amount = to_number_flexible('amount') -%}
{%- set close_date = to_date_flexible('close_date') -%}
{%- set is_closed = to_boolean_flexible('is_closed') -%}
{%- set is_won = to_boolean_flexible('is_won') -%}
{%- set created_at = to_timestamp_flexible('created_date') -%}
{%- set modified_at = to_timestamp_flexible('system_modstamp') -%}
{%- set is_deleted = to_boolean_flexible('is_deleted') -%}

with

source as (

    select * from {{ source('salesforce', 'opportunity') }}
    where {{ leadflow.stage_when_emptied() }}

),

renamed as (

    select
        nullif(trim(id), '') as opportunity_id,
        nullif(trim(account_id), '') as account_id,
        {{ normalize_width('name') }} as opportunity_name,

        -- pipeline
        nullif(trim(stage_name), '') as stage_name,
        {{ amount }} as amount,
        nullif(upper(trim(currency_iso_code)), '') as currency_iso_code,
        {{ close_date }} as close_date,
        {{ is_closed }} as is_closed,
        {{ is_won }} as is_won,

        -- attribution and ownership
        nullif(trim(campaign_id), '') as campaign_id,
        nullif(trim(lead_source), '') as lead_source,
        nullif(trim(owner_id), '') as owner_id,

        -- versioning and soft delete
        {{ created_at }} as created_at,
        {{ modified_at }} as modified_at,
        coalesce({{ is_deleted }}, false) as is_deleted,

        {{ type_errors([
            ('amount', 'amount', amount),
            ('close_date', 'close_date', close_date),
            ('is_closed', 'is_closed', is_closed),
            ('is_won', 'is_won', is_won),
            ('created_date', 'created_date', created_at),
            ('system_modstamp', 'system_modstamp', modified_at),
            ('is_deleted', 'is_deleted', is_deleted),
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
        partition_by='opportunity_id',
        order_by='modified_at desc nulls last, _file desc, _row desc'
    ) }}

),

final as (

    select
        opportunity_id,
        account_id,
        opportunity_name,
        stage_name,
        amount,
        currency_iso_code,
        close_date,
        is_closed,
        is_won,
        campaign_id,
        lead_source,
        owner_id,
        created_at,
        modified_at,
        is_deleted,
        _type_errors,
        _file,
        _row,
        _loaded_at,
        _batch_id,
        _version_count
    from deduplicated

)

select * from final
