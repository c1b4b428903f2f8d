{#- value_at_latest(value, ordering): aggregate: `value` of the group's row with the greatest
    `ordering`. One pass over the group where a row_number() window would sort every row and hold
    them all in memory. -#}
{% macro value_at_latest(value, ordering) -%}
    {{ return(adapter.dispatch('value_at_latest', 'leadflow')(value, ordering)) }}
{%- endmacro %}

{% macro default__value_at_latest(value, ordering) -%}
    arg_max({{ value }}, {{ ordering }})
{%- endmacro %}

{% macro spark__value_at_latest(value, ordering) -%}
    max_by({{ value }}, {{ ordering }})
{%- endmacro %}

{#- value_at_first(value, ordering): aggregate: `value` of the group's row with the smallest
    `ordering` (a struct orders field by field, like an order by list). -#}
{% macro value_at_first(value, ordering) -%}
    {{ return(adapter.dispatch('value_at_first', 'leadflow')(value, ordering)) }}
{%- endmacro %}

{% macro default__value_at_first(value, ordering) -%}
    arg_min({{ value }}, {{ ordering }})
{%- endmacro %}

{% macro spark__value_at_first(value, ordering) -%}
    min_by({{ value }}, {{ ordering }})
{%- endmacro %}
