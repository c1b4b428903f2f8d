{#- Every piece of evidence that a person reached a stage, per person, with its event time and
    where it came from: Salesforce lead statuses (the creation status and every LeadHistory
    change), HubSpot lifecycle-stage and lead-status history, the score's first MQL-threshold
    crossing, the first hand-raise touchpoint, and the opportunity and deal stages of
    int_person_opportunity_stages_collected (created, closed, reopened). Source values become
    stage codes through seed lifecycle_source_mappings. A lead and the contact it was converted
    to are one person (bridge_person_records), so the contact's opportunity continues the lead's
    history. A lead status carries the lead's owner at that time (LeadHistory Owner changes).
    Nothing is decided here: int_person_stages_sequenced orders the signals into a path.
    Incremental by person: computing every signal takes a few seconds at 1M people, writing its
    2.2M rows most of the model's 20 s. A daily run writes only the persons with a signal that is
    new, gone or different from the stored one (row_fingerprint), and deletes the signals of a
    person who has none left through a marker row: the delete+insert by person_id removes their
    stored rows, the post-hook the marker. -#}
{{ config(
    materialized='incremental',
    unique_key='person_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.add_stored_column('row_fingerprint', forget_rows=true) }}",
    post_hook="{{ leadflow.delete_markers('stage_signal_id') }}",
) }}
{%- set signal_columns = [
    'person_id', 'stage_code', 'occurred_at', 'source_of_truth', 'source_system', 'source_field', 'source_value',
    'source_record_id', 'source_event_id', 'opportunity_id', 'owner_id', 'mapped_reason_code',
] -%}

with

bridge as (

    select
        source_system,
        source_object,
        source_record_id,
        person_id
    from {{ ref('bridge_person_records') }}

),

mappings as (

    select
        source_system,
        source_field,
        source_value,
        stage_code,
        reason_code
    from {{ ref('lifecycle_source_mappings') }}

),

lead_status_changes as (

    select
        lead_history_id,
        lead_id,
        old_value,
        new_value,
        created_at,
        row_number() over (partition by lead_id order by created_at, lead_history_id) as change_number
    from {{ ref('stg_salesforce__lead_history') }}
    where field_name = 'Status'

),

lead_statuses as (

    select
        lead_id as source_record_id,
        lead_history_id as source_event_id,
        new_value as source_value,
        created_at as occurred_at,
        'salesforce_lead_history' as source_of_truth
    from lead_status_changes

    union all

    -- the status a lead was created with: the old value of its first change (the lead row holds
    -- only the newest status), or its status when it never changed
    select
        leads.lead_id as source_record_id,
        leads.lead_id as source_event_id,
        coalesce(first_changes.old_value, leads.lead_status) as source_value,
        leads.created_at as occurred_at,
        'salesforce_lead' as source_of_truth
    from {{ ref('stg_salesforce__lead') }} as leads
    left join lead_status_changes as first_changes
        on
            leads.lead_id = first_changes.lead_id
            and first_changes.change_number = 1

),

lead_owner_changes as (

    select
        lead_history_id,
        lead_id,
        old_value,
        new_value,
        created_at,
        row_number() over (partition by lead_id order by created_at, lead_history_id) as change_number
    from {{ ref('stg_salesforce__lead_history') }}
    where field_name = 'Owner'

),

-- the lead's owner when its status changed: the newest owner change by then, else the owner
-- before the first change, else (never changed) the lead's owner
status_owner_changes as (

    select
        lead_statuses.source_record_id,
        lead_statuses.source_event_id,
        max(lead_owner_changes.change_number) as change_number
    from lead_statuses
    inner join lead_owner_changes
        on
            lead_statuses.source_record_id = lead_owner_changes.lead_id
            and lead_statuses.occurred_at >= lead_owner_changes.created_at
    group by lead_statuses.source_record_id, lead_statuses.source_event_id

),

lead_status_owners as (

    select
        lead_statuses.*,
        coalesce(owners_then.new_value, first_owner_changes.old_value, leads.owner_id) as owner_id
    from lead_statuses
    inner join {{ ref('stg_salesforce__lead') }} as leads
        on lead_statuses.source_record_id = leads.lead_id
    left join status_owner_changes
        on
            lead_statuses.source_record_id = status_owner_changes.source_record_id
            and lead_statuses.source_event_id = status_owner_changes.source_event_id
    left join lead_owner_changes as owners_then
        on
            status_owner_changes.source_record_id = owners_then.lead_id
            and status_owner_changes.change_number = owners_then.change_number
    left join lead_owner_changes as first_owner_changes
        on
            lead_statuses.source_record_id = first_owner_changes.lead_id
            and first_owner_changes.change_number = 1

),

first_touches as (

    select
        touchpoints.person_id,
        {{ leadflow.value_at_first_touch(
            leadflow.struct_of([
                ('touchpoint_id', 'touchpoints.touchpoint_id'),
                ('event_type', 'touchpoints.event_type'),
                ('occurred_at', 'touchpoints.occurred_at'),
            ]),
            'touchpoints',
        ) }} as first_touch
    from {{ ref('fct_touchpoints') }} as touchpoints
    inner join mappings
        on
            mappings.source_system = 'touchpoint'
            and mappings.source_field = 'event_type'
            and touchpoints.event_type = mappings.source_value
    group by touchpoints.person_id

),

-- the interval starting at the crossing; its key from its start, not read
score_crossings as (

    select
        person_id,
        {{ leadflow.lead_score_id('person_id', 'mql_at') }} as lead_score_id,
        mql_at
    from {{ ref('fct_lead_scores') }}
    where valid_from = mql_at

),

signals as (

    select
        bridge.person_id,
        'salesforce' as source_system,
        'lead_status' as source_field,
        lead_status_owners.source_value,
        lead_status_owners.occurred_at,
        lead_status_owners.source_of_truth,
        lead_status_owners.source_record_id,
        lead_status_owners.source_event_id,
        cast(null as {{ dbt.type_string() }}) as opportunity_id,
        lead_status_owners.owner_id
    from lead_status_owners
    inner join bridge
        on
            bridge.source_system = 'salesforce'
            and bridge.source_object = 'lead'
            and lead_status_owners.source_record_id = bridge.source_record_id

    union all

    select
        bridge.person_id,
        'hubspot' as source_system,
        history.property_name as source_field,
        history.property_value as source_value,
        history.changed_at as occurred_at,
        case
            when history.property_name = 'lifecyclestage' then 'hubspot_lifecycle_history'
            else 'hubspot_lead_status_history'
        end as source_of_truth,
        history.contact_id as source_record_id,
        history.property_history_id as source_event_id,
        null as opportunity_id,
        null as owner_id
    from {{ ref('stg_hubspot__contact_property_history') }} as history
    inner join bridge
        on
            bridge.source_system = 'hubspot'
            and bridge.source_object = 'contacts'
            and history.contact_id = bridge.source_record_id

    union all

    select
        first_touches.person_id,
        'touchpoint' as source_system,
        'event_type' as source_field,
        first_touches.first_touch.event_type as source_value,
        first_touches.first_touch.occurred_at,
        'first_touch' as source_of_truth,
        first_touches.first_touch.touchpoint_id as source_record_id,
        first_touches.first_touch.touchpoint_id as source_event_id,
        null as opportunity_id,
        null as owner_id
    from first_touches

    union all

    select
        person_id,
        'scoring' as source_system,
        'mql_threshold' as source_field,
        'crossed' as source_value,
        mql_at as occurred_at,
        'score_threshold' as source_of_truth,
        lead_score_id as source_record_id,
        lead_score_id as source_event_id,
        null as opportunity_id,
        null as owner_id
    from score_crossings

),

mapped as (

    select
        signals.*,
        coalesce(exact_mappings.stage_code, any_value_mappings.stage_code) as stage_code,
        coalesce(exact_mappings.reason_code, any_value_mappings.reason_code) as mapped_reason_code
    from signals
    left join mappings as exact_mappings
        on
            signals.source_system = exact_mappings.source_system
            and signals.source_field = exact_mappings.source_field
            and signals.source_value = exact_mappings.source_value
    left join mappings as any_value_mappings
        on
            signals.source_system = any_value_mappings.source_system
            and signals.source_field = any_value_mappings.source_field
            and any_value_mappings.source_value = '*'
    where signals.occurred_at is not null

),

labelled as (

    select
        person_id,
        stage_code,
        occurred_at,
        source_of_truth,
        source_system,
        source_field,
        source_value,
        source_record_id,
        source_event_id,
        opportunity_id,
        owner_id,
        mapped_reason_code
    from mapped
    where stage_code is not null

    union all

    select
        person_id,
        stage_code,
        occurred_at,
        source_of_truth,
        source_system,
        source_field,
        source_value,
        source_record_id,
        source_event_id,
        opportunity_id,
        owner_id,
        mapped_reason_code
    from {{ ref('int_person_opportunity_stages_collected') }}

),

collected as (

    select
        {{ surrogate_key(['person_id', 'source_of_truth', 'source_event_id', 'stage_code']) }} as stage_signal_id,
        {{ signal_columns | join(',\n        ') }}
    from labelled

),

fingerprinted as (

    select
        collected.*,
        {{ leadflow.row_fingerprint(signal_columns) }} as row_fingerprint
    from collected

),

changed as (

    {{ leadflow.rows_of_changed_entities('fingerprinted', 'stage_signal_id') }}

),

final as (

    select
        stage_signal_id,
        {{ signal_columns | join(',\n        ') }},
        row_fingerprint
    from changed

    {% if leadflow.incremental_batch() %}
        union all

        -- a marker per person whose every signal went (see the post-hook)
        select distinct
            cast(null as {{ dbt.type_string() }}) as stage_signal_id,
            stored.person_id,
            {%- for column in signal_columns[1:] %}
                cast(null as {{ dbt.type_timestamp() if column == 'occurred_at' else dbt.type_string() }}) as {{ column }},
            {%- endfor %}
            cast(null as {{ dbt.type_string() }}) as row_fingerprint
        from {{ this }} as stored
        where not exists (
            select 1
            from fingerprinted
            where fingerprinted.person_id = stored.person_id
        )
    {% endif %}

)

select * from final
