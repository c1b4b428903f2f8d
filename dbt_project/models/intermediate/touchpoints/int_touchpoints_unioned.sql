{#- Every behavioural event of every system in one shape, with the resolved person and account
    (bridge_person_records by record_key; HubSpot email events by recipient address) and a content
    category from seed touchpoint_content_categories (the lowest-priority pattern found in the
    event's content text wins). Sends and deliveries, data-value changes and program status steps
    are not behaviour; a new lead (Marketo's New Lead, a HubSpot contact's creation) is
    lead_created (docs/scoring.md). Incremental by delivered event
    (macros/touchpoints/touchpoint_batch.sql); a change to the seed's patterns needs
    `--full-refresh` of this model and fct_touchpoints. -#}
{{ config(
    materialized='incremental',
    unique_key='touchpoint_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.add_stored_column('resolution_key', forget_rows=true) }}",
    post_hook="{{ leadflow.forget_dropped_touchpoints(ref('bridge_person_records'), ref('int_email_persons_mapped')) }}",
) }}
{#- HubSpot's email event types that are behaviour; sends and deliveries are not -#}
{%- set email_event_types = {
    'OPEN': 'email_open', 'CLICK': 'email_click', 'BOUNCE': 'email_bounce',
    'UNSUBSCRIBED': 'email_unsubscribe', 'SPAMREPORT': 'email_unsubscribe',
} %}
{%- set behavioural_email_event_types = "'" ~ email_event_types.keys() | join("', '") ~ "'" %}

with

-- the record's person and account, and the last time either assignment changed
bridge as (

    select
        bridge.record_key as resolution_key,
        bridge.person_id,
        bridge.account_id,
        case
            when account_ids.assigned_at > bridge.assigned_at then account_ids.assigned_at
            else bridge.assigned_at
        end as resolved_at
    from {{ ref('bridge_person_records') }} as bridge
    left join {{ ref('int_account_ids_assigned') }} as account_ids
        on bridge.record_key = account_ids.record_key and account_ids.is_current

),

addresses as (

    select
        {{ leadflow.address_resolution_key('email') }} as resolution_key,
        email,
        person_id,
        account_id,
        resolved_at
    from {{ ref('int_email_persons_mapped') }}

),

{% if leadflow.incremental_batch() %}
-- records and addresses whose events are written again: their person or account changed since
-- the last run, or (addresses) they resolve now and did not when their events were written
re_resolved_records as (

    select resolution_key
    from bridge
    where resolved_at > {{ leadflow.newest_stored_touchpoint('resolved_at') }}

),

re_resolved_addresses as (

    select email
    from addresses
    where
        resolved_at > {{ leadflow.newest_stored_touchpoint('resolved_at') }}
        or resolution_key not in (
            select built.resolution_key
            from {{ this }} as built
            where built.source_object = 'email_events'
        )

),
{% endif %}

{#- the events that name a source record, one CTE per system and object, and their union
    record_events: macros/touchpoints/touchpoint_record_events.sql -#}
{{ leadflow.touchpoint_record_events() }}

resolved_record_events as (

    select
        record_events.source_system,
        record_events.source_object,
        record_events.source_event_id,
        record_events.resolution_key,
        bridge.person_id,
        bridge.account_id,
        record_events.event_type,
        record_events.occurred_at,
        record_events.channel,
        record_events.campaign_id,
        record_events.campaign_name,
        record_events.event_detail,
        record_events.content_text,
        record_events._loaded_at,
        bridge.resolved_at
    from record_events
    inner join bridge
        on record_events.resolution_key = bridge.resolution_key

),

-- an address that no behavioural event resolves through is never stored, so it counts as
-- re-resolved every day: without the event type filter its sends and deliveries (325k rows at 1M
-- people) were written and deleted again by every run
hubspot_email_rows as (

    select email_events.*
    from
        {{ leadflow.touchpoint_batch_rows(
            ref('stg_hubspot__email_events'), 'email', 're_resolved_addresses', 'email',
            re_resolved_rows='event_type in (' ~ behavioural_email_event_types ~ ')'
        ) }} as email_events

),

hubspot_email_events as (

    select
        'hubspot' as source_system,
        'email_events' as source_object,
        events.email_event_id as source_event_id,
        addresses.resolution_key,
        addresses.person_id,
        addresses.account_id,
        case events.event_type
            {%- for hubspot_type, event_type in email_event_types.items() %}
                when '{{ hubspot_type }}' then '{{ event_type }}'
            {%- endfor %}
        end as event_type,
        events.occurred_at,
        'email' as channel,
        events.email_campaign_id as campaign_id,
        cast(null as {{ dbt.type_string() }}) as campaign_name,
        events.url as event_detail,
        lower(coalesce(events.url, '')) as content_text,
        events._loaded_at,
        addresses.resolved_at
    from hubspot_email_rows as events
    inner join addresses
        on events.email = addresses.email

),

-- sends and deliveries, data-value changes, status steps and events without a time are not
-- behaviour. A batch writes them too, so that a stored event a re-delivery turned into one is
-- replaced, and the post-hook deletes them (cheaper than looking each one up among the stored).
resolved as (

    select
        {{ surrogate_key(['all_events.source_system', 'all_events.source_object', 'all_events.source_event_id']) }}
            as touchpoint_id,
        all_events.*
    from (
        select * from resolved_record_events
        union all
        select * from hubspot_email_events
    ) as all_events
    {%- if not leadflow.incremental_batch() %}
        where all_events.event_type is not null and all_events.occurred_at is not null
    {%- endif %}

),

-- the category depends on the content text only, and events share few texts (at 100k people
-- 18,590 distinct texts among 808k Marketo events): each text is matched against the patterns once
content_texts as (

    select distinct content_text
    from resolved

),

categories as (

    select
        content_texts.content_text,
        rules.content_category,
        row_number() over (partition by content_texts.content_text order by rules.priority) as category_rank
    from content_texts
    inner join {{ ref('touchpoint_content_categories') }} as rules
        on content_texts.content_text like {{ dbt.concat(["'%'", 'rules.pattern', "'%'"]) }}

),

final as (

    select
        resolved.touchpoint_id,
        resolved.person_id,
        resolved.account_id,
        resolved.source_system,
        resolved.source_object,
        resolved.source_event_id,
        resolved.event_type,
        resolved.occurred_at,
        resolved.channel,
        resolved.campaign_id,
        resolved.campaign_name,
        case
            when resolved.event_type in ('webinar_registered', 'webinar_attended') then 'webinar'
            when resolved.event_type = 'trade_show_scan' then 'trade_show'
            else categories.content_category
        end as content_category,
        resolved.event_detail,
        resolved._loaded_at,
        resolved.resolved_at,
        resolved.resolution_key,
        {{ leadflow.run_timestamp() }} as computed_at
    from resolved
    left join categories
        on
            resolved.content_text = categories.content_text
            and categories.category_rank = 1

)

select * from final
