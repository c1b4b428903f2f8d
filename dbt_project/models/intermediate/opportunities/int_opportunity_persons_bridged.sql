{#- Who is on each opportunity, as persons: a Salesforce opportunity's contact roles (keeping the
    primary flag) and the lead converted into it, a HubSpot deal's first associated contact (the
    only association the deal export carries). One row per system, opportunity and person; a
    person reached both through a converted lead and its contact's role counts once. Deleted
    opportunities keep their persons: whoever reads the opportunity decides. Lifecycle, scoring
    and attribution all read this, so an opportunity belongs to the same persons everywhere. -#}

with

bridge as (

    select
        source_system,
        source_object,
        source_record_id,
        person_id
    from {{ ref('bridge_person_records') }}

),

salesforce_persons as (

    select
        contact_roles.opportunity_id,
        bridge.person_id,
        coalesce(contact_roles.is_primary, false) as is_primary
    from {{ ref('stg_salesforce__opportunity_contact_role') }} as contact_roles
    inner join bridge
        on
            bridge.source_system = 'salesforce'
            and bridge.source_object = 'contact'
            and contact_roles.contact_id = bridge.source_record_id

    union all

    select
        leads.converted_opportunity_id as opportunity_id,
        bridge.person_id,
        false as is_primary
    from {{ ref('stg_salesforce__lead') }} as leads
    inner join bridge
        on
            bridge.source_system = 'salesforce'
            and bridge.source_object = 'lead'
            and leads.lead_id = bridge.source_record_id
    where leads.converted_opportunity_id is not null

),

hubspot_persons as (

    select
        deals.deal_id as opportunity_id,
        bridge.person_id
    from {{ ref('stg_hubspot__deals') }} as deals
    inner join bridge
        on
            bridge.source_system = 'hubspot'
            and bridge.source_object = 'contacts'
            and deals.first_associated_contact_id = bridge.source_record_id

),

final as (

    select
        'salesforce' as source_system,
        opportunity_id,
        person_id,
        max(case when is_primary then 1 else 0 end) = 1 as is_primary
    from salesforce_persons
    group by opportunity_id, person_id

    union all

    select distinct
        'hubspot' as source_system,
        opportunity_id,
        person_id,
        true as is_primary
    from hubspot_persons

)

select * from final
