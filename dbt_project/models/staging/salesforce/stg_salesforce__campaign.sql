{#- One row per Salesforce campaign. The export has no modification stamp: the latest delivery
    wins. -#}
{{ config(
    materialized='incremental',
    unique_key='campaign_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_when_delivered(source('salesforce', 'campaign')) }}",
) }}
{%- set start_date = to_date_flexible('start_date') -%}
{%- set end_date = to_date_flexible('end_date') -%}
{%- set actual_cost = to_number_flexible('actual_cost') -%}

with

source as (

    select * from {{ source('salesforce', 'campaign') }}
    where {{ leadflow.stage_when_emptied() }}

),

renamed as (

    select
        nullif(trim(id), '') as campaign_id,
        {{ normalize_width('name') }} as campaign_name,
        nullif(trim(type), '') as campaign_type,
        nullif(trim(status), '') as campaign_status,
        {{ start_date }} as start_date,
        {{ end_date }} as end_date,
        {{ actual_cost }} as actual_cost,
        nullif(upper(trim(currency_iso_code)), '') as currency_iso_code,

        {{ type_errors([
            ('start_date', 'start_date', start_date),
            ('end_date', 'end_date', end_date),
            ('actual_cost', 'actual_cost', actual_cost),
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
        partition_by='campaign_id',
        order_by='_file desc, _row desc'
    ) }}

),

final as (

    select
        campaign_id,
        campaign_name,
        campaign_type,
        campaign_status,
        start_date,
        end_date,
        actual_cost,
        currency_iso_code,
        _type_errors,
        _file,
        _row,
        _loaded_at,
        _batch_id,
        _version_count
    from deduplicated

)

select * from final
