{#- Layer schemas are named by the layer alone (staging, intermediate, marts...), not
    prefixed with the target schema, so BI and ad-hoc SQL see stable names on every target. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
