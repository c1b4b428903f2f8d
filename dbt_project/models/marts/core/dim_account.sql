{#- One row per resolved account (stable account_id) with the golden record, each attribute from
    one surviving record with its source (see the survivor macro; CRM account records outrank
    the company a lead names in seed identity_source_priority). An account with no Salesforce
    account or HubSpot company behind it is inferred from its leads' domain and company name. -#}

{#- Golden-record attributes: (CTE, attribute, columns chosen together, when a record has a value,
    quality ordering before source priority). -#}
{%- set survivors = [
    ('names', 'name', ['company_name'], 'candidates.company_name is not null', []),
    ('domains', 'domain', ['company_domain'], 'candidates.company_domain is not null', []),
    ('corporate_numbers', 'corporate_number', ['corporate_number'], 'candidates.corporate_number is not null', []),
    ('industries', 'industry', ['industry'], 'candidates.industry is not null', []),
    ('sizes', 'size', ['number_of_employees', 'annual_revenue'],
        'candidates.number_of_employees is not null or candidates.annual_revenue is not null', []),
    ('countries', 'country', ['country'], 'candidates.country is not null', []),
    ('owners', 'owner', ['owner_id'], 'candidates.owner_id is not null', []),
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

{% for cte, attribute, columns, present, quality in survivors %}
    {{ cte }} as (

        {{ survivor('records', 'account_id', attribute, columns, present, quality) }}

    ),

{% endfor %}
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
        names.company_name as account_name,
        names.name_source_system as account_name_source_system,
        domains.company_domain as account_domain,
        domains.domain_source_system,
        corporate_numbers.corporate_number,
        industries.industry,
        industries.industry_source_system,
        sizes.number_of_employees,
        sizes.annual_revenue,
        sizes.size_source_system,
        countries.country,
        countries.country_source_system,
        owners.owner_id,
        owners.owner_source_system,
        accounts.salesforce_account_id,
        accounts.hubspot_company_id,
        accounts.is_inferred,
        accounts.record_count,
        coalesce(people.person_count, 0) as person_count,
        accounts.first_seen_at,
        accounts.last_seen_at,
        accounts.account_id_issued_at
    from accounts
    left join names on accounts.account_id = names.account_id
    left join domains on accounts.account_id = domains.account_id
    left join corporate_numbers on accounts.account_id = corporate_numbers.account_id
    left join industries on accounts.account_id = industries.account_id
    left join sizes on accounts.account_id = sizes.account_id
    left join countries on accounts.account_id = countries.account_id
    left join owners on accounts.account_id = owners.account_id
    left join people on accounts.account_id = people.account_id

)

select * from final
