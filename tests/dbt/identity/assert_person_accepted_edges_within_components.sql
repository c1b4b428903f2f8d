{#- Convergence of the second connected-components pass: no accepted fuzzy edge joins groups
    of different components (before the chaining guard, which may leave a component unmerged on
    purpose). -#}
with

components as (

    select distinct
        group_key,
        component_key
    from {{ ref('int_person_clusters_resolved') }}

)

select
    edges.node_a,
    edges.node_b,
    edges.match_rule,
    component_a.component_key as component_a,
    component_b.component_key as component_b
from {{ ref('int_person_group_edges_matched') }} as edges
inner join components as component_a
    on edges.node_a = component_a.group_key
inner join components as component_b
    on edges.node_b = component_b.group_key
where edges.is_accepted and component_a.component_key <> component_b.component_key
