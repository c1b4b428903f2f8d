{#- How the scoring chain (int_score_contributions_computed, int_score_rule_values_accumulated,
    fct_lead_scores) keeps a daily run in proportion to what changed. Each model stores, on every
    row, the inputs_fingerprint of int_person_score_inputs_fingerprinted it was computed from; a
    run first forgets the persons whose fingerprint changed or who are gone (pre-hook
    forget_stale_scores), then computes the persons it holds no rows for (in_scoring_batch). -#}

{#- forget_stale_scores(fingerprints): pre-hook SQL deleting the rows of {{ this }} whose person is
    gone from `fingerprints` or has another inputs_fingerprint now. A table built before it held
    inputs_fingerprint or computed_at gets the column here and is emptied, so every person is
    scored again and every row is stamped by the run that wrote it (adding the column in the same
    transaction: DuckDB refuses dbt's own later ALTER of a table this transaction has deleted
    from). Nothing when the run rewrites the whole table (full build, insert_overwrite). -#}
{% macro forget_stale_scores(fingerprints) -%}
    {%- if leadflow.incremental_batch() -%}
        {%- set stored_columns = adapter.get_columns_in_relation(this) | map(attribute='name') | map('lower') | list -%}
        {%- set bookkeeping = {'inputs_fingerprint': dbt.type_string(), 'computed_at': dbt.type_timestamp()} -%}
        {%- set missing = bookkeeping.keys() | reject('in', stored_columns) | list -%}
        {%- if not missing -%}
            delete from {{ this }}
            where not exists (
                select 1
                from {{ fingerprints }} as current_inputs
                where
                    current_inputs.person_id = {{ this }}.person_id
                    and current_inputs.inputs_fingerprint = {{ this }}.inputs_fingerprint
            )
        {%- else -%}
            {%- for column in missing %}
            alter table {{ this }} add column {{ column }} {{ bookkeeping[column] }};
            {%- endfor %}
            delete from {{ this }}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}

{#- in_scoring_batch(person_id, fingerprints): a condition keeping the persons a run computes:
    in an incremental batch those of `fingerprints` {{ this }} holds no rows for (new, changed
    or forgotten by forget_stale_scores, and persons without any score rows), else everyone. -#}
{% macro in_scoring_batch(person_id, fingerprints) -%}
    {%- if leadflow.incremental_batch() -%}
        {{ person_id }} in (
            select unscored.person_id
            from {{ fingerprints }} as unscored
            where not exists (select 1 from {{ this }} as scored where scored.person_id = unscored.person_id)
        )
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}
