{#- Every company record (Salesforce account, HubSpot company, and the employer each person
    record names) with its resolved account. -#}

with

final as (

    select
        records.record_key,
        records.source_system,
        records.source_object,
        records.source_record_id,
        records.is_crm_account,
        ids.account_id,
        clusters.group_key,
        clusters.cluster_key,
        clusters.is_chain_guarded,
        ids.assigned_at,
        ids.previous_account_id,
        records.is_deleted
    from {{ ref('int_account_records_unioned') }} as records
    inner join {{ ref('int_account_ids_assigned') }} as ids
        on records.record_key = ids.record_key and ids.is_current
    inner join {{ ref('int_account_clusters_resolved') }} as clusters
        on records.record_key = clusters.record_key

)

select * from final
