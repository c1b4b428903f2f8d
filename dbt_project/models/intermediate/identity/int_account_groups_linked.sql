{#- Company records grouped by the strong edges (CRM account links, corporate number, domain;
    connected components): every record with its domain group, named by the group's smallest
    record key, and the name key, domain and corporate number the name pass of
    int_account_clusters_resolved weighs. A table of its own, like int_person_groups_linked: the
    name pass reads the groups many times over, and Spark would plan these rounds again for every
    read of an inline CTE (docs/spark.md). -#}

with

records as (

    select * from {{ ref('int_account_records_unioned') }}

),

strong_edges as (

    select
        node_a,
        node_b
    from {{ ref('int_account_edges_matched') }}
    where is_strong

),

{{ connected_components('domain_groups', 'strong_edges', var('identity_connected_components_rounds')) }},

final as (

    select
        records.record_key,
        records.company_key,
        records.company_domain,
        records.corporate_number,
        coalesce(domain_groups.component_id, records.record_key) as group_key,
        coalesce(domain_groups.is_converged, true) as is_converged
    from records
    left join domain_groups
        on records.record_key = domain_groups.node_id

)

select * from final
