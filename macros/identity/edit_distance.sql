{#- edit_distance(a, b): Levenshtein distance of two texts (insertions, deletions and
    substitutions); null when either is null. DuckDB and Spark both call it levenshtein(). -#}
{% macro edit_distance(a, b) -%}
    {{ return(adapter.dispatch('edit_distance', 'leadflow')(a, b)) }}
{%- endmacro %}

{% macro default__edit_distance(a, b) -%}
    levenshtein({{ a }}, {{ b }})
{%- endmacro %}
