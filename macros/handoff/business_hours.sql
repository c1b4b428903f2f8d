{#- Business-hour arithmetic over a calendar of days (docs/handoff.md). int_business_days_spined
    holds, per calendar region and local date, the business window in UTC and the business
    seconds before that day (a running sum), so that:
      business seconds at t  = seconds before t's day + the part of t's day's window before t
      elapsed(t1, t2)        = seconds at t2 - seconds at t1
      t + n business hours   = the window time where the running total reaches seconds at t + n * 3600
    Plain joins and window sums: no engine-specific functions besides the dispatched time zones. -#}

{#- day_spine(start_date, end_date): one row per date (column calendar_date) from start_date to
    end_date inclusive ('YYYY-MM-DD' literals), from a cross join of digits: at most 10,000 days. -#}
{% macro day_spine(start_date, end_date) -%}
    {%- set digits = ['ones', 'tens', 'hundreds', 'thousands'] -%}
    select spine_dates.calendar_date
    from (
        select
            cast({{ dbt.dateadd(
                'day',
                'ones.digit + 10 * tens.digit + 100 * hundreds.digit + 1000 * thousands.digit',
                "cast('" ~ start_date ~ "' as date)",
            ) }} as date) as calendar_date
        from
            {%- for name in digits %}
            (
                {%- for digit in range(10) %}
                select {{ digit }} as digit{% if not loop.last %} union all{% endif %}
                {%- endfor %}
            ) as {{ name }}{% if not loop.last %},{% endif %}
            {%- endfor %}
    ) as spine_dates
    where spine_dates.calendar_date <= cast('{{ end_date }}' as date)
{%- endmacro %}

{#- is_weekend(date): Saturday or Sunday, counted in days from Sunday 1970-01-04 so that no engine's
    day-of-week numbering matters. -#}
{% macro is_weekend(date) -%}
    (mod({{ dbt.datediff("cast('1970-01-04' as date)", date, 'day') }}, 7) in (0, 6))
{%- endmacro %}

{#- business_seconds_at(ts, day): business seconds of the calendar region from the calendar's start
    until ts, where `day` is the alias of the int_business_days_spined row of ts's local date. -#}
{% macro business_seconds_at(ts, day) -%}
    ({{ day }}.business_seconds_before + case
        when not {{ day }}.is_business_day or {{ ts }} <= {{ day }}.window_start_at then 0
        when {{ ts }} >= {{ day }}.window_end_at then {{ day }}.business_seconds
        else {{ dbt.datediff(day ~ '.window_start_at', ts, 'second') }}
    end)
{%- endmacro %}

{#- business_day_of(ts, tz, day): join condition picking the calendar row of ts's local date. -#}
{% macro business_day_of(ts, tz, day) -%}
    {{ day }}.calendar_date = cast({{ leadflow.utc_to_local(ts, tz) }} as date)
{%- endmacro %}

{#- business_day_reaching(seconds, day): join condition picking the one business day during which
    the running total of business seconds reaches `seconds` (a deadline lands on a window end
    rather than the next morning). -#}
{% macro business_day_reaching(seconds, day) -%}
    {{ day }}.business_seconds_before < {{ seconds }}
    and {{ day }}.business_seconds_before + {{ day }}.business_seconds >= {{ seconds }}
{%- endmacro %}

{#- time_at_business_seconds(seconds, day): the UTC time at which the running total reaches
    `seconds`, on the row `day` picked by business_day_reaching. -#}
{% macro time_at_business_seconds(seconds, day) -%}
    {{ dbt.dateadd('second', '(' ~ seconds ~ ') - ' ~ day ~ '.business_seconds_before', day ~ '.window_start_at') }}
{%- endmacro %}

{#- median(expr): the median of a numeric column in an aggregate. -#}
{% macro median(expr) -%}
    {{ return(adapter.dispatch('median', 'leadflow')(expr)) }}
{%- endmacro %}

{% macro default__median(expr) -%}
    percentile_cont(0.5) within group (order by {{ expr }})
{%- endmacro %}

{% macro duckdb__median(expr) -%}
    median({{ expr }})
{%- endmacro %}

{% macro spark__median(expr) -%}
    percentile({{ expr }}, 0.5)
{%- endmacro %}
