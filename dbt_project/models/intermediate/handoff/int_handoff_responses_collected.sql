{#- Every sales response recorded in the CRMs, per person: a Salesforce lead Status change
    (LeadHistory) or a HubSpot hs_lead_status / lifecyclestage change, read through seed
    handoff_status_responses as accepted or rejected with a reason, plus the opening of an
    opportunity or deal (int_person_stage_events_collected, stage sql), which accepts the lead
    even when nobody changed its status. The handoff models pick the first response after the
    handoff; a disqualification before it excludes the person. -#}

with

bridge as (

    select
        source_system,
        source_object,
        source_record_id,
        person_id
    from {{ ref('bridge_person_records') }}

),

status_responses as (

    select
        source_system,
        status_field,
        status_value,
        response,
        rejection_reason
    from {{ ref('handoff_status_responses') }}

),

status_changes as (

    select
        'salesforce' as source_system,
        'lead' as source_object,
        lead_id as source_record_id,
        field_name as status_field,
        new_value as status_value,
        created_at as responded_at
    from {{ ref('stg_salesforce__lead_history') }}
    where field_name = 'Status'

    union all

    select
        'hubspot' as source_system,
        'contacts' as source_object,
        contact_id as source_record_id,
        property_name as status_field,
        property_value as status_value,
        changed_at as responded_at
    from {{ ref('stg_hubspot__contact_property_history') }}
    where property_name in ('hs_lead_status', 'lifecyclestage')

),

responses as (

    select
        bridge.person_id,
        status_responses.response,
        status_responses.rejection_reason,
        status_changes.source_system,
        {{ dbt.concat(['status_changes.status_field', "'='", 'status_changes.status_value']) }} as response_detail,
        status_changes.responded_at
    from status_changes
    inner join status_responses
        on
            status_changes.source_system = status_responses.source_system
            and status_changes.status_field = status_responses.status_field
            and status_changes.status_value = status_responses.status_value
    inner join bridge
        on
            status_changes.source_system = bridge.source_system
            and status_changes.source_object = bridge.source_object
            and status_changes.source_record_id = bridge.source_record_id

    union all

    select
        person_id,
        'accepted' as response,
        cast(null as {{ dbt.type_string() }}) as rejection_reason,
        'crm' as source_system,
        'opportunity opened' as response_detail,
        reached_at as responded_at
    from {{ ref('int_person_stage_events_collected') }}
    where funnel_stage = 'sql'

),

-- distinct: two records of one person (merged duplicates) may carry the same change at the same time
final as (

    select distinct
        {{ surrogate_key(['person_id', 'responded_at', 'source_system', 'response_detail']) }} as response_id,
        person_id,
        response,
        rejection_reason,
        source_system,
        response_detail,
        responded_at
    from responses
    where responded_at is not null

)

select * from final
