{#- dbt_utils.unique_combination_of_columns, written here because dbt Hub is out of reach. A big
    incremental model restricts it to its latest run's rows with the where config
    `__written_by_latest_run__(stamp)` (macro get_where_subquery). -#}
{% test unique_combination_of_columns(model, columns) %}

select
    {{ columns | join(', ') }},
    count(*) as occurrences
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1

{% endtest %}
