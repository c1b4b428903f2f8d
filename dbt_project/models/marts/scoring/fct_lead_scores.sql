{#- Score history of every person under the published rule set (var scoring_ruleset), as change
    intervals [valid_from, valid_to) computed from event time (see macro score_intervals): the
    score of any person at any past moment is the row whose interval holds it (none: 0). Rows
    starting after the newest event are scheduled changes (decay halvings, inactivity rules):
    they hold unless a new event arrives, which rewrites the person's history.
    Incremental by person: a run rewrites the persons whose scoring inputs changed
    (inputs_fingerprint: new or late events, profile, region or rule changes, merges) and
    deletes persons that no longer exist (macros/scoring/scoring_batch.sql), so an incremental
    run and a full refresh hold the same rows. row_fingerprint hashes a row's values, for
    readers that copy the table by changed rows; computed_at, the start of the run that wrote
    it, lets the data tests check only what a run wrote (a person's rows are written together). -#}
{{ config(
    materialized='incremental',
    unique_key='person_id',
    incremental_strategy=leadflow.incremental_strategy(rows_forgotten=true),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_changed_persons(ref('int_person_score_inputs_logged')) }}",
) }}

with

intervals as (

    {{ score_intervals(var('scoring_ruleset', 'live'), ref('int_person_score_inputs_logged')) }}

),

fingerprinted as (

    select
        {{ leadflow.lead_score_id('intervals.person_id', 'intervals.valid_from') }} as lead_score_id,
        intervals.*,
        {{ leadflow.row_fingerprint([
            'intervals.valid_to', 'intervals.fit_score', 'intervals.engagement_score', 'intervals.fit_grade',
            'intervals.engagement_grade', 'intervals.geo_region', 'intervals.is_abm_target',
            'intervals.is_trade_show_gated', 'intervals.mql_threshold', 'intervals.mql_at',
        ]) }} as row_fingerprint,
        {{ leadflow.run_timestamp() }} as computed_at
    from intervals

),

final as (

    select
        lead_score_id,
        person_id,
        ruleset,
        valid_from,
        valid_to,
        is_current,
        fit_score,
        engagement_score,
        total_score,
        fit_grade,
        engagement_grade,
        grade,
        geo_region,
        is_abm_target,
        is_trade_show_gated,
        mql_threshold,
        is_above_threshold,
        mql_at,
        row_fingerprint,
        inputs_fingerprint,
        computed_at
    from fingerprinted

)

select * from final
