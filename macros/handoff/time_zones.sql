{#- Time-zone conversion of the warehouse's naive UTC timestamps (docs/handoff.md). The zone is an
    IANA name, a literal or a column, so each region's business hours follow its daylight saving. -#}

{#- utc_to_local(ts, tz): the wall-clock time in zone tz of a naive UTC timestamp, naive. -#}
{% macro utc_to_local(ts, tz) -%}
    {{ return(adapter.dispatch('utc_to_local', 'leadflow')(ts, tz)) }}
{%- endmacro %}

{% macro default__utc_to_local(ts, tz) -%}
    cast((({{ ts }}) at time zone 'UTC') at time zone {{ tz }} as {{ dbt.type_timestamp() }})
{%- endmacro %}

{% macro duckdb__utc_to_local(ts, tz) -%}
    timezone({{ tz }}, timezone('UTC', {{ ts }}))
{%- endmacro %}

{#- Spark's from/to_utc_timestamp return TIMESTAMP_LTZ; the warehouse's timestamps are naive. -#}
{% macro spark__utc_to_local(ts, tz) -%}
    cast(from_utc_timestamp({{ ts }}, {{ tz }}) as timestamp_ntz)
{%- endmacro %}

{#- local_to_utc(ts, tz): the naive UTC timestamp of a wall-clock time in zone tz. -#}
{% macro local_to_utc(ts, tz) -%}
    {{ return(adapter.dispatch('local_to_utc', 'leadflow')(ts, tz)) }}
{%- endmacro %}

{% macro default__local_to_utc(ts, tz) -%}
    cast((({{ ts }}) at time zone {{ tz }}) at time zone 'UTC' as {{ dbt.type_timestamp() }})
{%- endmacro %}

{% macro duckdb__local_to_utc(ts, tz) -%}
    timezone('UTC', timezone({{ tz }}, {{ ts }}))
{%- endmacro %}

{% macro spark__local_to_utc(ts, tz) -%}
    cast(to_utc_timestamp({{ ts }}, {{ tz }}) as timestamp_ntz)
{%- endmacro %}
