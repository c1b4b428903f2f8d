{#- Every handed-off person is either in the queue or excluded with a reason, never both, and
    nobody who opted out or bounced reaches the queue. -#}

with

handoffs as (

    select person_id from {{ ref('int_handoffs_identified') }}

),

queue as (

    select person_id from {{ ref('fct_handoff_queue') }}

),

excluded as (

    select distinct person_id from {{ ref('fct_handoff_exclusions') }}

),

persons as (

    select
        person_id,
        has_opted_out_of_email or is_unsubscribed or is_email_bounced as must_not_contact
    from {{ ref('dim_person') }}

),

checked as (

    select
        handoffs.person_id,
        queue.person_id is not null as in_queue,
        excluded.person_id is not null as is_excluded,
        coalesce(persons.must_not_contact, false) as must_not_contact
    from handoffs
    left join queue
        on handoffs.person_id = queue.person_id
    left join excluded
        on handoffs.person_id = excluded.person_id
    left join persons
        on handoffs.person_id = persons.person_id

)

select *
from checked
where
    in_queue = is_excluded
    or (in_queue and must_not_contact)
