{#- The sales outcomes scoring is calibrated against, per person and stage, the first time the
    person reached it: 'sal' (sales accepted: Salesforce lead status Accepted, HubSpot lifecycle
    stage salesqualifiedlead), 'sql' (an opportunity the person is on, int_opportunity_persons_bridged)
    and 'won' (that opportunity closed won, at its close date). A later stage implies the earlier
    ones (a skipped stage is entered at the later stage's time). The full stage history is
    lifecycle's fct_stage_transitions, where Accepted is TAL (docs/lifecycle.md); calibration
    keeps its own reading so the scoring benchmarks stay comparable. -#}

with

bridge as (

    select
        source_system,
        source_object,
        source_record_id,
        person_id
    from {{ ref('bridge_person_records') }}

),

opportunities as (

    select
        persons.person_id,
        opportunities.created_at,
        opportunities.is_won,
        cast(opportunities.close_date as {{ dbt.type_timestamp() }}) as closed_at
    from {{ ref('int_opportunity_persons_bridged') }} as persons
    inner join {{ ref('stg_salesforce__opportunity') }} as opportunities
        on
            persons.source_system = 'salesforce'
            and persons.opportunity_id = opportunities.opportunity_id

    union all

    select
        persons.person_id,
        deals.created_at,
        deals.deal_stage = 'closedwon' as is_won,
        cast(deals.close_date as {{ dbt.type_timestamp() }}) as closed_at
    from {{ ref('int_opportunity_persons_bridged') }} as persons
    inner join {{ ref('stg_hubspot__deals') }} as deals
        on
            persons.source_system = 'hubspot'
            and persons.opportunity_id = deals.deal_id

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
