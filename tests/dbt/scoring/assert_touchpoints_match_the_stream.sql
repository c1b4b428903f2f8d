{#- The incremental fct_touchpoints holds exactly the current stream: every event of
    int_touchpoints_unioned with the same person, and nothing else. Returns the differences. -#}

with

stream as (

    select
        touchpoint_id,
        person_id
    from {{ ref('int_touchpoints_unioned') }}

),

stored as (

    select
        touchpoint_id,
        person_id
    from {{ ref('fct_touchpoints') }}

)

select
    coalesce(stream.touchpoint_id, stored.touchpoint_id) as touchpoint_id,
    stream.person_id as stream_person_id,
    stored.person_id as stored_person_id
from stream
full outer join stored
    on stream.touchpoint_id = stored.touchpoint_id
where
    stream.touchpoint_id is null
    or stored.touchpoint_id is null
    or stream.person_id <> stored.person_id
