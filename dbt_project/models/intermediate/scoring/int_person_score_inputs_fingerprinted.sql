{#- One row per scorable person (a person with profile attributes) and the fingerprint of
    everything the scoring chain reads to score them: their profile attributes, their
    touchpoints, and what applies to everyone (the rule sets computed, the resolved rules, MQL
    thresholds and grade bands). The scoring models keep it on their rows and a daily run
    recomputes only the persons whose fingerprint changed (macros/scoring/scoring_batch.sql): new
    or late events, profile or region changes, identity merges and splits; a rule or seed change
    changes every fingerprint, so everyone is scored again. Scores are computed from event time
    alone (decay and inactivity are scheduled changes), so the passing of days changes nothing. -#}

with

attributes as (

    select * from {{ ref('int_person_score_attributes_unpivoted') }}

),

touchpoints as (

    select * from {{ ref('fct_touchpoints') }}

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
        ]) }} as inputs_fingerprint
    from person_attributes
    left join person_touchpoints
        on person_attributes.person_id = person_touchpoints.person_id
    cross join rules
    cross join thresholds
    cross join bands

)

select * from final
