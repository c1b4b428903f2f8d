{#- interval_holds(moment, valid_from, valid_to): the interval [valid_from, valid_to) (of a score
    history, a rule version, an FX rate...) holds `moment` (valid_to null: open). The open end is a
    far-future bound, not an `or valid_to is null`: a disjunction in a join condition rules out
    a hash join, and DuckDB then compared every row with every row (blockwise nested loop: 414 s
    for the handoffs at 100k people, 42 s for the rule versions of 9.6M rule values). -#}
{% macro interval_holds(moment, valid_from, valid_to) -%}
    ({{ moment }} >= {{ valid_from }}
    and {{ moment }} < coalesce({{ valid_to }}, cast('9999-12-31 00:00:00' as {{ dbt.type_timestamp() }})))
{%- endmacro %}
