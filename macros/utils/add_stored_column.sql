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
