{{ config(
    materialized='incremental',
    unique_key='company_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_when_delivered(source('hubspot', 'companies')) }}",
) }}
{%- set created_at = to_timestamp_flexible('created_at') -%}
{%- set updated_at = to_timestamp_flexible('updated_at') -%}
{%- set archived = to_boolean_flexible('archived') -%}
{%- set numberofemployees = to_number_flexible('numberofemployees', 'bigint') -%}
{%- set annualrevenue = to_number_flexible('annualrevenue', 'decimal(18, 2)') -%}

with

source as (

    select * from {{ source('hubspot', 'companies') }}
    where {{ leadflow.stage_when_emptied() }}

),

renamed as (

    select
        nullif(trim(id), '') as company_id,

        -- identity
        name as company_name_raw,
        {{ normalize_width('name') }} as company_name,
        {{ normalize_company_name('name') }} as company_name_normalized,
        domain as domain_raw,
        {{ url_domain('domain') }} as website_domain,

        -- profile
        {{ normalize_width('industry') }} as industry,
        {{ numberofemployees }} as number_of_employees,
        {{ annualrevenue }} as annual_revenue,
        {{ normalize_width('country') }} as country,
        nullif(trim(hubspot_owner_id), '') as owner_id,

        -- versioning and soft delete
        {{ created_at }} as created_at,
        {{ updated_at }} as modified_at,
        coalesce({{ archived }}, false) as is_deleted,

        {{ type_errors([
            ('created_at', 'created_at', created_at),
            ('updated_at', 'updated_at', updated_at),
            ('archived', 'archived', archived),
            ('numberofemployees', 'numberofemployees', numberofemployees),
            ('annualrevenue', 'annualrevenue', annualrevenue),
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
        partition_by='company_id',
        order_by='modified_at desc nulls last, _file desc, _row desc'
    ) }}

),

final as (

    select
        company_id,
        company_name_raw,
        company_name,
        company_name_normalized,
        domain_raw,
        website_domain,
        industry,
        number_of_employees,
        annual_revenue,
        country,
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
