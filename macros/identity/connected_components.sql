{#- connected_components(name, edges, rounds): CTE definitions (to place inside a model's WITH)
    that label every node of an undirected graph with the smallest node id of its component.
    edges is a relation or CTE with columns node_a and node_b (text ids, one direction is
    enough). The last CTE is called `name` and has columns node_id, component_id and
    is_converged (false when an edge still joins the node to a different label: the rounds were
    not enough); nodes without an edge are not in it (they are their own component).

    Each round is min-label propagation followed by pointer jumping: every node first takes the
    smallest label among itself and its neighbours (m), then the label of its label (m of m). A
    label is always a node id of the same component, and pointer jumping halves the distance a
    label still has to travel, so a component of diameter d settles in O(log d) rounds instead of
    d. The rounds are unrolled at compile time (no recursive SQL, which Spark lacks; spark__
    below writes the same rounds so that Spark plans them in linear size); `rounds` must exceed
    log2 of the largest diameter, and callers test is_converged. -#}
{% macro connected_components(name, edges, rounds) -%}
    {{ return(adapter.dispatch('connected_components', 'leadflow')(name, edges, rounds)) }}
{%- endmacro %}

{% macro default__connected_components(name, edges, rounds) -%}
{#- The rounds run on numbers, not on the text ids: joins and min() over integers are several
    times faster than over record keys (5M edges at 1M people). Numbers follow the ids' order, so
    the smallest number is the smallest id. #}
{{ name }}_node_numbers as (

    select
        node_id,
        row_number() over (order by node_id) as node_number
    from (
        select node_a as node_id from {{ edges }} where node_a <> node_b
        union
        select node_b as node_id from {{ edges }} where node_a <> node_b
    ) as nodes

),

{{ name }}_numbered_edges as (

    select
        numbers_a.node_number as node_a,
        numbers_b.node_number as node_b
    from {{ edges }} as input_edges
    inner join {{ name }}_node_numbers as numbers_a
        on input_edges.node_a = numbers_a.node_id
    inner join {{ name }}_node_numbers as numbers_b
        on input_edges.node_b = numbers_b.node_id
    where input_edges.node_a <> input_edges.node_b

),

{{ name }}_edges as (

    select node_a, node_b from {{ name }}_numbered_edges
    union
    select node_b as node_a, node_a as node_b from {{ name }}_numbered_edges

),

{{ name }}_labels_0 as (

    select
        node_number as node_id,
        node_number as component_id
    from {{ name }}_node_numbers

),
{%- for round in range(1, rounds + 1) %}

{{ name }}_neighbour_min_{{ round }} as (

    select
        {{ name }}_edges.node_a as node_id,
        min(neighbour.component_id) as component_id
    from {{ name }}_edges
    inner join {{ name }}_labels_{{ round - 1 }} as neighbour
        on {{ name }}_edges.node_b = neighbour.node_id
    group by {{ name }}_edges.node_a

),

{{ name }}_hooked_{{ round }} as (

    select
        own.node_id,
        case
            when neighbour.component_id < own.component_id then neighbour.component_id
            else own.component_id
        end as component_id
    from {{ name }}_labels_{{ round - 1 }} as own
    inner join {{ name }}_neighbour_min_{{ round }} as neighbour
        on own.node_id = neighbour.node_id

),

{{ name }}_labels_{{ round }} as (

    select
        hooked.node_id,
        jumped.component_id
    from {{ name }}_hooked_{{ round }} as hooked
    inner join {{ name }}_hooked_{{ round }} as jumped
        on hooked.component_id = jumped.node_id

),
{%- endfor %}

{{ name }}_neighbour_range as (

    select
        {{ name }}_edges.node_a as node_id,
        min(neighbour.component_id) as lowest_component_id,
        max(neighbour.component_id) as highest_component_id
    from {{ name }}_edges
    inner join {{ name }}_labels_{{ rounds }} as neighbour
        on {{ name }}_edges.node_b = neighbour.node_id
    group by {{ name }}_edges.node_a

),

{{ name }} as (

    select
        nodes.node_id,
        components.node_id as component_id,
        (
            neighbours.lowest_component_id = labels.component_id
            and neighbours.highest_component_id = labels.component_id
        ) as is_converged
    from {{ name }}_labels_{{ rounds }} as labels
    inner join {{ name }}_neighbour_range as neighbours
        on labels.node_id = neighbours.node_id
    inner join {{ name }}_node_numbers as nodes
        on labels.node_id = nodes.node_number
    inner join {{ name }}_node_numbers as components
        on labels.component_id = components.node_number

)
{%- endmacro %}


{#- Spark: the same rounds, with labels and results identical to default__, written so that each
    CTE reads the one before it once. Spark copies a CTE's plan into every reference, and
    default__ reads each round's labels four times (neighbours, own label, and the hooked labels
    twice for the jump), so its plan grows as 4^rounds: a 10-round model was still being planned
    after minutes. Here own label and neighbours come from one join over links that include a
    self-loop per node, and the jump (label of the label) is a window over the hooked labels
    crossed with two sides: side 1 offers a node's label under its own id, side 2 asks for the
    label under the id of its label. The plan grows linearly with the rounds. The sides come
    from explode(), not a union of literals: Spark works out the row bound of a join by asking
    each side twice, which doubles per round when every input has a bound (unit-test fixtures),
    and an exploded relation has none. -#}
{% macro spark__connected_components(name, edges, rounds) -%}
{{ name }}_links as (

    select distinct
        case when sides.side in (1, 3) then input_edges.node_a else input_edges.node_b end as node_id,
        case when sides.side in (1, 4) then input_edges.node_b else input_edges.node_a end as neighbour_id
    from {{ edges }} as input_edges
    lateral view explode(array(1, 2, 3, 4)) sides as side
    where input_edges.node_a <> input_edges.node_b

),
{%- for round in range(1, rounds + 1) %}

{{ name }}_hooked_{{ round }} as (

    {%- if round == 1 %}

    select
        node_id,
        min(neighbour_id) as component_id
    from {{ name }}_links
    group by node_id
    {%- else %}

    select
        links.node_id,
        min(previous.component_id) as component_id
    from {{ name }}_links as links
    inner join {{ name }}_labels_{{ round - 1 }} as previous
        on links.neighbour_id = previous.node_id
    group by links.node_id
    {%- endif %}

),

{{ name }}_labels_{{ round }} as (

    select
        asker_id as node_id,
        label_of_label as component_id
    from (
        select
            sides.side,
            hooked.node_id as asker_id,
            max(case when sides.side = 1 then hooked.component_id end) over (
                partition by case when sides.side = 1 then hooked.node_id else hooked.component_id end
            ) as label_of_label
        from {{ name }}_hooked_{{ round }} as hooked
        lateral view explode(array(1, 2)) sides as side
    ) as offered_and_asked
    where side = 2

),
{%- endfor %}

{{ name }} as (

    select
        node_id,
        component_id,
        lowest_component_id = component_id and highest_component_id = component_id as is_converged
    from (
        select
            links.node_id,
            max(case when links.neighbour_id = links.node_id then labels.component_id end) as component_id,
            min(labels.component_id) as lowest_component_id,
            max(labels.component_id) as highest_component_id
        from {{ name }}_links as links
        inner join {{ name }}_labels_{{ rounds }} as labels
            on links.neighbour_id = labels.node_id
        group by links.node_id
    ) as neighbourhoods

)
{%- endmacro %}
