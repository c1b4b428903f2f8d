{#- try_cast(expr, data_type): cast that yields null instead of failing on text that does not
    convert. DuckDB, Spark SQL (>= 3.2), Snowflake and SQL Server all spell it try_cast.
    Unlike dbt.safe_cast, which is a plain (failing) cast on DuckDB. -#}
{% macro try_cast(expr, data_type) -%}
    {{ return(adapter.dispatch('try_cast', 'leadflow')(expr, data_type)) }}
{%- endmacro %}

{% macro default__try_cast(expr, data_type) -%}
    try_cast({{ expr }} as {{ data_type }})
{%- endmacro %}

{% macro duckdb__try_cast(expr, data_type) -%}
    try_cast({{ expr }} as {{ data_type }})
{%- endmacro %}

{% macro spark__try_cast(expr, data_type) -%}
    try_cast({{ expr }} as {{ data_type }})
{%- endmacro %}
