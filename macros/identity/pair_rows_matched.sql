{#- pair_rows_matched(pairs, group_rows, match_column, value_column): a subquery with, for every
    pair (node_a, node_b) of `pairs`, each row of node_a's and each row of node_b's in
    `group_rows` (columns group_key, match_column, value_column) that agree on match_column:
    node_a, node_b, left_value, right_value.
    The second group's rows are looked up by a key built from the pair and the first group's
    row (group_key|match value). Joined on the plain match column instead, the optimizer may pair
    every two groups of a common name (佐藤) or of one large company's domain before the pairs
    narrow them: quadratic, 169M rows at 1M people. -#}
{% macro pair_rows_matched(pairs, group_rows, match_column, value_column) -%}
(
    select
        left_rows.node_a,
        left_rows.node_b,
        left_rows.left_value,
        right_rows.{{ value_column }} as right_value
    from (
        select
            pairs.node_a,
            pairs.node_b,
            first_rows.{{ value_column }} as left_value,
            {{ dbt.concat(['pairs.node_b', "'|'", 'first_rows.' ~ match_column]) }} as lookup_key
        from {{ pairs }} as pairs
        inner join {{ group_rows }} as first_rows
            on pairs.node_a = first_rows.group_key
    ) as left_rows
    inner join (
        select
            group_key,
            {{ value_column }},
            {{ dbt.concat(['group_key', "'|'", match_column]) }} as lookup_key
        from {{ group_rows }}
    ) as right_rows
        on
            left_rows.lookup_key = right_rows.lookup_key
            and left_rows.node_b = right_rows.group_key
)
{%- endmacro %}
