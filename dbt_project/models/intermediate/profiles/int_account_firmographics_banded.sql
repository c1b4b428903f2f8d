{#- Firmographics per resolved account: the industry as each CRM names it folded to one industry
    group (seed profile_industries), the employee band (seed profile_employee_bands) and the
    revenue band (seed profile_revenue_bands: JP accounts report revenue in yen, the rest in
    dollars; a region row wins over the '*' row), and since when they are known: the first record
    of the account that carries industry or size (a CRM account is often created only when a lead
    converts, so scoring must not use its firmographics before then). Until a CRM names the
    industry, the company name's words give one (seed profile_company_name_industries), known from
    the account's first record. -#}
with

accounts as (

    select
        account_id,
        region,
        account_name,
        first_seen_at,
        industry,
        industry_source_system,
        number_of_employees,
        annual_revenue,
        size_source_system
    from {{ ref('dim_account') }}

),

-- the name lower-cased, and as words between spaces, once per account: the rule join below
-- compares every account with every rule, and computed there they cost once per pair
account_names as (

    select
        account_id,
        lower(account_name) as name_lower,
        {{ dbt.concat(["' '", "translate(lower(account_name), ',.&/()|:;-', '          ')", "' '"]) }} as name_words
    from accounts
    where account_name is not null

),

known as (

    select
        ids.account_id,
        min(records.created_at) as firmographics_known_at
    from {{ ref('int_account_records_unioned') }} as records
    inner join {{ ref('int_account_ids_assigned') }} as ids
        on records.record_key = ids.record_key and ids.is_current
    where
        records.industry is not null
        or records.number_of_employees is not null
        or records.annual_revenue is not null
    group by ids.account_id

),

name_industries as (

    select
        account_names.account_id,
        rules.industry_group,
        row_number() over (partition by account_names.account_id order by rules.priority) as match_rank
    from account_names
    inner join {{ ref('profile_company_name_industries') }} as rules
        on
            (
                rules.match_type = 'contains'
                and account_names.name_lower like {{ dbt.concat(["'%'", 'rules.pattern', "'%'"]) }}
            )
            or (
                rules.match_type = 'word'
                and account_names.name_words like {{ dbt.concat(["'% '", 'rules.pattern', "' %'"]) }}
            )

),

revenue_bands as (

    select
        accounts.account_id,
        bands.revenue_band,
        row_number() over (
            partition by accounts.account_id
            order by case when bands.region = '*' then 1 else 0 end
        ) as band_rank
    from accounts
    inner join {{ ref('profile_revenue_bands') }} as bands
        on
            bands.region in (accounts.region, '*')
            and accounts.annual_revenue >= bands.min_revenue
            and accounts.annual_revenue < bands.max_revenue

),

final as (

    select
        accounts.account_id,
        accounts.industry,
        industries.industry_group,
        accounts.industry_source_system,
        name_industries.industry_group as industry_group_from_name,
        accounts.first_seen_at as account_named_at,
        employee_bands.employee_band,
        revenue_bands.revenue_band,
        accounts.size_source_system,
        known.firmographics_known_at
    from accounts
    left join known
        on accounts.account_id = known.account_id
    left join {{ ref('profile_industries') }} as industries
        on lower(trim(accounts.industry)) = industries.industry
    left join {{ ref('profile_employee_bands') }} as employee_bands
        on
            accounts.number_of_employees >= employee_bands.min_employees
            and accounts.number_of_employees < employee_bands.max_employees
    left join revenue_bands
        on accounts.account_id = revenue_bands.account_id and revenue_bands.band_rank = 1
    left join name_industries
        on accounts.account_id = name_industries.account_id and name_industries.match_rank = 1

)

select * from final
