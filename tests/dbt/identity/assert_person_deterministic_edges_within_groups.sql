{#- Convergence of the first connected-components pass: no deterministic edge joins two
    records of different groups. A row here means the unrolled rounds were too few. -#}
select
    edges.node_a,
    edges.node_b,
    edges.match_rule,
    group_a.group_key as group_a,
    group_b.group_key as group_b
from {{ ref('int_person_edges_matched') }} as edges
inner join {{ ref('int_person_groups_linked') }} as group_a
    on edges.node_a = group_a.record_key
inner join {{ ref('int_person_groups_linked') }} as group_b
    on edges.node_b = group_b.record_key
where group_a.group_key <> group_b.group_key
