{#- One row per Salesforce account: the newest version by SystemModstamp, then delivery order. -#}
{{ config(
    materialized='incremental',
    unique_key='account_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_when_delivered(source('salesforce', 'account')) }}",
) }}
{%- set number_of_employees = to_number_flexible('number_of_employees', 'bigint') -%}
{%- set annual_revenue = to_number_flexible('annual_revenue') -%}
{%- set created_at = to_timestamp_flexible('created_date') -%}
{%- set modified_at = to_timestamp_flexible('system_modstamp') -%}
{%- set is_deleted = to_boolean_flexible('is_deleted') -%}

with

source as (

    select * from {{ source('salesforce', 'account') }}
    where {{ leadflow.stage_when_emptied() }}

),

renamed as (

    select
        nullif(trim(id), '') as account_id,

        -- identity
        name as account_name_raw,
        {{ normalize_width('name') }} as account_name,
        {{ normalize_company_name('name') }} as account_name_normalized,
        website as website_raw,
        {{ url_domain('website') }} as website_domain,

        -- profile
        nullif(trim(industry), '') as industry,
        {{ number_of_employees }} as number_of_employees,
        {{ annual_revenue }} as annual_revenue,
        {{ normalize_width('billing_country') }} as billing_country,
        nullif(trim(owner_id), '') as owner_id,

        -- versioning and soft delete
        {{ created_at }} as created_at,
        {{ modified_at }} as modified_at,
        coalesce({{ is_deleted }}, false) as is_deleted,

        {{ type_errors([
            ('number_of_employees', 'number_of_employees', number_of_employees),
            ('annual_revenue', 'annual_revenue', annual_revenue),
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
        partition_by='account_id',
        order_by='modified_at desc nulls last, _file desc, _row desc'
    ) }}

),

final as (

    select
        account_id,
        account_name_raw,
        account_name,
        account_name_normalized,
        website_raw,
        website_domain,
        industry,
        number_of_employees,
        annual_revenue,
        billing_country,
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
