{#- How a daily run groups only the part of an identity graph that changed (docs/identity.md).
    A model that stores each node's component (int_person_groups_linked, int_account_groups_linked)
    also stores a fingerprint of the node's neighbours. The next run compares them: a node is
    changed when it is new, gone, has other neighbours now, or other `compared` values. Every
    edge added or removed changes the neighbours of both its ends, and an edge between two
    unchanged nodes existed before, so it joined two nodes of one stored component. So the
    components holding a changed node, plus the new nodes, are closed under the current edges:
    their connected components, computed alone, are exactly those of the whole graph, and
    every other node keeps its stored component. -#}

{#- neighbour_fingerprints(name, edges): a CTE `name` with node_id and neighbours_fingerprint,
    an order-free hash of the node's neighbours (both directions of every edge of `edges`,
    columns node_a and node_b; self-loops ignored). Nodes without an edge are not in it. -#}
{% macro neighbour_fingerprints(name, edges) -%}
{{ name }} as (

    select
        node_id,
        {{ leadflow.unordered_hash(['neighbour_id']) }} as neighbours_fingerprint
    from (
        select
            node_a as node_id,
            node_b as neighbour_id
        from {{ edges }}
        where node_a <> node_b
        union all
        select
            node_b as node_id,
            node_a as neighbour_id
        from {{ edges }}
        where node_a <> node_b
    ) as directed_edges
    group by node_id

)
{%- endmacro %}

{#- components_to_relink(name, nodes, edges, key, component, compared): CTEs `name`_nodes (the
    rows of `nodes` whose component must be computed again) and `name`_edges (the rows of
    `edges` between them). `nodes` has the column `key` and every column of `compared`
    (neighbours_fingerprint among them); {{ this }} stores them with the node's `component`.
    In an incremental batch, the nodes of every stored component holding a changed node, and the
    new nodes; otherwise every node and edge. A model using it writes only those nodes
    (delete+insert by `key`), prunes the gone ones (prune_orphans) and adds the stored column to
    a table built before it (add_stored_column, forgetting its rows). -#}
{% macro components_to_relink(name, nodes, edges, key, component, compared) -%}
{%- if leadflow.incremental_batch() %}
{{ name }}_changed as (

    select coalesce(current_nodes.{{ key }}, stored.{{ key }}) as node_id
    from {{ nodes }} as current_nodes
    full outer join {{ this }} as stored
        on current_nodes.{{ key }} = stored.{{ key }}
    where
        current_nodes.{{ key }} is null
        or stored.{{ key }} is null
        {%- for column in compared %}
        or current_nodes.{{ column }} <> stored.{{ column }}
        or (current_nodes.{{ column }} is null) <> (stored.{{ column }} is null)
        {%- endfor %}

),

{{ name }}_components as (

    select distinct stored.{{ component }}
    from {{ this }} as stored
    inner join {{ name }}_changed as changed
        on stored.{{ key }} = changed.node_id

),

{{ name }}_scope as (

    select node_id from {{ name }}_changed
    union
    select stored.{{ key }} as node_id
    from {{ this }} as stored
    inner join {{ name }}_components as touched
        on stored.{{ component }} = touched.{{ component }}

),

{{ name }}_nodes as (

    select {{ nodes }}.*
    from {{ nodes }}
    where {{ nodes }}.{{ key }} in (select node_id from {{ name }}_scope)

),

{{ name }}_edges as (

    select {{ edges }}.*
    from {{ edges }}
    where
        {{ edges }}.node_a in (select node_id from {{ name }}_scope)
        and {{ edges }}.node_b in (select node_id from {{ name }}_scope)

)
{%- else %}
{{ name }}_nodes as (

    select * from {{ nodes }}

),

{{ name }}_edges as (

    select * from {{ edges }}

)
{%- endif %}
{%- endmacro %}
