{#- A Python/Jinja string rendered as a SQL string literal for the current engine.
    DuckDB/Postgres/ANSI: quotes doubled, backslashes literal. Spark SQL: backslash escapes. -#}
{% macro sql_string(value) -%}
    {{ return(adapter.dispatch('sql_string', 'leadflow')(value)) }}
{%- endmacro %}

{% macro default__sql_string(value) -%}
    '{{ value | replace("'", "''") }}'
{%- endmacro %}

{% macro spark__sql_string(value) -%}
    '{{ value | replace("\\", "\\\\") | replace("'", "\\'") }}'
{%- endmacro %}
