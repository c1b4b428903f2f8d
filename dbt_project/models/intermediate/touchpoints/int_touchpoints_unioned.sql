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
{%- set marketo_lead = record_key('marketo', 'leads', 'activities.lead_id') -%}
{%- set program_member_record = record_key('marketo', 'leads', 'members.lead_id') -%}
{%- set contact_record = record_key('hubspot', 'contacts', 'contact_id') -%}
{%- set form_record = record_key('hubspot', 'form_submissions', 'form_submission_id') -%}
{%- set attendance_record = record_key('webinars', 'attendance', 'attendance_id') -%}
{%- set badge_scan_record = record_key('events', 'badge_scans', 'badge_scan_id') -%}
{%- set campaign_member_record = 'case when members.contact_id is not null then '
    ~ record_key('salesforce', 'contact', 'members.contact_id') ~ ' else '
    ~ record_key('salesforce', 'lead', 'members.lead_id') ~ ' end' -%}
{%- set campaign_member_loaded_at -%}
    case when campaigns._loaded_at > members._loaded_at then campaigns._loaded_at else members._loaded_at end
{%- endset -%}
{%- set program_member_loaded_at -%}
    case when programs._loaded_at > members._loaded_at then programs._loaded_at else members._loaded_at end
{%- endset %}

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

marketo_events as (

    select
        'marketo' as source_system,
        'activities' as source_object,
        activities.activity_id as source_event_id,
        {{ marketo_lead }} as resolution_key,
        case activities.activity_type_id
            when 1 then 'web_visit'
            when 2 then 'form_submit'
            when 3 then 'link_click'
            when 8 then 'email_bounce'
            when 9 then 'email_unsubscribe'
            when 10 then 'email_open'
            when 11 then 'email_click'
            when 12 then 'lead_created'
        end as event_type,
        activities.activity_at as occurred_at,
        case
            when activities.activity_type_id in (8, 9, 10, 11) then 'email'
            when activities.activity_type_id = 12 then 'lead_source'
            else 'web'
        end as channel,
        activities.campaign_id,
        cast(null as {{ dbt.type_string() }}) as campaign_name,
        activities.primary_attribute_value as event_detail,
        lower({{ dbt.concat(["coalesce(activities.primary_attribute_value, '')", "' '",
            "coalesce(activities.attributes, '')"]) }}) as content_text,
        activities._loaded_at
    from {{ ref('stg_marketo__activities') }} as activities
    where {{ leadflow.touchpoint_in_batch('activities._loaded_at', marketo_lead, 're_resolved_records') }}

),

hubspot_forms as (

    select
        'hubspot' as source_system,
        'form_submissions' as source_object,
        form_submission_id as source_event_id,
        {{ form_record }} as resolution_key,
        'form_submit' as event_type,
        submitted_at as occurred_at,
        'web' as channel,
        form_id as campaign_id,
        form_name as campaign_name,
        form_name as event_detail,
        lower({{ dbt.concat(["coalesce(form_name, '')", "' '", "coalesce(page_url, '')"]) }}) as content_text,
        _loaded_at
    from {{ ref('stg_hubspot__form_submissions') }}
    where {{ leadflow.touchpoint_in_batch('_loaded_at', form_record, 're_resolved_records') }}

),

-- a registration and, once attended, an attendance per attendance row
webinar_rows as (

    select *
    from {{ ref('stg_webinars__attendance') }}
    where {{ leadflow.touchpoint_in_batch('_loaded_at', attendance_record, 're_resolved_records') }}

),

webinar_registrations as (

    select
        'webinars' as source_system,
        'attendance' as source_object,
        {{ dbt.concat(['attendance_id', "':registered'"]) }} as source_event_id,
        {{ attendance_record }} as resolution_key,
        'webinar_registered' as event_type,
        registered_at as occurred_at,
        'webinar' as channel,
        webinar_id as campaign_id,
        webinar_title as campaign_name,
        webinar_title as event_detail,
        'webinar' as content_text,
        _loaded_at
    from webinar_rows

),

webinar_attendances as (

    select
        'webinars' as source_system,
        'attendance' as source_object,
        {{ dbt.concat(['attendance_id', "':attended'"]) }} as source_event_id,
        {{ attendance_record }} as resolution_key,
        case when attended then 'webinar_attended' end as event_type,
        coalesce(joined_at, registered_at) as occurred_at,
        'webinar' as channel,
        webinar_id as campaign_id,
        webinar_title as campaign_name,
        {{ dbt.concat(['webinar_title', "' ('", dbt.cast('duration_minutes', dbt.type_string()), "' min)'"]) }}
            as event_detail,
        'webinar' as content_text,
        _loaded_at
    from webinar_rows

),

badge_scans as (

    select
        'events' as source_system,
        'badge_scans' as source_object,
        badge_scan_id as source_event_id,
        {{ badge_scan_record }} as resolution_key,
        'trade_show_scan' as event_type,
        captured_at as occurred_at,
        'trade_show' as channel,
        event_name as campaign_id,
        event_name as campaign_name,
        event_name as event_detail,
        'trade_show' as content_text,
        _loaded_at
    from {{ ref('stg_events__badge_scans') }}
    where {{ leadflow.touchpoint_in_batch('_loaded_at', badge_scan_record, 're_resolved_records') }}

),

-- a renamed campaign or program changes its members' events: they count as loaded with it
salesforce_campaign_members as (

    select
        'salesforce' as source_system,
        'campaign_member' as source_object,
        members.campaign_member_id as source_event_id,
        {{ campaign_member_record }} as resolution_key,
        'campaign_joined' as event_type,
        members.created_at as occurred_at,
        coalesce(lower(campaigns.campaign_type), 'campaign') as channel,
        members.campaign_id,
        campaigns.campaign_name,
        members.member_status as event_detail,
        lower(coalesce(campaigns.campaign_name, '')) as content_text,
        {{ campaign_member_loaded_at }} as _loaded_at
    from {{ ref('stg_salesforce__campaign_member') }} as members
    left join {{ ref('stg_salesforce__campaign') }} as campaigns
        on members.campaign_id = campaigns.campaign_id
    where {{ leadflow.touchpoint_in_batch(campaign_member_loaded_at, campaign_member_record, 're_resolved_records') }}

),

marketo_program_members as (

    select
        'marketo' as source_system,
        'program_members' as source_object,
        members.program_member_id as source_event_id,
        {{ program_member_record }} as resolution_key,
        'campaign_joined' as event_type,
        members.membership_at as occurred_at,
        coalesce(lower(programs.channel), 'campaign') as channel,
        members.program_id as campaign_id,
        programs.program_name as campaign_name,
        members.progression_status as event_detail,
        lower(coalesce(programs.program_name, '')) as content_text,
        {{ program_member_loaded_at }} as _loaded_at
    from {{ ref('stg_marketo__program_members') }} as members
    left join {{ ref('stg_marketo__programs') }} as programs
        on members.program_id = programs.program_id
    where {{ leadflow.touchpoint_in_batch(program_member_loaded_at, program_member_record, 're_resolved_records') }}

),

-- a contact entering HubSpot (the Japan team's MA) is a new lead, like Marketo's New Lead
hubspot_contacts_created as (

    select
        'hubspot' as source_system,
        'contacts' as source_object,
        {{ dbt.concat(['contact_id', "':created'"]) }} as source_event_id,
        {{ contact_record }} as resolution_key,
        'lead_created' as event_type,
        created_at as occurred_at,
        'lead_source' as channel,
        cast(null as {{ dbt.type_string() }}) as campaign_id,
        cast(null as {{ dbt.type_string() }}) as campaign_name,
        analytics_source as event_detail,
        lower(coalesce(analytics_source, '')) as content_text,
        _loaded_at
    from {{ ref('stg_hubspot__contacts') }}
    where {{ leadflow.touchpoint_in_batch('_loaded_at', contact_record, 're_resolved_records') }}

),

record_events as (

    select * from marketo_events
    union all
    select * from hubspot_contacts_created
    union all
    select * from hubspot_forms
    union all
    select * from webinar_registrations
    union all
    select * from webinar_attendances
    union all
    select * from badge_scans
    union all
    select * from salesforce_campaign_members
    union all
    select * from marketo_program_members

),

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

hubspot_email_rows as (

    select *
    from {{ ref('stg_hubspot__email_events') }}
    where {{ leadflow.touchpoint_in_batch('_loaded_at', 'email', 're_resolved_addresses', 'email') }}

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
            when 'OPEN' then 'email_open'
            when 'CLICK' then 'email_click'
            when 'BOUNCE' then 'email_bounce'
            when 'UNSUBSCRIBED' then 'email_unsubscribe'
            when 'SPAMREPORT' then 'email_unsubscribe'
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
        resolved.resolution_key
    from resolved
    left join categories
        on
            resolved.content_text = categories.content_text
            and categories.category_rank = 1

)

select * from final
