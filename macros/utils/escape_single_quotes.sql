{#- dbt-spark escapes only quotes in the string literals dbt writes (unit-test fixtures,
    accepted_values), but Spark SQL also reads backslash escapes, so a fixture value x\y arrived
    as xy. Root-project macros come first in dispatch, so this replaces dbt-spark's version. -#}
{% macro spark__escape_single_quotes(expression) -%}
    {{ expression | replace("\\", "\\\\") | replace("'", "\\'") }}
{%- endmacro %}
