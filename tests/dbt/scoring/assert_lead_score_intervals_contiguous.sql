{#- The score history of a person is one unbroken chain of intervals: each interval ends where
    the next begins, only the last is open, and no interval is empty. Returns the broken rows. -#}

with

intervals as (

    select
        person_id,
        valid_from,
        valid_to,
        lead(valid_from) over (partition by person_id order by valid_from) as next_valid_from
    from {{ ref('fct_lead_scores') }}

)

select *
from intervals
where
    (next_valid_from is null and valid_to is not null)
    or (next_valid_from is not null and (valid_to is null or valid_to <> next_valid_from))
    or valid_to <= valid_from
