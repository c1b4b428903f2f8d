{#- record_key(system, object, id): a source record's key across leadflow, 'system:object:id'
    (int_person_records_unioned, int_account_records_unioned). An event finds its record's person
    in bridge_person_records by the same key (int_touchpoints_unioned). -#}
{% macro record_key(system, object, id) -%}
    {{ dbt.concat(["'" ~ system ~ ":" ~ object ~ ":'", id]) }}
{%- endmacro %}
