{#- One row per Marketo lead: the newest version by updatedAt, then delivery order. Marketo has
    no soft delete in the bulk extract; a deleted lead simply stops being delivered.
    Incremental: a run stages the leads delivered since the last one, with all their earlier
    versions, so the newest is picked as in a full build (macro delivered_since_last_build). -#}
{{ config(
    materialized='incremental',
    unique_key='lead_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
) }}
{%- set is_unsubscribed = to_boolean_flexible('unsubscribed') -%}
{%- set is_email_invalid = to_boolean_flexible('email_invalid') -%}
{%- set created_at = to_timestamp_flexible('created_at') -%}
{%- set modified_at = to_timestamp_flexible('updated_at') -%}
{%- set record_key = "nullif(trim(id), '')" -%}
{%- set delivered = source('marketo', 'leads') -%}

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

        -- profile
        {{ normalize_width('title') }} as title,
        {{ normalize_width('country') }} as country,
        nullif(trim(lead_source), '') as lead_source,

        -- CRM sync
        nullif(trim(sfdc_lead_id), '') as sfdc_lead_id,
        nullif(trim(sfdc_contact_id), '') as sfdc_contact_id,

        -- consent and deliverability
        {{ is_unsubscribed }} as is_unsubscribed,
        {{ is_email_invalid }} as is_email_invalid,

        -- versioning
        {{ created_at }} as created_at,
        {{ modified_at }} as modified_at,

        {{ type_errors([
            ('email', 'email', normalize_email('email')),
            ('phone', 'phone', normalize_phone_e164('phone')),
            ('unsubscribed', 'unsubscribed', is_unsubscribed),
            ('email_invalid', 'email_invalid', is_email_invalid),
            ('created_at', 'created_at', created_at),
            ('updated_at', 'updated_at', modified_at),
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
        lead_source,
        sfdc_lead_id,
        sfdc_contact_id,
        is_unsubscribed,
        is_email_invalid,
        created_at,
        modified_at,
        _type_errors,
        _file,
        _row,
        _loaded_at,
        _batch_id,
        _version_count
    from deduplicated

)

select * from final
