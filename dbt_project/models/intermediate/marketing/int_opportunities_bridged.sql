{#- Every opportunity (Salesforce opportunity, HubSpot deal; soft-deleted ones left out) with the
    persons it involves: Salesforce contact roles and the lead converted into it, the HubSpot
    deal's first associated contact (int_opportunity_persons_bridged). One row per
    opportunity and person; an opportunity no person can be found for keeps one row without a
    person, so pipeline and revenue totals stay whole. Amounts are converted to the reporting
    currency: pipeline at the FX rate of the creation date, won revenue at the rate of the close
    date. The region is the primary (else first) person's. -#}

with

salesforce_opportunities as (

    select
        opportunity_id,
        opportunity_name,
        stage_name,
        created_at,
        close_date,
        coalesce(is_closed, false) as is_closed,
        coalesce(is_won, false) as is_won,
        amount,
        currency_iso_code as currency_code
    from {{ ref('stg_salesforce__opportunity') }}
    where not is_deleted

),

hubspot_deals as (

    select
        deal_id as opportunity_id,
        deal_name as opportunity_name,
        deal_stage as stage_name,
        created_at,
        close_date,
        coalesce(deal_stage in ('closedwon', 'closedlost'), false) as is_closed,
        coalesce(deal_stage = 'closedwon', false) as is_won,
        amount,
        currency_code
    from {{ ref('stg_hubspot__deals') }}
    where not is_deleted

),

opportunity_persons as (

    select
        source_system,
        opportunity_id,
        person_id,
        is_primary
    from {{ ref('int_opportunity_persons_bridged') }}

),

opportunities as (

    select
        'salesforce' as source_system,
        opportunity_id,
        opportunity_name,
        stage_name,
        created_at,
        close_date,
        is_closed,
        is_won,
        amount,
        currency_code
    from salesforce_opportunities

    union all

    select
        'hubspot' as source_system,
        opportunity_id,
        opportunity_name,
        stage_name,
        created_at,
        close_date,
        is_closed,
        is_won,
        amount,
        currency_code
    from hubspot_deals

),

persons_ranked as (

    select
        opportunity_persons.source_system,
        opportunity_persons.opportunity_id,
        opportunity_persons.person_id,
        opportunity_persons.is_primary,
        people.geo_region,
        row_number() over (
            partition by opportunity_persons.source_system, opportunity_persons.opportunity_id
            order by case when opportunity_persons.is_primary then 0 else 1 end, opportunity_persons.person_id
        ) as person_rank
    from opportunity_persons
    inner join {{ ref('dim_person') }} as people
        on opportunity_persons.person_id = people.person_id

),

regions as (

    select
        source_system,
        opportunity_id,
        coalesce(geo_region, 'UNKNOWN') as region
    from persons_ranked
    where person_rank = 1

),

final as (

    select
        {{ surrogate_key(['opportunities.source_system', 'opportunities.opportunity_id']) }} as opportunity_key,
        opportunities.source_system,
        opportunities.opportunity_id,
        opportunities.opportunity_name,
        opportunities.stage_name,
        persons_ranked.person_id,
        coalesce(persons_ranked.is_primary, false) as is_primary_person,
        coalesce(regions.region, 'UNKNOWN') as region,
        opportunities.created_at,
        opportunities.close_date,
        opportunities.is_closed,
        opportunities.is_won,
        opportunities.amount,
        opportunities.currency_code,
        {{ sql_string(var('reporting_currency')) }} as reporting_currency,
        opportunities.amount * created_fx.rate_to_reporting as pipeline_amount,
        case
            when opportunities.is_won then opportunities.amount * closed_fx.rate_to_reporting
            else 0
        end as won_amount
    from opportunities
    left join persons_ranked
        on
            opportunities.source_system = persons_ranked.source_system
            and opportunities.opportunity_id = persons_ranked.opportunity_id
    left join regions
        on
            opportunities.source_system = regions.source_system
            and opportunities.opportunity_id = regions.opportunity_id
    left join {{ ref('int_fx_rates_ranged') }} as created_fx
        on {{ fx_rate_holds('created_fx', 'opportunities.currency_code', 'opportunities.created_at') }}
    left join {{ ref('int_fx_rates_ranged') }} as closed_fx
        on {{ fx_rate_holds('closed_fx', 'opportunities.currency_code', 'opportunities.close_date') }}

)

select * from final
