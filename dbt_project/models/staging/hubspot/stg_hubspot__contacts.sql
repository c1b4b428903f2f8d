{#- One row per HubSpot contact: the newest version by modification time, then delivery order.
    Incremental: a run stages the contacts delivered since the last one, with all their earlier
    versions, so the newest is picked as in a full build (macro delivered_since_last_build). -#}
{{ config(
    materialized='incremental',
    unique_key='contact_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
) }}
{%- set created_at = to_timestamp_flexible('created_at') -%}
{%- set createdate = to_timestamp_flexible('createdate') -%}
{%- set updated_at = to_timestamp_flexible('updated_at') -%}
{%- set lastmodifieddate = to_timestamp_flexible('lastmodifieddate') -%}
{%- set archived = to_boolean_flexible('archived') -%}
{%- set hs_email_optout = to_boolean_flexible('hs_email_optout') -%}
{%- set record_key = "nullif(trim(id), '')" -%}
{%- set delivered = source('hubspot', 'contacts') -%}

with

source as (

    select * from {{ delivered }}
    {% if leadflow.incremental_batch() %}
        where {{ leadflow.delivered_since_last_build(delivered, record_key) }}
    {% endif %}

),

renamed as (

    select
        {{ record_key }} as contact_id,

        -- identity
        {{ person_identity_columns(
            first_name='firstname', last_name='lastname', company='company', phone='phone'
        ) }},

        -- profile
        {{ normalize_width('jobtitle') }} as job_title,
        {{ normalize_width('country') }} as country,
        {{ normalize_width('state') }} as state,
        nullif(lower(trim(lifecyclestage)), '') as lifecycle_stage,
        nullif(upper(trim(hs_lead_status)), '') as lead_status,
        nullif(upper(trim(hs_analytics_source)), '') as analytics_source,
        nullif(trim(hubspot_owner_id), '') as owner_id,
        nullif(trim(associatedcompanyid), '') as associated_company_id,
        {{ hs_email_optout }} as has_opted_out_of_email,

        -- versioning and soft delete
        coalesce({{ created_at }}, {{ createdate }}) as created_at,
        coalesce({{ updated_at }}, {{ lastmodifieddate }}) as modified_at,
        coalesce({{ archived }}, false) as is_deleted,

        {{ type_errors([
            ('email', 'email', normalize_email('email')),
            ('phone', 'phone', normalize_phone_e164('phone')),
            ('created_at', 'created_at', created_at),
            ('createdate', 'createdate', createdate),
            ('updated_at', 'updated_at', updated_at),
            ('lastmodifieddate', 'lastmodifieddate', lastmodifieddate),
            ('archived', 'archived', archived),
            ('hs_email_optout', 'hs_email_optout', hs_email_optout),
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
        job_title,
        country,
        state,
        lifecycle_stage,
        lead_status,
        analytics_source,
        owner_id,
        associated_company_id,
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
