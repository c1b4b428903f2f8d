{#- The profile of every resolved person: persona (job function, seniority, department from the
    title), country and sales region, email type and competitor flag, BANT, consent and interests,
    each with where and when it was learnt (*_source_system, *_known_at: the first record that
    gave the chosen value, so scoring can apply an attribute from the time it was known).
    dim_person adds these columns; the account's firmographics join there by account_id.
    Incremental by person: a daily run rewrites the persons whose profile inputs changed
    (int_person_profile_inputs_logged, macros/scoring/scoring_batch.sql). Each of the scans below
    keeps only those persons: the windows that rank their values run over every person
    otherwise. -#}
{{ config(
    materialized='incremental',
    unique_key='person_id',
    incremental_strategy=leadflow.incremental_strategy(rows_forgotten=true),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_changed_persons(ref('int_person_profile_inputs_logged')) }}",
) }}
{%- set profile_changes = ref('int_person_profile_inputs_logged') -%}

with

people as (

    select
        bridge.person_id,
        min(keyed.created_at) as first_seen_at
    from {{ ref('bridge_person_records') }} as bridge
    inner join {{ ref('int_person_records_keyed') }} as keyed
        on bridge.record_key = keyed.record_key
    where {{ leadflow.in_person_batch('bridge.person_id', profile_changes) }}
    group by bridge.person_id

),

-- persona: the newest record that names both function and seniority, else one of them
titles as (

    select
        titles.*,
        row_number() over (
            partition by titles.person_id
            order by
                case when titles.job_function is not null and titles.seniority is not null then 0 else 1 end asc,
                case when titles.job_function is not null or titles.seniority is not null then 0 else 1 end asc,
                titles.created_at desc,
                titles.record_key asc
        ) as title_rank
    from {{ ref('int_person_titles_classified') }} as titles
    where {{ leadflow.in_person_batch('titles.person_id', profile_changes) }}

),

personas as (

    select
        chosen.person_id,
        chosen.title as persona_title,
        chosen.job_function,
        chosen.seniority,
        chosen.source_system as persona_source_system,
        min(same.created_at) as persona_known_at
    from titles as chosen
    inner join titles as same
        on
            chosen.person_id = same.person_id
            and coalesce(chosen.job_function, '-') = coalesce(same.job_function, '-')
            and coalesce(chosen.seniority, '-') = coalesce(same.seniority, '-')
    where chosen.title_rank = 1
    group by chosen.person_id, chosen.title, chosen.job_function, chosen.seniority, chosen.source_system

),

departments as (

    select
        person_id,
        department,
        source_system as department_source_system,
        row_number() over (partition by person_id order by created_at desc, record_key asc) as department_rank
    from {{ ref('int_person_titles_classified') }}
    where department is not null and {{ leadflow.in_person_batch('person_id', profile_changes) }}

),

-- country spellings: the Japan spellings of identity_country_regions, the rest from
-- profile_countries; a Japanese business card without a country is a Japan record
country_spellings as (

    select
        country,
        country_code,
        geo_region
    from {{ ref('profile_countries') }}

    union all

    select
        country,
        'JP' as country_code,
        'JP' as geo_region
    from {{ ref('identity_country_regions') }}
    where region = 'JP'

),

record_countries as (

    select
        bridge.person_id,
        keyed.source_system,
        keyed.created_at,
        keyed.record_key,
        coalesce(
            country_spellings.country_code, case when keyed.source_system = 'events' then 'JP' end
        ) as country_code,
        coalesce(country_spellings.geo_region, case when keyed.source_system = 'events' then 'JP' end) as geo_region
    from {{ ref('int_person_records_keyed') }} as keyed
    inner join {{ ref('bridge_person_records') }} as bridge
        on keyed.record_key = bridge.record_key
    left join country_spellings
        on lower(trim(keyed.country)) = country_spellings.country
    where {{ leadflow.in_person_batch('bridge.person_id', profile_changes) }}

),

countries as (

    select
        person_id,
        country_code,
        geo_region,
        source_system as country_source_system,
        row_number() over (partition by person_id order by created_at desc, record_key asc) as country_rank
    from record_countries
    where country_code is not null

),

country_known as (

    select
        record_countries.person_id,
        record_countries.country_code,
        min(record_countries.created_at) as country_known_at
    from record_countries
    where record_countries.country_code is not null
    group by record_countries.person_id, record_countries.country_code

),

-- email type: a work address when the person ever gave one, else free mail, else a role address
emails as (

    select
        bridge.person_id,
        keyed.email_domain,
        keyed.created_at,
        case
            when keyed.is_role_email then 'role'
            when keyed.is_free_mail then 'free_mail'
            else 'work'
        end as email_type,
        case
            when keyed.is_role_email then 3
            when keyed.is_free_mail then 2
            else 1
        end as email_type_rank
    from {{ ref('int_person_records_keyed') }} as keyed
    inner join {{ ref('bridge_person_records') }} as bridge
        on keyed.record_key = bridge.record_key
    where keyed.email is not null and {{ leadflow.in_person_batch('bridge.person_id', profile_changes) }}

),

email_types as (

    select
        person_id,
        min(email_type_rank) as email_type_rank
    from emails
    group by person_id

),

email_profile as (

    select
        emails.person_id,
        max(emails.email_type) as email_type,
        min(emails.created_at) as email_type_known_at
    from emails
    inner join email_types
        on emails.person_id = email_types.person_id and emails.email_type_rank = email_types.email_type_rank
    group by emails.person_id

),

competitors as (

    select
        emails.person_id,
        min(emails.created_at) as competitor_known_at
    from emails
    inner join {{ ref('profile_competitor_domains') }} as domains
        on emails.email_domain = domains.domain
    group by emails.person_id

),

-- consent: opt-out on any record or an unsubscribe event; a hard bounce; the basis on which
-- the person may be mailed (Japan's opt-in law accepts an address handed over on a business card)
consent_events as (

    select
        person_id,
        min(case when event_type = 'email_unsubscribe' then occurred_at end) as unsubscribed_at,
        min(case when event_type = 'email_bounce' then occurred_at end) as bounced_at,
        min(case when event_type in ('form_submit', 'webinar_registered') then occurred_at end) as opted_in_at,
        min(case when event_type = 'trade_show_scan' then occurred_at end) as card_received_at
    from {{ ref('fct_touchpoints') }}
    where {{ leadflow.in_person_batch('person_id', profile_changes) }}
    group by person_id

),

record_consent as (

    select
        bridge.person_id,
        max(case when keyed.has_opted_out_of_email then 1 else 0 end) = 1 as has_opted_out_on_record
    from {{ ref('int_person_records_keyed') }} as keyed
    inner join {{ ref('bridge_person_records') }} as bridge
        on keyed.record_key = bridge.record_key
    where {{ leadflow.in_person_batch('bridge.person_id', profile_changes) }}
    group by bridge.person_id

),

final as (

    select
        people.person_id,
        personas.persona_title,
        personas.job_function,
        personas.seniority,
        personas.persona_source_system,
        personas.persona_known_at,
        departments.department,
        departments.department_source_system,
        countries.country_code,
        coalesce(countries.geo_region, 'UNKNOWN') as geo_region,
        countries.country_source_system,
        country_known.country_known_at,
        email_profile.email_type,
        email_profile.email_type_known_at,
        competitors.person_id is not null as is_competitor,
        competitors.competitor_known_at,
        bant.bant_budget,
        bant.bant_authority,
        bant.bant_need,
        bant.bant_timeline,
        bant.bant_budget_answer,
        bant.bant_authority_answer,
        bant.bant_need_answer,
        bant.bant_timeline_answer,
        coalesce(bant.bant_qualified_count, 0) as bant_qualified_count,
        bant.bant_source_system,
        least(bant.bant_budget_at, bant.bant_authority_at, bant.bant_need_at, bant.bant_timeline_at)
            as bant_known_at,
        coalesce(record_consent.has_opted_out_on_record, false) or consent_events.unsubscribed_at is not null
            as has_opted_out_of_email,
        consent_events.unsubscribed_at,
        consent_events.bounced_at is not null as is_email_bounced,
        consent_events.bounced_at,
        case
            when coalesce(record_consent.has_opted_out_on_record, false) or consent_events.unsubscribed_at is not null
                then 'opted_out'
            when consent_events.opted_in_at is not null then 'opt_in'
            when consent_events.card_received_at is not null then 'business_card'
            else 'crm_record'
        end as consent_basis,
        interests.primary_interest,
        interests.interest_categories,
        coalesce(interests.content_touches, 0) as content_touches,
        interests.interests_last_touched_at,
        people.first_seen_at,
        {{ leadflow.run_timestamp() }} as computed_at
    from people
    left join personas on people.person_id = personas.person_id
    left join departments on people.person_id = departments.person_id and departments.department_rank = 1
    left join countries on people.person_id = countries.person_id and countries.country_rank = 1
    left join country_known
        on people.person_id = country_known.person_id and countries.country_code = country_known.country_code
    left join email_profile on people.person_id = email_profile.person_id
    left join competitors on people.person_id = competitors.person_id
    left join {{ ref('int_person_bant_collected') }} as bant on people.person_id = bant.person_id
    left join consent_events on people.person_id = consent_events.person_id
    left join record_consent on people.person_id = record_consent.person_id
    left join {{ ref('int_person_interests_ranked') }} as interests on people.person_id = interests.person_id

)

select * from final
