{#- The sales outcomes scoring is calibrated against, per person and stage, the first time the
    person reached it: 'sal' (sales accepted: Salesforce lead status Accepted, HubSpot lifecycle
    stage salesqualifiedlead), 'sql' (an opportunity: Salesforce contact role or converted lead,
    HubSpot deal contact) and 'won' (that opportunity closed won, at its close date). A later
    stage implies the earlier ones (a skipped stage is entered at the later stage's time). The
    lifecycle models of issue 5 will own the full stage history; this is what scoring needs. -#}

with

bridge as (

    select
        source_system,
        source_object,
        source_record_id,
        person_id
    from {{ ref('bridge_person_records') }}

),

salesforce_opportunities as (

    select
        contact_roles.contact_id as source_record_id,
        'contact' as source_object,
        opportunities.created_at,
        opportunities.is_won,
        opportunities.close_date
    from {{ ref('stg_salesforce__opportunity_contact_role') }} as contact_roles
    inner join {{ ref('stg_salesforce__opportunity') }} as opportunities
        on contact_roles.opportunity_id = opportunities.opportunity_id

    union all

    select
        leads.lead_id as source_record_id,
        'lead' as source_object,
        opportunities.created_at,
        opportunities.is_won,
        opportunities.close_date
    from {{ ref('stg_salesforce__lead') }} as leads
    inner join {{ ref('stg_salesforce__opportunity') }} as opportunities
        on leads.converted_opportunity_id = opportunities.opportunity_id

),

opportunities as (

    select
        bridge.person_id,
        salesforce_opportunities.created_at,
        salesforce_opportunities.is_won,
        cast(salesforce_opportunities.close_date as {{ dbt.type_timestamp() }}) as closed_at
    from salesforce_opportunities
    inner join bridge
        on
            bridge.source_system = 'salesforce'
            and salesforce_opportunities.source_object = bridge.source_object
            and salesforce_opportunities.source_record_id = bridge.source_record_id

    union all

    select
        bridge.person_id,
        deals.created_at,
        deals.deal_stage = 'closedwon' as is_won,
        cast(deals.close_date as {{ dbt.type_timestamp() }}) as closed_at
    from {{ ref('stg_hubspot__deals') }} as deals
    inner join bridge
        on
            bridge.source_system = 'hubspot'
            and bridge.source_object = 'contacts'
            and deals.first_associated_contact_id = bridge.source_record_id

),

accepted as (

    select
        bridge.person_id,
        history.created_at as reached_at
    from {{ ref('stg_salesforce__lead_history') }} as history
    inner join bridge
        on
            bridge.source_system = 'salesforce'
            and bridge.source_object = 'lead'
            and history.lead_id = bridge.source_record_id
    where history.field_name = 'Status' and history.new_value = 'Accepted'

    union all

    select
        bridge.person_id,
        history.changed_at as reached_at
    from {{ ref('stg_hubspot__contact_property_history') }} as history
    inner join bridge
        on
            bridge.source_system = 'hubspot'
            and bridge.source_object = 'contacts'
            and history.contact_id = bridge.source_record_id
    where history.property_name = 'lifecyclestage' and history.property_value = 'salesqualifiedlead'

),

events as (

    select
        person_id,
        'sal' as funnel_stage,
        reached_at
    from accepted

    union all

    -- an opportunity implies sales acceptance: the skipped stage is entered at the same time
    select
        person_id,
        'sal' as funnel_stage,
        created_at as reached_at
    from opportunities

    union all

    select
        person_id,
        'sql' as funnel_stage,
        created_at as reached_at
    from opportunities

    union all

    select
        person_id,
        'won' as funnel_stage,
        closed_at as reached_at
    from opportunities
    where is_won

),

final as (

    select
        person_id,
        funnel_stage,
        min(reached_at) as reached_at
    from events
    where reached_at is not null
    group by person_id, funnel_stage

)

select * from final
