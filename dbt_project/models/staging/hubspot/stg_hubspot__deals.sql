{{ config(
    materialized='incremental',
    unique_key='deal_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_when_delivered(source('hubspot', 'deals')) }}",
) }}
{%- set created_at = to_timestamp_flexible('created_at') -%}
{%- set createdate = to_timestamp_flexible('createdate') -%}
{%- set updated_at = to_timestamp_flexible('updated_at') -%}
{%- set archived = to_boolean_flexible('archived') -%}
{%- set amount = to_number_flexible('amount', 'decimal(18, 2)') -%}
{%- set closedate = to_date_flexible('closedate') -%}
{#- Associations arrive as JSON array text of ids ('["101","102"]'). Brackets, quotes and spaces
    are stripped with plain replace() so '101,102' remains; the first id and the count are exposed
    for convenience, and the intermediate layer explodes the full list. -#}
{%- set strip_json = "replace(replace(replace(replace({}, '[', ''), ']', ''), '\"', ''), ' ', '')" -%}
{%- set contact_ids = strip_json.replace('{}', 'associations_contacts') -%}
{%- set company_ids = strip_json.replace('{}', 'associations_companies') -%}

with

source as (

    select * from {{ source('hubspot', 'deals') }}
    where {{ leadflow.stage_when_emptied() }}

),

renamed as (

    select
        nullif(trim(id), '') as deal_id,

        -- deal
        {{ normalize_width('dealname') }} as deal_name,
        nullif(trim(dealstage), '') as deal_stage,
        nullif(trim(pipeline), '') as pipeline,
        {{ amount }} as amount,
        nullif(upper(trim(deal_currency_code)), '') as currency_code,
        {{ closedate }} as close_date,
        nullif(trim(hubspot_owner_id), '') as owner_id,

        -- associations
        associations_contacts as associated_contact_ids_json,
        associations_companies as associated_company_ids_json,
        nullif({{ dbt.split_part(contact_ids, "','", 1) }}, '') as first_associated_contact_id,
        nullif({{ dbt.split_part(company_ids, "','", 1) }}, '') as first_associated_company_id,
        case
            when coalesce({{ contact_ids }}, '') = '' then 0
            else length({{ contact_ids }}) - length(replace({{ contact_ids }}, ',', '')) + 1
        end as associated_contact_count,
        case
            when coalesce({{ company_ids }}, '') = '' then 0
            else length({{ company_ids }}) - length(replace({{ company_ids }}, ',', '')) + 1
        end as associated_company_count,

        -- versioning and soft delete
        coalesce({{ created_at }}, {{ createdate }}) as created_at,
        {{ updated_at }} as modified_at,
        coalesce({{ archived }}, false) as is_deleted,

        {{ type_errors([
            ('created_at', 'created_at', created_at),
            ('createdate', 'createdate', createdate),
            ('updated_at', 'updated_at', updated_at),
            ('archived', 'archived', archived),
            ('amount', 'amount', amount),
            ('closedate', 'closedate', closedate),
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
        partition_by='deal_id',
        order_by='modified_at desc nulls last, _file desc, _row desc'
    ) }}

),

final as (

    select
        deal_id,
        deal_name,
        deal_stage,
        pipeline,
        amount,
        currency_code,
        close_date,
        owner_id,
        associated_contact_ids_json,
        associated_company_ids_json,
        first_associated_contact_id,
        first_associated_company_id,
        associated_contact_count,
        associated_company_count,
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
