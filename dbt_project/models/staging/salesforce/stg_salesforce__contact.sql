{#- One row per Salesforce contact: the newest version by SystemModstamp, then delivery order. -#}
{{ config(
    materialized='incremental',
    unique_key='contact_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_when_delivered(source('salesforce', 'contact')) }}",
) }}
{%- set has_opted_out_of_email = to_boolean_flexible('has_opted_out_of_email') -%}
{%- set created_at = to_timestamp_flexible('created_date') -%}
{%- set modified_at = to_timestamp_flexible('system_modstamp') -%}
{%- set is_deleted = to_boolean_flexible('is_deleted') -%}

with

source as (

    select * from {{ source('salesforce', 'contact') }}
    where {{ leadflow.stage_when_emptied() }}

),

renamed as (

    select
        nullif(trim(id), '') as contact_id,
        nullif(trim(account_id), '') as account_id,

        -- identity
        {{ person_identity_columns(phone='phone') }},

        -- profile
        {{ normalize_width('title') }} as title,
        {{ normalize_width('mailing_country') }} as mailing_country,
        nullif(trim(lead_source), '') as lead_source,
        nullif(trim(owner_id), '') as owner_id,
        {{ has_opted_out_of_email }} as has_opted_out_of_email,

        -- versioning and soft delete
        {{ created_at }} as created_at,
        {{ modified_at }} as modified_at,
        coalesce({{ is_deleted }}, false) as is_deleted,

        {{ type_errors([
            ('email', 'email', normalize_email('email')),
            ('phone', 'phone', normalize_phone_e164('phone')),
            ('has_opted_out_of_email', 'has_opted_out_of_email', has_opted_out_of_email),
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
        partition_by='contact_id',
        order_by='modified_at desc nulls last, _file desc, _row desc'
    ) }}

),

final as (

    select
        contact_id,
        account_id,
        email_raw,
        email,
        email_domain,
        email_local_canonical,
        first_name,
        last_name,
        first_name_normalized,
        last_name_normalized,
        phone_raw,
        phone,
        title,
        mailing_country,
        lead_source,
        owner_id,
        has_opted_out_of_email,
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
