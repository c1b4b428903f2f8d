{#- One row per resolved person (stable person_id) with the golden record: each attribute taken
    from one surviving record (see the survivors macro: quality, source priority for the person's
    region from seed identity_source_priority, recency, completeness) and kept with its source.
    The name is chosen as a whole (family and given name from one record), not per part.
    Incremental by person: a daily run rewrites the persons whose profile inputs changed
    (int_person_profile_inputs_logged, macros/scoring/scoring_batch.sql), stamped computed_at;
    a person merged away leaves with their log entry. -#}
{{ config(
    materialized='incremental',
    unique_key='person_id',
    incremental_strategy=leadflow.incremental_strategy(rows_forgotten=true),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_changed_persons(ref('int_person_profile_inputs_logged')) }}",
) }}
{%- set profile_changes = ref('int_person_profile_inputs_logged') -%}
{%- set not_role = 'case when candidates.is_role_email then 1 else 0 end' -%}
{%- set not_free_mail = 'case when candidates.is_free_mail then 1 else 0 end' -%}
{%- set both_names = 'case when candidates.first_name is null then 1 else 0 end' -%}

{#- Golden-record attributes: (attribute, columns chosen together, when a record has a value,
    quality ordering before source priority). -#}
{%- set golden_attributes = [
    ('name', ['last_name', 'first_name'], 'candidates.last_name is not null', [both_names]),
    ('name_kana', ['family_name_kana_normalized', 'given_name_kana_normalized'],
        'candidates.family_name_kana_normalized is not null', []),
    ('email', ['email'], 'candidates.email is not null', [not_role, not_free_mail]),
    ('phone', ['phone'], 'candidates.phone is not null', []),
    ('company', ['company_name', 'account_id'],
        'candidates.company_name is not null or candidates.account_id is not null', []),
    ('title', ['title'], 'candidates.title is not null', []),
    ('country', ['country'], 'candidates.country is not null', []),
] -%}

with

ids as (

    select
        record_key,
        person_id,
        person_id_issued_at
    from {{ ref('int_person_ids_assigned') }}
    where is_current and {{ leadflow.in_person_batch('person_id', profile_changes) }}

),

-- only the columns the golden record reads: the records are scanned once per survivor below,
-- and the whole keyed record made those scans most of the model's time at 1M people
person_records as (

    select
        ids.person_id,
        ids.person_id_issued_at,
        keyed.record_key,
        keyed.source_system,
        keyed.source_object,
        keyed.source_record_id,
        keyed.region,
        keyed.is_deleted,
        keyed.created_at,
        keyed.modified_at,
        keyed.completeness,
        keyed.last_name,
        keyed.first_name,
        keyed.family_name_kana_normalized,
        keyed.given_name_kana_normalized,
        keyed.email,
        keyed.is_role_email,
        keyed.is_free_mail,
        keyed.phone,
        keyed.company_name,
        keyed.title,
        keyed.country,
        keyed.has_opted_out_of_email,
        account_ids.account_id
    from {{ ref('int_person_records_keyed') }} as keyed
    inner join ids
        on keyed.record_key = ids.record_key
    left join {{ ref('int_account_ids_assigned') }} as account_ids
        on keyed.record_key = account_ids.record_key and account_ids.is_current

),

-- a person is Japanese-team ('JP') when at least half of their records are
person_regions as (

    select
        person_id,
        case
            when 2 * sum(case when region = 'JP' then 1 else 0 end) >= count(*) then 'JP'
            else 'GLOBAL'
        end as region
    from person_records
    group by person_id

),

records as (

    select
        person_records.*,
        person_regions.region as entity_region
    from person_records
    inner join person_regions
        on person_records.person_id = person_regions.person_id

),

survivors as (

    {{ survivors('records', 'person_id', golden_attributes) }}

),

people as (

    select
        person_id,
        min(person_id_issued_at) as person_id_issued_at,
        max(entity_region) as region,
        max(case when has_opted_out_of_email then 1 else 0 end) = 1 as has_opted_out_of_email,
        -- source objects are unique across systems: contact and lead are Salesforce's
        max(case when source_object = 'contact' and not is_deleted then source_record_id end) as salesforce_contact_id,
        max(case when source_object = 'lead' and not is_deleted then source_record_id end) as salesforce_lead_id,
        max(case when source_object = 'leads' then source_record_id end) as marketo_lead_id,
        max(case when source_object = 'contacts' and not is_deleted then source_record_id end) as hubspot_contact_id,
        count(*) as record_count,
        count(distinct source_system) as source_system_count,
        min(created_at) as first_seen_at,
        max(coalesce(modified_at, created_at)) as last_seen_at
    from records
    group by person_id

),

final as (

    select
        people.person_id,
        survivors.account_id,
        people.region,
        survivors.last_name as family_name,
        survivors.first_name as given_name,
        survivors.family_name_kana_normalized as family_name_kana,
        survivors.given_name_kana_normalized as given_name_kana,
        survivors.name_source_system,
        survivors.email,
        survivors.email_source_system,
        survivors.phone,
        survivors.phone_source_system,
        survivors.company_name,
        survivors.company_source_system,
        survivors.title,
        survivors.title_source_system,
        survivors.country,
        survivors.country_source_system,
        people.has_opted_out_of_email,
        people.salesforce_contact_id,
        people.salesforce_lead_id,
        people.marketo_lead_id,
        people.hubspot_contact_id,
        people.record_count,
        people.source_system_count,
        people.first_seen_at,
        people.last_seen_at,
        people.person_id_issued_at,
        -- lead profile (int_person_profiles_built, docs/scoring.md)
        profiles.job_function,
        profiles.seniority,
        profiles.persona_title,
        profiles.persona_source_system,
        profiles.persona_known_at,
        profiles.department,
        profiles.department_source_system,
        profiles.country_code,
        profiles.geo_region,
        profiles.country_source_system as country_code_source_system,
        profiles.email_type,
        profiles.is_competitor,
        coalesce(firmographics.industry_group, firmographics.industry_group_from_name) as industry_group,
        case
            when firmographics.industry_group is not null then 'crm'
            when firmographics.industry_group_from_name is not null then 'company_name'
        end as industry_group_source,
        firmographics.employee_band,
        firmographics.revenue_band,
        firmographics.size_source_system as firmographics_source_system,
        profiles.bant_budget,
        profiles.bant_authority,
        profiles.bant_need,
        profiles.bant_timeline,
        profiles.bant_qualified_count,
        profiles.bant_source_system,
        profiles.bant_known_at,
        profiles.has_opted_out_of_email as is_unsubscribed,
        profiles.unsubscribed_at,
        profiles.is_email_bounced,
        profiles.bounced_at,
        profiles.consent_basis,
        profiles.primary_interest,
        profiles.interest_categories,
        profiles.content_touches,
        profiles.interests_last_touched_at,
        -- share of the ten attributes that make a lead valuable that are known
        cast((
            case when survivors.last_name is not null then 1 else 0 end
            + case when survivors.email is not null then 1 else 0 end
            + case when survivors.phone is not null then 1 else 0 end
            + case when survivors.company_name is not null then 1 else 0 end
            + case when profiles.job_function is not null then 1 else 0 end
            + case when profiles.seniority is not null then 1 else 0 end
            + case when profiles.country_code is not null then 1 else 0 end
            + case
                when coalesce(firmographics.industry_group, firmographics.industry_group_from_name) is not null then 1
                else 0
            end
            + case when firmographics.employee_band is not null then 1 else 0 end
            + case when profiles.bant_qualified_count > 0 then 1 else 0 end
        ) as double) / 10 as profile_completeness,
        {{ leadflow.run_timestamp() }} as computed_at
    from people
    left join survivors on people.person_id = survivors.person_id
    left join {{ ref('int_person_profiles_built') }} as profiles on people.person_id = profiles.person_id
    left join {{ ref('int_account_firmographics_banded') }} as firmographics
        on survivors.account_id = firmographics.account_id

)

select * from final
