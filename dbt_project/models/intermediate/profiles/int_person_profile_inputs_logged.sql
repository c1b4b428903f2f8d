{#- When each person's profile inputs last changed: one row per person ever resolved, with the
    fingerprint of everything int_person_interests_ranked, int_person_profiles_built, dim_person
    and the scoring attributes (int_person_score_attributes_unpivoted) read for them (null once
    the person is gone: merged away, every record left) and changed_at, the start of the run
    that saw it change. Those models and the scoring fingerprint rewrite only the persons changed
    since their newest row (macros/scoring/scoring_batch.sql): at 1M people a daily run changes
    a few percent of the persons, and rebuilding the three profile models for everyone took 55 s.
    The fingerprint reads no profile logic, only its inputs, and what costs is cheap to compare:
    - the records: each record's own fingerprint (its values and the matching seeds it was keyed
      with), its account with that account's firmographics and domain, and when the person's id
      was issued;
    - the classified titles and the BANT answers, whose seeds they already applied;
    - the touchpoints by their count and the newest run that wrote one: a run that adds, moves or
      changes a touchpoint stamps it (computed_at), one that deletes it lowers the count;
    - the seeds the profile models read themselves. -#}
{{ config(
    materialized='incremental',
    unique_key='person_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
) }}

with

countries as (

    select {{ leadflow.unordered_hash(['country', 'country_code', 'geo_region']) }} as fingerprint
    from {{ ref('profile_countries') }}

),

country_regions as (

    select {{ leadflow.unordered_hash(['country', 'region']) }} as fingerprint
    from {{ ref('identity_country_regions') }}

),

competitors as (

    select {{ leadflow.unordered_hash(['domain', 'competitor']) }} as fingerprint
    from {{ ref('profile_competitor_domains') }}

),

priorities as (

    select
        {{ leadflow.unordered_hash(['region', 'attribute', 'source_system', 'source_object', 'priority']) }}
            as fingerprint
    from {{ ref('identity_source_priority') }}

),

seeds as (

    select
        {{ dbt.concat([
            'countries.fingerprint', "'|'", 'country_regions.fingerprint', "'|'",
            'competitors.fingerprint', "'|'", 'priorities.fingerprint',
        ]) }} as seeds_fingerprint
    from countries
    cross join country_regions
    cross join competitors
    cross join priorities

),

records as (

    select
        bridge.person_id,
        {{ leadflow.unordered_hash([
            'bridge.record_key', 'keyed.source_fingerprint', 'bridge.account_id', 'ids.person_id_issued_at',
            'firmographics.industry_group', 'firmographics.industry_group_from_name', 'firmographics.employee_band',
            'firmographics.revenue_band', 'firmographics.size_source_system', 'firmographics.account_named_at',
            'firmographics.firmographics_known_at', 'golden_accounts.account_domain',
        ]) }} as records_fingerprint
    from {{ ref('bridge_person_records') }} as bridge
    inner join {{ ref('int_person_records_keyed') }} as keyed
        on bridge.record_key = keyed.record_key
    inner join {{ ref('int_person_ids_assigned') }} as ids
        on bridge.record_key = ids.record_key and ids.is_current
    left join {{ ref('int_account_firmographics_banded') }} as firmographics
        on bridge.account_id = firmographics.account_id
    left join {{ ref('dim_account') }} as golden_accounts
        on bridge.account_id = golden_accounts.account_id
    group by bridge.person_id

),

titles as (

    select
        person_id,
        {{ leadflow.unordered_hash([
            'record_key', 'source_system', 'title', 'department', 'job_function', 'seniority', 'created_at',
        ]) }} as titles_fingerprint
    from {{ ref('int_person_titles_classified') }}
    group by person_id

),

bant as (

    select
        person_id,
        {{ leadflow.row_fingerprint([
            'bant_budget', 'bant_budget_answer', 'bant_budget_at', 'bant_authority', 'bant_authority_answer',
            'bant_authority_at', 'bant_need', 'bant_need_answer', 'bant_need_at', 'bant_timeline',
            'bant_timeline_answer', 'bant_timeline_at', 'bant_qualified_count', 'bant_source_system',
        ]) }} as bant_fingerprint
    from {{ ref('int_person_bant_collected') }}

),

touchpoints as (

    select
        person_id,
        count(*) as touchpoint_count,
        max(computed_at) as touchpoints_computed_at
    from {{ ref('fct_touchpoints') }}
    group by person_id

),

fingerprints as (

    select
        coalesce(records.person_id, touchpoints.person_id) as person_id,
        {{ leadflow.surrogate_key([
            'seeds.seeds_fingerprint', 'records.records_fingerprint', 'titles.titles_fingerprint',
            'bant.bant_fingerprint', 'touchpoints.touchpoint_count', 'touchpoints.touchpoints_computed_at',
        ]) }} as inputs_fingerprint
    from records
    full outer join touchpoints
        on records.person_id = touchpoints.person_id
    left join titles
        on records.person_id = titles.person_id
    left join bant
        on records.person_id = bant.person_id
    cross join seeds

),

final as (

    {{ leadflow.fingerprint_changes('fingerprints') }}

)

select * from final
