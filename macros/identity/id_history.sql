{#- The two views of an append-only id log (stable_ids) that persons and accounts share. -#}

{#- id_changes(id_log, entity): per run and (old id, new id), the records that moved between them.
    A 'merge' when every record that held the old id left it in that run (the id retired into the
    new one), a 'split' when some stayed. Rebuilt from the whole log, so it is complete however
    often it is rebuilt. -#}
{% macro id_changes(id_log, entity) -%}
with

logged as (

    select * from {{ id_log }}

),

-- each log row holds from its assigned_at until the record's next row
holdings as (

    select
        {{ entity }}_id,
        is_current,
        assigned_at as held_from,
        lead(assigned_at) over (partition by record_key order by assigned_at) as held_until
    from logged

),

moves as (

    select
        previous_{{ entity }}_id,
        {{ entity }}_id,
        assigned_at as changed_at,
        count(*) as records_moved
    from logged
    where change = 'moved'
    group by previous_{{ entity }}_id, {{ entity }}_id, assigned_at

),

old_ids as (

    select distinct
        previous_{{ entity }}_id,
        changed_at
    from moves

),

-- how many records held each old id just before the run that moved records off it
holders_before as (

    select
        old_ids.previous_{{ entity }}_id,
        old_ids.changed_at,
        count(*) as holder_count
    from old_ids
    inner join holdings
        on
            old_ids.previous_{{ entity }}_id = holdings.{{ entity }}_id
            and old_ids.changed_at > holdings.held_from
            and coalesce(holdings.held_until, old_ids.changed_at) >= old_ids.changed_at
    where holdings.is_current
    group by old_ids.previous_{{ entity }}_id, old_ids.changed_at

),

moved_off as (

    select
        previous_{{ entity }}_id,
        changed_at,
        sum(records_moved) as moved_count
    from moves
    group by previous_{{ entity }}_id, changed_at

),

final as (

    select
        moves.previous_{{ entity }}_id,
        moves.{{ entity }}_id,
        moves.changed_at,
        moves.records_moved,
        case
            when moved_off.moved_count >= coalesce(holders_before.holder_count, 0) then 'merge'
            else 'split'
        end as change_type
    from moves
    inner join moved_off
        on
            moves.previous_{{ entity }}_id = moved_off.previous_{{ entity }}_id
            and moves.changed_at = moved_off.changed_at
    left join holders_before
        on
            moves.previous_{{ entity }}_id = holders_before.previous_{{ entity }}_id
            and moves.changed_at = holders_before.changed_at

)

select * from final
{%- endmacro %}

{#- current_ids(id_log, clusters, entity): every record's current id, the latest log row per
    record, with its cluster of this run (null for a record no longer delivered). -#}
{% macro current_ids(id_log, clusters, entity) -%}
with

latest as (

    select
        record_key,
        {{ leadflow.value_at_latest(leadflow.struct_of([
            (entity ~ '_id', entity ~ '_id'),
            (entity ~ '_id_issued_at', entity ~ '_id_issued_at'),
            ('assigned_at', 'assigned_at'),
            ('previous_' ~ entity ~ '_id', 'previous_' ~ entity ~ '_id'),
            ('is_current', 'is_current'),
        ]), 'assigned_at') }} as log_row
    from {{ id_log }}
    group by record_key

),

final as (

    select
        latest.record_key,
        clusters.cluster_key,
        latest.log_row.{{ entity }}_id,
        latest.log_row.{{ entity }}_id_issued_at,
        latest.log_row.assigned_at,
        latest.log_row.previous_{{ entity }}_id,
        latest.log_row.is_current
    from latest
    left join {{ clusters }} as clusters
        on latest.record_key = clusters.record_key

)

select * from final
{%- endmacro %}
