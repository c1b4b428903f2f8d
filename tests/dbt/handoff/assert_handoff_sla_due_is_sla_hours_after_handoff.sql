{#- The two directions of the business-hour arithmetic agree: counting the business hours from
    each handoff to its SLA due time gives back the region's SLA hours, and the due time falls
    inside a working window of a business day (not on a weekend, holiday or night). -#}

with

timed as (

    select
        person_id,
        calendar_region,
        time_zone,
        sla_business_hours,
        handed_off_at,
        sla_due_at
    from {{ ref('int_handoffs_timed') }}
    where sla_due_at is not null

),

calendar as (

    select * from {{ ref('int_business_days_spined') }}

),

measured as (

    select
        timed.person_id,
        timed.sla_business_hours,
        due_day.is_business_day as due_on_business_day,
        timed.sla_due_at > due_day.window_start_at and timed.sla_due_at <= due_day.window_end_at as due_in_window,
        {{ business_seconds_at('timed.sla_due_at', 'due_day') }}
        - {{ business_seconds_at('timed.handed_off_at', 'handed_off_day') }} as elapsed_seconds
    from timed
    inner join calendar as handed_off_day
        on
            timed.calendar_region = handed_off_day.region
            and {{ business_day_of('timed.handed_off_at', 'timed.time_zone', 'handed_off_day') }}
    inner join calendar as due_day
        on
            timed.calendar_region = due_day.region
            and {{ business_day_of('timed.sla_due_at', 'timed.time_zone', 'due_day') }}

)

select *
from measured
where
    elapsed_seconds <> sla_business_hours * 3600
    or not due_on_business_day
    or not due_in_window
