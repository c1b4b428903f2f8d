{#- The profile attributes fit rules can test, one row per person and attribute, as text, with
    the time the value became known (known_at): a rule counts from then on, so the score of a past
    date only sees what was known that day. Attributes: job_function, seniority, geo_region,
    country_code, email_type, is_competitor, industry_group, employee_band, revenue_band,
    bant_budget, bant_authority, bant_need, bant_timeline, is_abm_target. The account is the
    person's account in dim_person; ABM targets come from seed scoring_abm_target_accounts.
    A view: the join and unpivot compute in 2-4 s at 1M people, while writing its 9.6M rows took
    12-19 s on every run. Its readers are the inputs fingerprint (every person) and the scoring
    chain's batches (the day's changed persons). -#}
{{ config(materialized='view') }}
{%- set attributes = [
    ('job_function', 'profiles.job_function', 'profiles.persona_known_at'),
    ('seniority', 'profiles.seniority', 'profiles.persona_known_at'),
    ('geo_region', 'profiles.geo_region', 'profiles.first_seen_at'),
    ('country_code', 'profiles.country_code', 'profiles.country_known_at'),
    ('email_type', 'profiles.email_type', 'profiles.email_type_known_at'),
    ('is_competitor', "case when profiles.is_competitor then 'true' else 'false' end",
        'coalesce(profiles.competitor_known_at, profiles.first_seen_at)'),
    ('employee_band', 'firmographics.employee_band', 'firmographics.firmographics_known_at'),
    ('revenue_band', 'firmographics.revenue_band', 'firmographics.firmographics_known_at'),
    ('bant_budget', 'profiles.bant_budget', 'profiles.bant_known_at'),
    ('bant_authority', 'profiles.bant_authority', 'profiles.bant_known_at'),
    ('bant_need', 'profiles.bant_need', 'profiles.bant_known_at'),
    ('bant_timeline', 'profiles.bant_timeline', 'profiles.bant_known_at'),
    ('is_abm_target', "case when abm.account_domain is not null then 'true' else 'false' end",
        'profiles.first_seen_at'),
] -%}
{#- industry_group: the CRM's industry from when the CRM knew it; before that (or without it) the
    one the company name gives, from when the company was first named. -#}

with

profiles as (

    select
        profiles.*,
        persons.account_id
    from {{ ref('int_person_profiles_built') }} as profiles
    inner join {{ ref('dim_person') }} as persons
        on profiles.person_id = persons.person_id

),

joined as (

    select
        profiles.*,
        firmographics.industry_group,
        firmographics.industry_group_from_name,
        case
            when firmographics.account_named_at > profiles.first_seen_at then firmographics.account_named_at
            else profiles.first_seen_at
        end as account_named_at,
        firmographics.employee_band,
        firmographics.revenue_band,
        case
            when firmographics.firmographics_known_at > profiles.first_seen_at then firmographics.firmographics_known_at
            else profiles.first_seen_at
        end as firmographics_known_at,
        abm.account_domain
    from profiles
    left join {{ ref('int_account_firmographics_banded') }} as firmographics
        on profiles.account_id = firmographics.account_id
    left join {{ ref('dim_account') }} as golden_accounts
        on profiles.account_id = golden_accounts.account_id
    left join {{ ref('scoring_abm_target_accounts') }} as abm
        on golden_accounts.account_domain = abm.account_domain

),

unpivoted as (

    {% for name, value, known_at in attributes %}
        select
            joined.person_id,
            joined.geo_region,
            '{{ name }}' as attribute_name,
            {%- set joined_value = value | replace('profiles.', 'joined.') | replace('firmographics.', 'joined.') -%}
            cast(
                {{ joined_value | replace('abm.', 'joined.') }}
                as {{ dbt.type_string() }}
            ) as attribute_value,
            {{ known_at | replace('profiles.', 'joined.') | replace('firmographics.', 'joined.') }} as known_at,
            cast(null as {{ dbt.type_timestamp() }}) as known_until
        from joined
        union all
    {% endfor %}

    -- the CRM's industry
    select
        joined.person_id,
        joined.geo_region,
        'industry_group' as attribute_name,
        joined.industry_group as attribute_value,
        case
            when joined.industry_group = joined.industry_group_from_name then joined.account_named_at
            else joined.firmographics_known_at
        end as known_at,
        cast(null as {{ dbt.type_timestamp() }}) as known_until
    from joined
    where joined.industry_group is not null

    union all

    -- the company name's industry, until a CRM names another one
    select
        joined.person_id,
        joined.geo_region,
        'industry_group' as attribute_name,
        joined.industry_group_from_name as attribute_value,
        joined.account_named_at as known_at,
        case when joined.industry_group is not null then joined.firmographics_known_at end as known_until
    from joined
    where
        joined.industry_group_from_name is not null
        and (joined.industry_group is null or joined.industry_group <> joined.industry_group_from_name)

),

final as (

    select
        person_id,
        geo_region,
        attribute_name,
        attribute_value,
        known_at,
        known_until
    from unpivoted
    where
        attribute_value is not null
        and known_at is not null
        and (known_until is null or known_until > known_at)

)

select * from final
