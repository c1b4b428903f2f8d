{#- The demand-waterfall history: one row per person per stage entry (from stage, stage entered,
    entered_at, exited_at, source of truth, owner, origin, reason), built by
    int_person_stages_sequenced from event time only, so the path as of any past moment is the
    rows entered by then. The person's current account is carried for account views.
    Incremental like fct_lead_scores: a run rewrites (delete+insert by person_id) the persons with
    an entry that is new, gone or different from the stored one (row_fingerprint), and a
    post-hook deletes persons that no longer have a path (merged away), so an incremental run
    and a full refresh hold the same rows. -#}
{{ config(
    materialized='incremental',
    unique_key='person_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    post_hook="{{ leadflow.prune_orphans('person_id', ref('int_person_stages_sequenced')) }}",
) }}

with

transitions as (

    select
        sequenced.*,
        persons.account_id
    from {{ ref('int_person_stages_sequenced') }} as sequenced
    left join {{ ref('dim_person') }} as persons
        on sequenced.person_id = persons.person_id

),

fingerprinted as (

    select
        transitions.*,
        {{ leadflow.row_fingerprint([
            'transitions.account_id', 'transitions.cycle_number', 'transitions.from_stage_code',
            'transitions.stage_code', 'transitions.stage_order', 'transitions.stage_kind', 'transitions.entered_at', 'transitions.exited_at',
            'transitions.is_inferred', 'transitions.source_of_truth', 'transitions.source_system',
            'transitions.source_value', 'transitions.source_record_id', 'transitions.opportunity_id',
            'transitions.owner_team', 'transitions.owner_id', 'transitions.origin', 'transitions.reason_code',
        ]) }} as row_fingerprint
    from transitions

),

changed as (

    {{ leadflow.rows_of_changed_entities('fingerprinted', 'stage_transition_id') }}

),

final as (

    select
        stage_transition_id,
        person_id,
        account_id,
        entry_number,
        cycle_number,
        from_stage_code,
        stage_code,
        stage_order,
        stage_kind,
        entered_at,
        exited_at,
        is_current,
        is_inferred,
        source_of_truth,
        source_system,
        source_value,
        source_record_id,
        opportunity_id,
        owner_team,
        owner_id,
        origin,
        reason_code,
        row_fingerprint
    from changed

)

select * from final
