{#- Every record's current account_id: the latest row of int_account_ids_logged per record, with the
    record's cluster of this run (null for a record no longer delivered). -#}

with

latest as (

    select *
    from (
        select
            log_rows.*,
            row_number() over (partition by log_rows.record_key order by log_rows.assigned_at desc) as recency
        from {{ ref('int_account_ids_logged') }} as log_rows
    ) as ranked
    where recency = 1

),

final as (

    select
        latest.record_key,
        clusters.cluster_key,
        latest.account_id,
        latest.account_id_issued_at,
        latest.assigned_at,
        latest.previous_account_id,
        latest.is_current
    from latest
    left join {{ ref('int_account_clusters_resolved') }} as clusters
        on latest.record_key = clusters.record_key

)

select * from final
