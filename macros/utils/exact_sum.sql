{#- exact_sum(expr): the sum of a double column as the same double whatever order the engine adds
    the rows in: each value is fixed to 6 decimals and summed as a decimal. Plain double sums
    differ in their last bits between runs (parallel aggregation), which shows when an
    incremental run is compared with a full refresh. 0 when there are no rows. -#}
{% macro exact_sum(expr) -%}
    cast({{ leadflow.decimal_sum(expr) }} as double)
{%- endmacro %}

{#- decimal_sum(expr): that sum kept as the decimal, for partial sums that are summed again:
    a decimal re-added gives the same total as the values it came from, a double may not. -#}
{% macro decimal_sum(expr) -%}
    coalesce(sum(cast({{ expr }} as decimal(38, 6))), 0)
{%- endmacro %}
