{#- dbt_utils.unique_combination_of_columns, written here because dbt Hub is out of reach. A big
    incremental model restricts it to its latest run's rows with the where config
    `__written_by_latest_run__(stamp)` (macro get_where_subquery).
    Grouping by the columns themselves hashes and compares their text for every row: 43-46 s over
    the 96M rule values at 1M people. So the rows are first grouped by one 64-bit hash of the
    columns (12-13 s), and only the rows of a hash seen twice are grouped by their values: a
    duplicate always repeats its hash, and a collision of different values is not reported. -#}
{% test unique_combination_of_columns(model, columns) %}

{%- set key = columns | join(', ') %}
{%- set key_hash = leadflow.row_hash(key) %}

with

repeated_hashes as (

    select {{ key_hash }} as key_hash
    from {{ model }}
    group by {{ key_hash }}
    having count(*) > 1

)

select
    {{ key }},
    count(*) as occurrences
from {{ model }}
where {{ key_hash }} in (select key_hash from repeated_hashes)
group by {{ key }}
having count(*) > 1

{% endtest %}
