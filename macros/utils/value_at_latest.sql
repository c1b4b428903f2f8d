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

{#- joined_values_at_first(value, ordering, n, separator): aggregate: the text `value` of the
    group's n rows with the smallest `ordering`, in that order, joined by `separator`. One
    pass keeping n rows per group, where a row_number() window sorts and holds every row. -#}
{% macro joined_values_at_first(value, ordering, n, separator) -%}
    {{ return(adapter.dispatch('joined_values_at_first', 'leadflow')(value, ordering, n, separator)) }}
{%- endmacro %}

{% macro default__joined_values_at_first(value, ordering, n, separator) -%}
    array_to_string(min_by({{ value }}, {{ ordering }}, {{ n }}), {{ separator }})
{%- endmacro %}

{% macro spark__joined_values_at_first(value, ordering, n, separator) -%}
    array_join(
        transform(
            slice(sort_array(collect_list(named_struct('ordering', {{ ordering }}, 'value', {{ value }}))), 1, {{ n }}),
            ranked -> ranked.value
        ),
        {{ separator }}
    )
{%- endmacro %}
