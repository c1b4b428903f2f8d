{#- The business calendar: per calendar region and local date from var handoff_calendar_start to
    handoff_calendar_end, whether sales works that day (not Saturday, Sunday or a day of seed
    handoff_public_holidays), the working window of seed handoff_working_hours converted to UTC
    (so daylight saving moves it), and the business seconds of all earlier days, which turns
    business-hour arithmetic into lookups (macros/handoff/business_hours.sql). -#}

with

working_hours as (

    select
        region,
        time_zone,
        workday_start_hour,
        workday_end_hour
    from {{ ref('handoff_working_hours') }}

),

holidays as (

    select
        region,
        holiday_date,
        holiday_name
    from {{ ref('handoff_public_holidays') }}

),

days as (

    {{ day_spine(var('handoff_calendar_start'), var('handoff_calendar_end')) }}

),

calendar_days as (

    select
        working_hours.region,
        working_hours.time_zone,
        days.calendar_date,
        holidays.holiday_name,
        {{ is_weekend('days.calendar_date') }} as is_weekend,
        {{ local_to_utc(
            dbt.dateadd('hour', 'working_hours.workday_start_hour', dbt.cast('days.calendar_date', dbt.type_timestamp())),
            'working_hours.time_zone',
        ) }} as window_start_at,
        {{ local_to_utc(
            dbt.dateadd('hour', 'working_hours.workday_end_hour', dbt.cast('days.calendar_date', dbt.type_timestamp())),
            'working_hours.time_zone',
        ) }} as window_end_at
    from working_hours
    cross join days
    left join holidays
        on
            working_hours.region = holidays.region
            and days.calendar_date = holidays.holiday_date

),

business_days as (

    select
        region,
        time_zone,
        calendar_date,
        holiday_name,
        is_weekend,
        not is_weekend and holiday_name is null as is_business_day,
        window_start_at,
        window_end_at,
        case
            when not is_weekend and holiday_name is null
                then {{ dbt.datediff('window_start_at', 'window_end_at', 'second') }}
            else 0
        end as business_seconds
    from calendar_days

),

final as (

    select
        region,
        time_zone,
        calendar_date,
        holiday_name,
        is_weekend,
        is_business_day,
        window_start_at,
        window_end_at,
        business_seconds,
        cast(coalesce(sum(business_seconds) over (
            partition by region
            order by calendar_date
            rows between unbounded preceding and 1 preceding
        ), 0) as {{ dbt.type_bigint() }}) as business_seconds_before
    from business_days

)

select * from final
