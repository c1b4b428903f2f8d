{#- dbt.dateadd on Spark. dbt-spark's version goes through to_timestamp(unix seconds), which gives
    null when `timestamp` is TIMESTAMP_NTZ (the spark target's setting, as on DuckDB), and drops
    fractions of a second. This one keeps the type naive and, like DuckDB, adds fractional
    hours, minutes and seconds to the microsecond, as a day-time interval (timestampadd takes an
    int: microseconds overflow it past 35 minutes); days and longer units move the calendar.
    Root-project macros come first in dispatch, so it replaces dbt-spark's. -#}
{% macro spark__dateadd(datepart, interval, from_date_or_timestamp) -%}
    {%- set seconds = {'hour': '3600', 'minute': '60', 'second': '1', 'millisecond': '0.001', 'microsecond': '0.000001'} -%}
    {%- if datepart in seconds -%}
        cast({{ from_date_or_timestamp }} + make_dt_interval(
            0, 0, 0, cast(({{ interval }}) * {{ seconds[datepart] }} as decimal(18, 6))
        ) as timestamp_ntz)
    {%- else -%}
        cast(timestampadd({{ datepart }}, cast({{ interval }} as int), {{ from_date_or_timestamp }}) as timestamp_ntz)
    {%- endif -%}
{%- endmacro %}
