{#- add_stored_column(column, forget_rows): pre-hook SQL for an incremental model that compares
    a fingerprint it stores with the current one. A table built before it stored `column` gets
    the column (null: every row then counts as changed), and with forget_rows is also emptied,
    for a model where a null stored value could pass for an unchanged one. Nothing on a full
    build or when the strategy rewrites the whole table. -#}
{% macro add_stored_column(column, forget_rows=false) -%}
    {%- if leadflow.incremental_batch() -%}
        {%- set stored_columns = adapter.get_columns_in_relation(this) | map(attribute='name') | map('lower') | list -%}
        {%- if column not in stored_columns -%}
            alter table {{ this }} add column {{ column }} {{ dbt.type_string() }}
            {%- if forget_rows %};
            delete from {{ this }}
            {%- endif -%}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
