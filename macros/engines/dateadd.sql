{#- dbt.dateadd on Spark. dbt-spark's version goes through to_timestamp(unix seconds), which gives
    null when `timestamp` is TIMESTAMP_NTZ (the spark target's setting, as on DuckDB), and drops
    fractions of a second. This one keeps the type naive and, like DuckDB, adds fractional
    seconds, minutes and hours to the microsecond; days and longer units move the calendar.
    Root-project macros come first in dispatch, so it replaces dbt-spark's. -#}
{% macro spark__dateadd(datepart, interval, from_date_or_timestamp) -%}
    {%- set microseconds = {'hour': 3600000000, 'minute': 60000000, 'second': 1000000, 'millisecond': 1000, 'microsecond': 1} -%}
    {%- if datepart in microseconds -%}
        cast(timestampadd(
            microsecond, cast(round(({{ interval }}) * {{ microseconds[datepart] }}) as bigint), {{ from_date_or_timestamp }}
        ) as timestamp_ntz)
    {%- else -%}
        cast(timestampadd({{ datepart }}, cast({{ interval }} as bigint), {{ from_date_or_timestamp }}) as timestamp_ntz)
    {%- endif -%}
{%- endmacro %}
