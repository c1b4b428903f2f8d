{#- add_stored_column(column, forget_rows, data_type): pre-hook SQL for an incremental model that
    reads back a column it stores (a fingerprint, the run stamp). A table built before it stored
    `column` gets the column (null: every row then counts as changed), and with forget_rows is
    also emptied, for a model where a null stored value could pass for an unchanged one (in the
    same transaction: DuckDB refuses dbt's own later ALTER of a table the transaction has deleted
    from). data_type defaults to text. Nothing on a full build or when the strategy rewrites the
    whole table. -#}
{% macro add_stored_column(column, forget_rows=false, data_type=none) -%}
    {%- if leadflow.incremental_batch() -%}
        {%- set stored_columns = adapter.get_columns_in_relation(this) | map(attribute='name') | map('lower') | list -%}
        {%- if column not in stored_columns -%}
            alter table {{ this }} add column {{ column }} {{ data_type or dbt.type_string() }}
            {%- if forget_rows %};
            delete from {{ this }}
            {%- endif -%}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}

{#- differs_from_stored(current, key, fingerprint, stored_where): a condition keeping the rows of
    `current` (a CTE or alias) that an incremental batch must compute: those {{ this }} holds no
    row for with the same `key` and `fingerprint` (new, or built from other inputs);
    `stored_where` narrows the stored rows compared (one row per key). Always true on a full
    build or when the strategy rewrites the table. -#}
{% macro differs_from_stored(current, key, fingerprint, stored_where='true') -%}
    {%- if leadflow.incremental_batch() -%}
        not exists (
            select 1
            from {{ this }} as stored
            where
                {{ stored_where }}
                and stored.{{ key }} = {{ current }}.{{ key }}
                and stored.{{ fingerprint }} = {{ current }}.{{ fingerprint }}
        )
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- delete_stale_rows(key, fingerprint, current, stored_where, current_fingerprint): post-hook
    SQL of an incremental model whose batch takes the changed source rows but writes only those
    that still qualify: it deletes the stored rows (those matching `stored_where`) that `current`
    holds with another fingerprint (its column `current_fingerprint`, named like the stored one
    unless given) or not at all: a changed source row that no longer qualifies, or one that left.
    The batch's own rows carry the current fingerprints, so they stay. Nothing on a full build or
    when the strategy rewrites the table. -#}
{% macro delete_stale_rows(key, fingerprint, current, stored_where='true', current_fingerprint=none) -%}
    {%- if leadflow.incremental_batch() -%}
        delete from {{ this }} as stored
        where
            {{ stored_where }}
            and not exists (
                select 1
                from {{ current }} as current_rows
                where
                    current_rows.{{ key }} = stored.{{ key }}
                    and current_rows.{{ current_fingerprint or fingerprint }} = stored.{{ fingerprint }}
            )
    {%- endif -%}
{%- endmacro %}

{#- forget_rows_built_from(column, current): pre-hook SQL of an incremental model whose rows all
    store one fingerprint of the lookups they were built from (`current`, a scalar subquery): the
    stored rows built from other lookups are deleted, so the batch builds them again. Nothing on
    a full build or when the strategy rewrites the table. -#}
{% macro forget_rows_built_from(column, current) -%}
    {%- if leadflow.incremental_batch() -%}
        delete from {{ this }} where {{ column }} is distinct from {{ current }}
    {%- endif -%}
{%- endmacro %}

{#- delete_markers(key): post-hook SQL deleting the marker rows (a null `key`) an incremental
    batch wrote for entities with no row left: the delete+insert by the entity's key removed
    their stored rows, and the marker goes after it. Nothing on a full build or when the strategy
    rewrites the whole table. -#}
{% macro delete_markers(key) -%}
    {%- if leadflow.incremental_batch() -%}
        delete from {{ this }} where {{ key }} is null
    {%- endif -%}
{%- endmacro %}
