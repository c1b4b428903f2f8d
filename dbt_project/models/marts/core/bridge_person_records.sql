{#- Every person-bearing source record with its resolved person and account: the map other
    models (touchpoints, lifecycle) and BI use to go from a system's record id to person_id. -#}

with

ids as (

    select * from {{ ref('int_person_ids_assigned') }}
    where is_current

),

accounts as (

    select
        record_key,
        account_id
    from {{ ref('int_account_ids_assigned') }}
    where is_current

),

final as (

    select
        records.record_key,
        records.source_system,
        records.source_object,
        records.source_record_id,
        ids.person_id,
        accounts.account_id,
        clusters.group_key,
        clusters.cluster_key,
        clusters.chain_guard_reason,
        ids.assigned_at,
        ids.previous_person_id,
        records.is_deleted,
        records._file,
        records._row
    from {{ ref('int_person_records_keyed') }} as records
    inner join ids
        on records.record_key = ids.record_key
    inner join {{ ref('int_person_clusters_resolved') }} as clusters
        on records.record_key = clusters.record_key
    left join accounts
        on records.record_key = accounts.record_key

)

select * from final
