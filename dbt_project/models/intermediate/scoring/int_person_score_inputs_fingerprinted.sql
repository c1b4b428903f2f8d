{#- One row per scorable person (a person with profile attributes) and the fingerprint of
    everything the scoring chain reads to score them: their profile attributes, their
    touchpoints, and what applies to everyone (the rule sets computed, the resolved rules, MQL
    thresholds, grade bands and ABM targets). The scoring models keep it on their rows and a
    daily run recomputes only the persons whose fingerprint changed
    (macros/scoring/scoring_batch.sql): new or late events, profile or region changes, identity
    merges and splits; a rule or seed change changes every fingerprint, so everyone is scored
    again. Scores are computed from event time alone (decay and inactivity are scheduled
    changes), so the passing of days changes nothing.
    Incremental by person: a person's attributes and touchpoints change only with their profile
    inputs (int_person_profile_inputs_logged hashes what the attributes read: records, accounts
    with their firmographics and domain, touchpoints), so a daily run hashes those persons again,
    and everyone when what applies to everyone changed (shared_fingerprint). -#}
{#- The stored column is added before the forgetting deletes: DuckDB refuses to commit an ALTER
    of a table the same transaction deleted from. -#}
{{ config(
    materialized='incremental',
    unique_key='person_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook=[
        "{{ leadflow.add_stored_column('shared_fingerprint') }}",
        "{{ leadflow.forget_changed_persons(ref('int_person_profile_inputs_logged')) }}",
    ],
) }}
{%- set profile_changes = ref('int_person_profile_inputs_logged') -%}
{#- the persons hashed again: those whose profile inputs changed, and everyone when what applies
    to everyone changed -#}
{%- set in_fingerprint_batch -%}
    {%- if leadflow.incremental_batch() -%}
        ({{ leadflow.in_person_batch('person_id', profile_changes) }}
        or (select max(stored.shared_fingerprint) from {{ this }} as stored)
        is distinct from (select shared.shared_fingerprint from shared))
    {%- else -%}
        true
    {%- endif -%}
{%- endset -%}
with

rules as (

    select
        {{ leadflow.unordered_hash([
            'ruleset', 'rule_id', 'geo_region', 'rule_region', 'valid_from', 'valid_to', 'dimension', 'attribute',
            'operator', 'rule_value', 'filter_attribute', 'filter_operator', 'filter_value', 'points',
            'half_life_days', 'max_points_per_day', 'max_points_total',
        ]) }} as rules_hash
    from {{ ref('int_scoring_rules_resolved') }}

),

thresholds as (

    select
        {{ leadflow.unordered_hash(['region', 'valid_from', 'mql_threshold', 'gated_mql_threshold']) }}
            as thresholds_hash
    from {{ ref('scoring_mql_thresholds') }}

),

bands as (

    select {{ leadflow.unordered_hash(['dimension', 'grade', 'min_score']) }} as bands_hash
    from {{ ref('scoring_grade_bands') }}

),

abm as (

    select {{ leadflow.unordered_hash(['account_domain', 'region', 'added_on']) }} as abm_hash
    from {{ ref('scoring_abm_target_accounts') }}

),

shared as (

    select
        {{ leadflow.surrogate_key([
            "'" ~ leadflow.scoring_rulesets() | join(',') ~ "'",
            'rules.rules_hash',
            'thresholds.thresholds_hash',
            'bands.bands_hash',
            'abm.abm_hash',
        ]) }} as shared_fingerprint
    from rules
    cross join thresholds
    cross join bands
    cross join abm

),

attributes as (

    select * from {{ ref('int_person_score_attributes_unpivoted') }}
    where {{ in_fingerprint_batch }}

),

touchpoints as (

    select * from {{ ref('fct_touchpoints') }}
    where {{ in_fingerprint_batch }}

),

person_attributes as (

    select
        person_id,
        max(geo_region) as geo_region,
        {{ leadflow.unordered_hash(['geo_region', 'attribute_name', 'attribute_value', 'known_at', 'known_until']) }}
            as attributes_hash
    from attributes
    group by person_id

),

person_touchpoints as (

    select
        person_id,
        {{ leadflow.unordered_hash([
            'touchpoint_id', 'event_type', 'channel', 'content_category', 'source_system', 'occurred_at',
        ]) }} as touchpoints_hash
    from touchpoints
    group by person_id

),

final as (

    select
        person_attributes.person_id,
        person_attributes.geo_region,
        {{ leadflow.surrogate_key([
            "'" ~ leadflow.scoring_rulesets() | join(',') ~ "'",
            'rules.rules_hash',
            'thresholds.thresholds_hash',
            'bands.bands_hash',
            'person_attributes.attributes_hash',
            'person_touchpoints.touchpoints_hash',
        ]) }} as inputs_fingerprint,
        shared.shared_fingerprint,
        {{ leadflow.run_timestamp() }} as computed_at
    from person_attributes
    left join person_touchpoints
        on person_attributes.person_id = person_touchpoints.person_id
    cross join rules
    cross join thresholds
    cross join bands
    cross join shared

)

select * from final
