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

final as (

    {{ leadflow.fingerprint_changes('fingerprints') }}

)

select * from final
