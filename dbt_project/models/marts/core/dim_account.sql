{#- One row per resolved account (stable account_id) with the golden record, each attribute from
    one surviving record with its source (see the survivors macro; CRM account records outrank
    the company a lead names in seed identity_source_priority). An account with no Salesforce
    account or HubSpot company behind it is inferred from its leads' domain and company name. -#}

{#- Golden-record attributes: (attribute, columns chosen together, when a record has a value,
    quality ordering before source priority). -#}
{%- set golden_attributes = [
    ('name', ['company_name'], 'candidates.company_name is not null', []),
    ('domain', ['company_domain'], 'candidates.company_domain is not null', []),
    ('corporate_number', ['corporate_number'], 'candidates.corporate_number is not null', []),
    ('industry', ['industry'], 'candidates.industry is not null', []),
    ('size', ['number_of_employees', 'annual_revenue'],
        'candidates.number_of_employees is not null or candidates.annual_revenue is not null', []),
    ('country', ['country'], 'candidates.country is not null', []),
    ('owner', ['owner_id'], 'candidates.owner_id is not null', []),
] -%}

with

ids as (

    select
        record_key,
        account_id,
        account_id_issued_at
    from {{ ref('int_account_ids_assigned') }}
    where is_current

),

regions as (

    select
        lower(country) as country_key,
        region
    from {{ ref('identity_country_regions') }}

),

account_records as (

    select
        ids.account_id,
        ids.account_id_issued_at,
        company_records.*,
        case
            when regions.region is not null then regions.region
            when company_records.source_system in ('hubspot', 'events') then 'JP'
            else 'GLOBAL'
        end as record_region,
        (case when company_records.company_name is not null then 1 else 0 end)
        + (case when company_records.company_domain is not null then 1 else 0 end)
        + (case when company_records.industry is not null then 1 else 0 end)
        + (case when company_records.number_of_employees is not null then 1 else 0 end)
        + (case when company_records.country is not null then 1 else 0 end) as completeness
    from {{ ref('int_account_records_unioned') }} as company_records
    inner join ids
        on company_records.record_key = ids.record_key
    left join regions
        on lower(company_records.country) = regions.country_key

),

-- an account is Japanese-team ('JP') when at least half of its records are
account_regions as (

    select
        account_id,
        case
            when 2 * sum(case when record_region = 'JP' then 1 else 0 end) >= count(*) then 'JP'
            else 'GLOBAL'
        end as region
    from account_records
    group by account_id

),

records as (

    select
        account_records.*,
        account_regions.region as entity_region
    from account_records
    inner join account_regions
        on account_records.account_id = account_regions.account_id

),

survivors as (

    {{ survivors('records', 'account_id', golden_attributes) }}

),

people as (

    select
        account_ids.account_id,
        count(distinct person_ids.person_id) as person_count
    from {{ ref('int_account_ids_assigned') }} as account_ids
    inner join {{ ref('int_person_ids_assigned') }} as person_ids
        on account_ids.record_key = person_ids.record_key
    where account_ids.is_current and person_ids.is_current
    group by account_ids.account_id

),

accounts as (

    select
        account_id,
        min(account_id_issued_at) as account_id_issued_at,
        max(entity_region) as region,
        max(case when source_object = 'account' and not is_deleted then source_record_id end) as salesforce_account_id,
        max(case when source_object = 'companies' and not is_deleted then source_record_id end) as hubspot_company_id,
        max(case when is_crm_account then 1 else 0 end) = 0 as is_inferred,
        count(*) as record_count,
        min(created_at) as first_seen_at,
        max(coalesce(modified_at, created_at)) as last_seen_at
    from records
    group by account_id

),

final as (

    select
        accounts.account_id,
        accounts.region,
        survivors.company_name as account_name,
        survivors.name_source_system as account_name_source_system,
        survivors.company_domain as account_domain,
        survivors.domain_source_system,
        survivors.corporate_number,
        survivors.industry,
        survivors.industry_source_system,
        survivors.number_of_employees,
        survivors.annual_revenue,
        survivors.size_source_system,
        survivors.country,
        survivors.country_source_system,
        survivors.owner_id,
        survivors.owner_source_system,
        accounts.salesforce_account_id,
        accounts.hubspot_company_id,
        accounts.is_inferred,
        accounts.record_count,
        coalesce(people.person_count, 0) as person_count,
        accounts.first_seen_at,
        accounts.last_seen_at,
        accounts.account_id_issued_at
    from accounts
    left join survivors on accounts.account_id = survivors.account_id
    left join people on accounts.account_id = people.account_id

)

select * from final
