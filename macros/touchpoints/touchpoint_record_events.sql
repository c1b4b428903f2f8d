{#- touchpoint_record_events(): CTE definitions (for int_touchpoints_unioned's WITH) of every
    event that names a source record, one CTE per system and object in one shape, and their
    union `record_events`. Each row carries the record's key as bridge_person_records keys it
    (resolution_key) and keeps, in an incremental batch, only what touchpoint_in_batch admits
    (the model defines the CTE re_resolved_records). A renamed campaign or program changes its
    members' events: they count as loaded with it. -#}
{% macro touchpoint_record_events() -%}
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
{%- endset -%}

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
    from {{ leadflow.touchpoint_batch_rows(ref('stg_marketo__activities'), 'lead_id', 're_resolved_records',
        key_prefix=leadflow.record_key_prefix('marketo', 'leads')) }} as activities

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
{%- endmacro %}
