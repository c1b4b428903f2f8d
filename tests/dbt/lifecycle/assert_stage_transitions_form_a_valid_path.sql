{#- Every person's transitions form one valid path: entry numbers run 1, 2, 3... with no gap;
    entered_at never goes back; each entry ends exactly when the next begins (so intervals never
    overlap), only the last is open, and it is the current one; each entry's from stage is the
    stage of the entry before it; a cycle number never decreases. Returns the broken rows. -#}

with

transitions as (

    select
        person_id,
        entry_number,
        cycle_number,
        from_stage_code,
        stage_code,
        entered_at,
        exited_at,
        is_current,
        row_number() over (partition by person_id order by entry_number) as expected_entry_number,
        lag(stage_code) over (partition by person_id order by entry_number) as previous_stage_code,
        lag(entered_at) over (partition by person_id order by entry_number) as previous_entered_at,
        lag(cycle_number) over (partition by person_id order by entry_number) as previous_cycle_number,
        lead(entered_at) over (partition by person_id order by entry_number) as next_entered_at
    from {{ ref('fct_stage_transitions') }}

)

select *
from transitions
where
    entry_number <> expected_entry_number
    or entered_at < previous_entered_at
    or exited_at < entered_at
    or (next_entered_at is null and (exited_at is not null or not is_current))
    or (next_entered_at is not null and (exited_at is null or exited_at <> next_entered_at or is_current))
    or (previous_stage_code is null and from_stage_code is not null)
    or (previous_stage_code is not null and (from_stage_code is null or from_stage_code <> previous_stage_code))
    or cycle_number < previous_cycle_number
