{#- By when: each handoff's SLA due time, its first sales response and its status at the scoring
    time, in business hours of the calendar region it is routed to (int_handoffs_routed). The due
    time is the handoff plus the region's SLA hours (seed handoff_working_hours) counting only
    the working windows of business days (int_business_days_spined): a handoff after hours or
    on a holiday starts its clock at the next window. The first accept or reject at or after the
    handoff counts; without one the handoff is overdue once the scoring time passes the due time,
    else awaiting. -#}

with

handoffs as (

    select
        identified_handoffs.person_id,
        identified_handoffs.handed_off_at,
        identified_handoffs.as_of_at,
        routed.calendar_region,
        working_hours.time_zone,
        working_hours.sla_business_hours
    from {{ ref('int_handoffs_identified') }} as identified_handoffs
    inner join {{ ref('int_handoffs_routed') }} as routed
        on identified_handoffs.person_id = routed.person_id
    inner join {{ ref('handoff_working_hours') }} as working_hours
        on routed.calendar_region = working_hours.region

),

calendar as (

    select
        region,
        calendar_date,
        is_business_day,
        window_start_at,
        window_end_at,
        business_seconds,
        business_seconds_before
    from {{ ref('int_business_days_spined') }}

),

responses as (

    select
        handoffs.person_id,
        responses.response,
        responses.rejection_reason,
        responses.response_detail,
        responses.responded_at,
        -- on a tie a rejection wins: it is the decision that sends the lead back to nurture
        row_number() over (
            partition by handoffs.person_id
            order by
                responses.responded_at,
                case when responses.response = 'rejected' then 0 else 1 end,
                responses.response_id
        ) as response_rank
    from handoffs
    inner join {{ ref('int_handoff_responses_collected') }} as responses
        on
            handoffs.person_id = responses.person_id
            and handoffs.handed_off_at <= responses.responded_at
            and handoffs.as_of_at >= responses.responded_at

),

clocked as (

    select
        handoffs.person_id,
        handoffs.calendar_region,
        handoffs.time_zone,
        handoffs.sla_business_hours,
        handoffs.handed_off_at,
        handoffs.as_of_at,
        responses.response,
        responses.rejection_reason,
        responses.response_detail,
        responses.responded_at,
        {{ business_seconds_at('handoffs.handed_off_at', 'handed_off_day') }} as handed_off_seconds,
        {{ business_seconds_at('handoffs.as_of_at', 'as_of_day') }} as as_of_seconds,
        {{ business_seconds_at('responses.responded_at', 'responded_day') }} as responded_seconds
    from handoffs
    left join calendar as handed_off_day
        on
            handoffs.calendar_region = handed_off_day.region
            and {{ business_day_of('handoffs.handed_off_at', 'handoffs.time_zone', 'handed_off_day') }}
    left join calendar as as_of_day
        on
            handoffs.calendar_region = as_of_day.region
            and {{ business_day_of('handoffs.as_of_at', 'handoffs.time_zone', 'as_of_day') }}
    left join responses
        on handoffs.person_id = responses.person_id and responses.response_rank = 1
    left join calendar as responded_day
        on
            handoffs.calendar_region = responded_day.region
            and {{ business_day_of('responses.responded_at', 'handoffs.time_zone', 'responded_day') }}

),

due as (

    select
        clocked.*,
        clocked.handed_off_seconds + clocked.sla_business_hours * 3600 as due_seconds,
        {{ time_at_business_seconds('clocked.handed_off_seconds + clocked.sla_business_hours * 3600', 'due_day') }}
            as sla_due_at
    from clocked
    left join calendar as due_day
        on
            clocked.calendar_region = due_day.region
            and {{ business_day_reaching('clocked.handed_off_seconds + clocked.sla_business_hours * 3600', 'due_day') }}

),

final as (

    select
        person_id,
        calendar_region,
        time_zone,
        sla_business_hours,
        handed_off_at,
        sla_due_at,
        response,
        rejection_reason,
        response_detail,
        responded_at,
        cast(responded_seconds - handed_off_seconds as double) / 3600 as response_business_hours,
        case
            when responded_at is not null then responded_at <= sla_due_at
        end as is_responded_within_sla,
        case
            when response is not null then response
            when as_of_at > sla_due_at then 'overdue'
            else 'awaiting'
        end as handoff_status,
        case
            when responded_at is not null and responded_seconds > due_seconds
                then cast(responded_seconds - due_seconds as double) / 3600
            when responded_at is null and as_of_seconds > due_seconds
                then cast(as_of_seconds - due_seconds as double) / 3600
            else 0
        end as business_hours_overdue,
        as_of_at
    from due

)

select * from final
