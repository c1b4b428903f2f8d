{#- One row per HubSpot email event (id); a re-delivered event keeps its newest delivery.
    Incremental (the activity logs are most of the rows): a run stages the events delivered
    since the last one and replaces them by id. -#}
{{ config(
    materialized='incremental',
    unique_key='email_event_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
) }}
{%- set created = to_timestamp_flexible('created') -%}

with

source as (

    select * from {{ source('hubspot', 'email_events') }}
    {% if leadflow.incremental_batch() %}
        where {{ leadflow.delivered_since_last_build(source('hubspot', 'email_events'), "nullif(trim(id), '')") }}
    {% endif %}

),

renamed as (

    select
        nullif(trim(id), '') as email_event_id,
        nullif(upper(trim(type)), '') as event_type,
        recipient as email_raw,
        {{ normalize_email('recipient') }} as email,
        {{ created }} as occurred_at,
        nullif(trim(email_campaign_id), '') as email_campaign_id,
        nullif(trim(url), '') as url,

        {{ type_errors([
            ('recipient', 'recipient', normalize_email('recipient')),
            ('created', 'created', created),
        ]) }} as _type_errors,

        -- lineage
        _file,
        _row,
        _loaded_at,
        _batch_id

    from source

),

-- events are immutable: a re-delivered event keeps its newest delivery
deduplicated as (

    {{ deduplicate(
        'renamed',
        partition_by='email_event_id',
        order_by='_file desc, _row desc'
    ) }}

),

final as (

    select
        email_event_id,
        event_type,
        email_raw,
        email,
        occurred_at,
        email_campaign_id,
        url,
        _type_errors,
        _file,
        _row,
        _loaded_at,
        _batch_id,
        _version_count,
        {{ leadflow.run_timestamp() }} as _staged_at
    from deduplicated

)

select * from final
