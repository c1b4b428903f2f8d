{#- One row per Salesforce lead: the newest version by SystemModstamp, then delivery order.
    Incremental: a run stages the leads delivered since the last one, with all their earlier
    versions, so the newest is picked as in a full build (macro delivered_since_last_build). -#}
{{ config(
    materialized='incremental',
    unique_key='lead_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
) }}
{%- set is_converted = to_boolean_flexible('is_converted') -%}
{%- set converted_date = to_date_flexible('converted_date') -%}
{%- set has_opted_out_of_email = to_boolean_flexible('has_opted_out_of_email') -%}
{%- set created_at = to_timestamp_flexible('created_date') -%}
{%- set modified_at = to_timestamp_flexible('system_modstamp') -%}
{%- set is_deleted = to_boolean_flexible('is_deleted') -%}
{%- set record_key = "nullif(trim(id), '')" -%}
{%- set delivered = source('salesforce', 'lead') -%}

with

source as (

    select * from {{ delivered }}
    {% if leadflow.incremental_batch() %}
        where {{ leadflow.delivered_since_last_build(delivered, record_key) }}
    {% endif %}

),

renamed as (

    select
        {{ record_key }} as lead_id,

        -- identity
        {{ person_identity_columns(company='company', phone='phone') }},

        -- profile and status
        {{ normalize_width('title') }} as title,
        {{ normalize_width('country') }} as country,
        {{ normalize_width('state') }} as state,
        nullif(trim(lead_source), '') as lead_source,
        nullif(trim(status), '') as lead_status,
        nullif(trim(owner_id), '') as owner_id,
        {{ has_opted_out_of_email }} as has_opted_out_of_email,

        -- conversion
        coalesce({{ is_converted }}, false) as is_converted,
        {{ converted_date }} as converted_date,
        nullif(trim(converted_account_id), '') as converted_account_id,
        nullif(trim(converted_contact_id), '') as converted_contact_id,
        nullif(trim(converted_opportunity_id), '') as converted_opportunity_id,

        -- versioning and soft delete
        {{ created_at }} as created_at,
        {{ modified_at }} as modified_at,
        coalesce({{ is_deleted }}, false) as is_deleted,

        {{ type_errors([
            ('email', 'email', normalize_email('email')),
            ('phone', 'phone', normalize_phone_e164('phone')),
            ('has_opted_out_of_email', 'has_opted_out_of_email', has_opted_out_of_email),
            ('is_converted', 'is_converted', is_converted),
            ('converted_date', 'converted_date', converted_date),
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
        partition_by='lead_id',
        order_by='modified_at desc nulls last, _file desc, _row desc'
    ) }}

),

final as (

    select
        lead_id,
        email_raw,
        email,
        email_domain,
        email_local_canonical,
        first_name,
        last_name,
        first_name_normalized,
        last_name_normalized,
        company_name_raw,
        company_name,
        company_name_normalized,
        phone_raw,
        phone,
        title,
        country,
        state,
        lead_source,
        lead_status,
        owner_id,
        has_opted_out_of_email,
        is_converted,
        converted_date,
        converted_account_id,
        converted_contact_id,
        converted_opportunity_id,
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
