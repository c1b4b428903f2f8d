{#- to_date_flexible(expr): the date of to_timestamp_flexible(expr) (same notations; a value
    with an offset is dated in UTC); null when nothing parses. -#}
{% macro to_date_flexible(expr) -%}
    {{ return(adapter.dispatch('to_date_flexible', 'leadflow')(expr)) }}
{%- endmacro %}

{% macro default__to_date_flexible(expr) -%}
    cast({{ leadflow.to_timestamp_flexible(expr) }} as date)
{%- endmacro %}
