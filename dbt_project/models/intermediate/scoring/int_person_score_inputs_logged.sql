{#- When each person's scoring inputs last changed: one row per person ever scorable, with the
    current inputs_fingerprint (null once the person is no longer scorable: merged away, no
    profile left) and changed_at, the start of the run that saw the fingerprint change. A daily
    run writes only the persons whose fingerprint is new, changed or gone. The scoring models
    read it to find their batch: the persons changed since the newest row they hold
    (macros/scoring/scoring_batch.sql), which costs a scan of this small table instead of an
    anti-join of every stored score row (75M contributions at 1M people) with every person. -#}
{{ config(
    materialized='incremental',
    unique_key='person_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
) }}

with

fingerprints as (

    select
        person_id,
        inputs_fingerprint
    from {{ ref('int_person_score_inputs_fingerprinted') }}

),

changed as (

    {% if leadflow.incremental_batch() %}
        select
            coalesce(fingerprints.person_id, logged.person_id) as person_id,
            fingerprints.inputs_fingerprint
        from fingerprints
        full outer join (
            select
                person_id,
                inputs_fingerprint
            from {{ this }}
            where inputs_fingerprint is not null
        ) as logged
            on fingerprints.person_id = logged.person_id
        where
            logged.person_id is null
            or fingerprints.person_id is null
            or fingerprints.inputs_fingerprint <> logged.inputs_fingerprint
    {% else %}
        select * from fingerprints
    {% endif %}

),

final as (

    select
        person_id,
        inputs_fingerprint,
        {{ leadflow.run_timestamp() }} as changed_at
    from changed

)

select * from final
