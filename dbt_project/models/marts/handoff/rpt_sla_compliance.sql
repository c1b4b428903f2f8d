{#- SLA compliance per sales region and the owner or team queue handoffs are routed to: how many
    handoffs, how many were accepted within the SLA and the share that is, the median response
    time in business hours, and the hot leads left untouched (status overdue at the scoring time,
    grade A1, A2, B1 or B2). docs/metrics.md defines each figure. -#}

with

queue as (

    select
        geo_region,
        coalesce(owner_id, queue_id) as routed_to_id,
        coalesce(owner_name, queue_name) as routed_to_name,
        case when owner_id is not null then 'owner' else 'queue' end as routed_to_kind,
        handoff_status,
        grade,
        as_of_at,
        person_id
    from {{ ref('fct_handoff_queue') }}

),

timed as (

    select
        person_id,
        response_business_hours,
        is_responded_within_sla
    from {{ ref('int_handoffs_timed') }}

),

measured as (

    select
        queue.geo_region,
        queue.routed_to_id,
        max(queue.routed_to_name) as routed_to_name,
        max(queue.routed_to_kind) as routed_to_kind,
        count(*) as handoffs,
        count(case when queue.handoff_status = 'accepted' then 1 end) as accepted,
        count(case when queue.handoff_status = 'accepted' and timed.is_responded_within_sla then 1 end)
            as accepted_within_sla,
        count(case when queue.handoff_status = 'rejected' then 1 end) as rejected,
        count(case when queue.handoff_status = 'awaiting' then 1 end) as awaiting,
        count(case when queue.handoff_status = 'overdue' then 1 end) as overdue,
        {{ median('timed.response_business_hours') }} as median_response_business_hours,
        count(case when queue.handoff_status = 'overdue' and queue.grade in ('A1', 'A2', 'B1', 'B2') then 1 end)
            as neglected_hot_leads,
        max(queue.as_of_at) as as_of_at
    from queue
    inner join timed
        on queue.person_id = timed.person_id
    group by queue.geo_region, queue.routed_to_id

),

final as (

    select
        {{ surrogate_key(['geo_region', 'routed_to_id']) }} as sla_compliance_id,
        geo_region,
        routed_to_id,
        routed_to_name,
        routed_to_kind,
        handoffs,
        accepted,
        accepted_within_sla,
        cast(accepted_within_sla as double) / handoffs as share_accepted_within_sla,
        rejected,
        awaiting,
        overdue,
        median_response_business_hours,
        neglected_hot_leads,
        as_of_at
    from measured

)

select * from final
