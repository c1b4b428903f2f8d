{#- Company records clustered into accounts, in two passes of connected components:
      1. strong edges (CRM links, corporate number, domain) -> domain groups
         (int_account_groups_linked)
      2. a company name links groups only where it is unambiguous: among the groups bearing the
         name at most one has a domain and at most one corporate number. A name shared by two
         companies with different domains (中央製作所 in Sendai and in Osaka) links nothing.
    Chaining guard: a pass-2 cluster that still ends up holding two domain groups (through a
    record with two names) or two corporate numbers is left unmerged: its records keep their
    pass-1 group. -#}
{%- set rounds = var('identity_connected_components_rounds') -%}

with

-- pass 1, the domain groups, is int_account_groups_linked
record_groups as (

    select
        record_key,
        company_key,
        company_domain,
        corporate_number,
        group_key,
        is_converged as is_group_converged
    from {{ ref('int_account_groups_linked') }}

),

group_profiles as (

    select
        group_key,
        max(company_domain) as company_domain,
        max(corporate_number) as corporate_number
    from record_groups
    group by group_key

),

name_groups as (

    select distinct
        record_groups.company_key,
        record_groups.group_key,
        group_profiles.company_domain,
        group_profiles.corporate_number
    from record_groups
    inner join group_profiles
        on record_groups.group_key = group_profiles.group_key
    where record_groups.company_key is not null

),

unambiguous_names as (

    select company_key
    from name_groups
    group by company_key
    having
        count(distinct group_key) > 1
        and count(distinct company_domain) <= 1
        and count(distinct corporate_number) <= 1

),

name_edges as (

    select
        name_groups.group_key as node_a,
        min(name_groups.group_key) over (partition by name_groups.company_key) as node_b
    from name_groups
    inner join unambiguous_names
        on name_groups.company_key = unambiguous_names.company_key

),

{{ connected_components('name_clusters', 'name_edges', rounds) }},

candidate_clusters as (

    select
        record_groups.*,
        coalesce(name_clusters.component_id, record_groups.group_key) as component_key,
        coalesce(name_clusters.is_converged, true) as is_cluster_converged
    from record_groups
    left join name_clusters
        on record_groups.group_key = name_clusters.node_id

),

conflicted_clusters as (

    select candidate_clusters.component_key
    from candidate_clusters
    inner join group_profiles
        on candidate_clusters.group_key = group_profiles.group_key
    group by candidate_clusters.component_key
    having
        count(distinct group_profiles.company_domain) > 1
        or count(distinct group_profiles.corporate_number) > 1

),

resolved as (

    select
        candidate_clusters.record_key,
        candidate_clusters.group_key,
        candidate_clusters.component_key,
        case
            when conflicted_clusters.component_key is not null then candidate_clusters.group_key
            else candidate_clusters.component_key
        end as cluster_key,
        conflicted_clusters.component_key is not null as is_chain_guarded,
        candidate_clusters.is_group_converged and candidate_clusters.is_cluster_converged as is_converged
    from candidate_clusters
    left join conflicted_clusters
        on candidate_clusters.component_key = conflicted_clusters.component_key

),

final as (

    select
        record_key,
        group_key,
        component_key,
        cluster_key,
        count(*) over (partition by cluster_key) as cluster_record_count,
        is_chain_guarded,
        is_converged
    from resolved

)

select * from final
