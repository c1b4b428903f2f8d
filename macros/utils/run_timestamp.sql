{#- run_timestamp(): the start of this dbt invocation as a timestamp literal, the same in every
    model of a run: what an incremental model stamps on the rows it writes. -#}
{% macro run_timestamp() -%}
    cast('{{ run_started_at.strftime('%Y-%m-%d %H:%M:%S') }}' as {{ dbt.type_timestamp() }})
{%- endmacro %}
