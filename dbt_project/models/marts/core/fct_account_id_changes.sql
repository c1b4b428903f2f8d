{#- The account_id history: per run and (old id, new id), the records that moved between them. A
    'merge' when every record that held the old id left it in that run (the id retired into the
    new one), a 'split' when some stayed. Rebuilt from the append-only int_account_ids_logged, so it
    is complete however often it is rebuilt. -#}

with

logged as (

    select * from {{ ref('int_account_ids_logged') }}

),

-- each log row holds from its assigned_at until the record's next row
holdings as (

    select
        account_id,
        is_current,
        assigned_at as held_from,
        lead(assigned_at) over (partition by record_key order by assigned_at) as held_until
    from logged

),

moves as (

    select
        previous_account_id,
        account_id,
        assigned_at as changed_at,
        count(*) as records_moved
    from logged
    where change = 'moved'
    group by previous_account_id, account_id, assigned_at

),

old_ids as (

    select distinct
        previous_account_id,
        changed_at
    from moves

),

-- how many records held each old id just before the run that moved records off it
holders_before as (

    select
        old_ids.previous_account_id,
        old_ids.changed_at,
        count(*) as holder_count
    from old_ids
    inner join holdings
        on
            old_ids.previous_account_id = holdings.account_id
            and old_ids.changed_at > holdings.held_from
            and coalesce(holdings.held_until, old_ids.changed_at) >= old_ids.changed_at
    where holdings.is_current
    group by old_ids.previous_account_id, old_ids.changed_at

),

moved_off as (

    select
        previous_account_id,
        changed_at,
        sum(records_moved) as moved_count
    from moves
    group by previous_account_id, changed_at

),

final as (

    select
        moves.previous_account_id,
        moves.account_id,
        moves.changed_at,
        moves.records_moved,
        case
            when moved_off.moved_count >= coalesce(holders_before.holder_count, 0) then 'merge'
            else 'split'
        end as change_type
    from moves
    inner join moved_off
        on
            moves.previous_account_id = moved_off.previous_account_id
            and moves.changed_at = moved_off.changed_at
    left join holders_before
        on
            moves.previous_account_id = holders_before.previous_account_id
            and moves.changed_at = holders_before.changed_at

)

select * from final
