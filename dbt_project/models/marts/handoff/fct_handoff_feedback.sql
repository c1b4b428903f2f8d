{#- Sales' answer to each handoff and what became of the lead, so marketing and sales review the
    handoff criteria together: the score and grade at the handoff, accepted or rejected (with the
    reason and the CRM status that said so), response time in business hours and whether it was
    within the SLA, then whether the person became an opportunity (SQL) or was won after the
    handoff (int_person_stage_events_collected). A rejected lead that later became an
    opportunity is flagged: the criteria or the rejection were wrong. -#}

with

queue as (

    select
        handoff_id,
        person_id,
        geo_region,
        handoff_reason,
        handed_off_at,
        routed_by,
        owner_id,
        owner_name,
        queue_id,
        handoff_status,
        rejection_reason,
        responded_at,
        as_of_at
    from {{ ref('fct_handoff_queue') }}

),

handoffs as (

    select
        person_id,
        handoff_total_score,
        handoff_grade
    from {{ ref('int_handoffs_identified') }}

),

timed as (

    select
        person_id,
        response,
        response_detail,
        response_business_hours,
        is_responded_within_sla
    from {{ ref('int_handoffs_timed') }}

),

outcomes as (

    select
        queue.person_id,
        min(case when stage_events.funnel_stage = 'sql' then stage_events.reached_at end) as sql_at,
        min(case when stage_events.funnel_stage = 'won' then stage_events.reached_at end) as won_at
    from queue
    inner join {{ ref('int_person_stage_events_collected') }} as stage_events
        on
            queue.person_id = stage_events.person_id
            and queue.handed_off_at <= stage_events.reached_at
            and queue.as_of_at >= stage_events.reached_at
    group by queue.person_id

),

final as (

    select
        queue.handoff_id,
        queue.person_id,
        queue.geo_region,
        queue.handoff_reason,
        queue.handed_off_at,
        handoffs.handoff_total_score,
        handoffs.handoff_grade,
        queue.routed_by,
        queue.owner_id,
        queue.owner_name,
        queue.queue_id,
        queue.handoff_status,
        timed.response,
        queue.rejection_reason,
        timed.response_detail,
        queue.responded_at,
        timed.response_business_hours,
        timed.is_responded_within_sla,
        outcomes.sql_at,
        outcomes.won_at,
        case
            when outcomes.won_at is not null then 'won'
            when outcomes.sql_at is not null then 'sql'
            else 'none'
        end as later_outcome,
        coalesce(timed.response = 'rejected' and outcomes.sql_at is not null, false) as is_rejected_then_sql,
        queue.as_of_at
    from queue
    inner join handoffs
        on queue.person_id = handoffs.person_id
    inner join timed
        on queue.person_id = timed.person_id
    left join outcomes
        on queue.person_id = outcomes.person_id

)

select * from final
