{#- The stage evidence of opportunities, per person on them: Salesforce opportunities (people
    from int_opportunity_persons_bridged; stage changes from OpportunityHistory, or the
    creation and the closed stage at the close date when an opportunity came without history)
    and HubSpot deals (their first associated contact; deals keep no history, so a closed deal
    counts at its close date). An opportunity's first row is its creation (opportunity_created),
    an explicitly mapped stage (seed lifecycle_source_mappings: Closed Won, closedlost...) a
    close, and an open stage right after a close a reopening; other stage steps move no
    waterfall stage and are left out. -#}

with

mappings as (

    select
        source_system,
        source_field,
        source_value,
        stage_code,
        reason_code
    from {{ ref('lifecycle_source_mappings') }}

),

opportunity_persons as (

    select
        source_system,
        opportunity_id,
        person_id
    from {{ ref('int_opportunity_persons_bridged') }}

),

salesforce_opportunity_stages as (

    select
        history.opportunity_id,
        history.opportunity_history_id as source_event_id,
        history.stage_name as source_value,
        history.created_at as occurred_at
    from {{ ref('stg_salesforce__opportunity_history') }} as history

    union all

    -- an opportunity delivered without history: its creation, and its stage at the close date
    select
        opportunities.opportunity_id,
        opportunities.opportunity_id as source_event_id,
        null as source_value,
        opportunities.created_at as occurred_at
    from {{ ref('stg_salesforce__opportunity') }} as opportunities
    where not exists (
            select 1
            from {{ ref('stg_salesforce__opportunity_history') }} as known_history
            where known_history.opportunity_id = opportunities.opportunity_id
        )

    union all

    select
        opportunities.opportunity_id,
        {{ dbt.concat(['opportunities.opportunity_id', "':closed'"]) }} as source_event_id,
        opportunities.stage_name as source_value,
        cast(opportunities.close_date as {{ dbt.type_timestamp() }}) as occurred_at
    from {{ ref('stg_salesforce__opportunity') }} as opportunities
    where
        opportunities.is_closed
        and not exists (
            select 1
            from {{ ref('stg_salesforce__opportunity_history') }} as known_history
            where known_history.opportunity_id = opportunities.opportunity_id
        )

),

hubspot_deal_stages as (

    select
        deal_id,
        owner_id,
        deal_id as source_event_id,
        null as source_value,
        created_at as occurred_at
    from {{ ref('stg_hubspot__deals') }}

    union all

    -- deals keep no stage history: a closed deal's stage counts at its close date
    select
        deal_id,
        owner_id,
        {{ dbt.concat(['deal_id', "':closed'"]) }} as source_event_id,
        deal_stage as source_value,
        cast(close_date as {{ dbt.type_timestamp() }}) as occurred_at
    from {{ ref('stg_hubspot__deals') }}
    where close_date is not null

),

signals as (

    select
        persons.person_id,
        'salesforce' as source_system,
        'opportunity_stage' as source_field,
        opportunity_stages.source_value,
        opportunity_stages.occurred_at,
        'salesforce_opportunity' as source_of_truth,
        opportunities.opportunity_id as source_record_id,
        opportunity_stages.source_event_id,
        opportunities.opportunity_id,
        opportunities.owner_id
    from salesforce_opportunity_stages as opportunity_stages
    inner join {{ ref('stg_salesforce__opportunity') }} as opportunities
        on opportunity_stages.opportunity_id = opportunities.opportunity_id
    inner join opportunity_persons as persons
        on
            persons.source_system = 'salesforce'
            and opportunity_stages.opportunity_id = persons.opportunity_id

    union all

    select
        persons.person_id,
        'hubspot' as source_system,
        'dealstage' as source_field,
        deals.source_value,
        deals.occurred_at,
        'hubspot_deal' as source_of_truth,
        deals.deal_id as source_record_id,
        deals.source_event_id,
        deals.deal_id as opportunity_id,
        deals.owner_id
    from hubspot_deal_stages as deals
    inner join opportunity_persons as persons
        on
            persons.source_system = 'hubspot'
            and deals.deal_id = persons.opportunity_id

),

mapped as (

    select
        signals.*,
        coalesce(exact_mappings.stage_code, any_value_mappings.stage_code) as stage_code,
        coalesce(exact_mappings.reason_code, any_value_mappings.reason_code) as mapped_reason_code,
        exact_mappings.stage_code is not null as is_exact_mapping
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

-- an opportunity's rows: its first is the creation, an explicitly mapped (closed) stage is a close,
-- and an open stage right after a close is a reopening; other stage steps move no waterfall stage
opportunity_steps as (

    select
        mapped.*,
        row_number() over (
            partition by mapped.person_id, mapped.source_of_truth, mapped.opportunity_id
            order by mapped.occurred_at, mapped.source_event_id
        ) as step_number,
        lag(mapped.is_exact_mapping) over (
            partition by mapped.person_id, mapped.source_of_truth, mapped.opportunity_id
            order by mapped.occurred_at, mapped.source_event_id
        ) as follows_close
    from mapped

),

labelled as (

    select
        person_id,
        stage_code,
        occurred_at,
        case
            when step_number = 1 then 'opportunity_created'
            when is_exact_mapping then 'opportunity_closed'
            else 'opportunity_reopened'
        end as source_of_truth,
        source_system,
        source_field,
        source_value,
        source_record_id,
        source_event_id,
        opportunity_id,
        owner_id,
        mapped_reason_code
    from opportunity_steps
    where
        stage_code is not null
        and (step_number = 1 or is_exact_mapping or follows_close)

),

final as (

    select
        {{ surrogate_key(['person_id', 'source_of_truth', 'source_event_id', 'stage_code']) }} as stage_signal_id,
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
    from labelled

)

select * from final
