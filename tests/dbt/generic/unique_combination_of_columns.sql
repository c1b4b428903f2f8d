{#- dbt_utils.unique_combination_of_columns, written here because dbt Hub is out of reach.
    written_by_latest_run: a column stamped with the start of the run that wrote each row (macro
    run_timestamp); only the rows of the newest run are checked. Sound where every row sharing
    a key with a written row is written with it (the scoring chain rewrites a person's rows
    together and its keys hold the person): at 1M people checking all 96M rule values took 47 s
    of every daily run. -#}
{% test unique_combination_of_columns(model, columns, written_by_latest_run=none) %}

select
    {{ columns | join(', ') }},
    count(*) as occurrences
from {{ model }}
{%- if written_by_latest_run %}
where {{ written_by_latest_run }} = (select max(written.{{ written_by_latest_run }}) from {{ model }} as written)
{%- endif %}
group by {{ columns | join(', ') }}
having count(*) > 1

{% endtest %}
