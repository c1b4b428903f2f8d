{#- One row per campaign member (a lead or a contact in a campaign). No modification stamp in
    the export: the latest delivery wins. -#}
{{ config(
    materialized='incremental',
    unique_key='campaign_member_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_when_delivered(source('salesforce', 'campaign_member')) }}",
) }}
{%- set has_responded = to_boolean_flexible('has_responded') -%}
{%- set first_responded_date = to_date_flexible('first_responded_date') -%}
{%- set created_at = to_timestamp_flexible('created_date') -%}

with

source as (

    select * from {{ source('salesforce', 'campaign_member') }}
    where {{ leadflow.stage_when_emptied() }}

),

renamed as (

    select
        nullif(trim(id), '') as campaign_member_id,
        nullif(trim(campaign_id), '') as campaign_id,
        nullif(trim(lead_id), '') as lead_id,
        nullif(trim(contact_id), '') as contact_id,
        nullif(trim(status), '') as member_status,
        coalesce({{ has_responded }}, false) as has_responded,
        {{ first_responded_date }} as first_responded_date,
        {{ created_at }} as created_at,

        {{ type_errors([
            ('has_responded', 'has_responded', has_responded),
            ('first_responded_date', 'first_responded_date', first_responded_date),
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
        partition_by='campaign_member_id',
        order_by='_file desc, _row desc'
    ) }}

),

final as (

    select
        campaign_member_id,
        campaign_id,
        lead_id,
        contact_id,
        member_status,
        has_responded,
        first_responded_date,
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
