{#- deduplicate(relation, partition_by, order_by): a select statement giving, per partition_by,
    the first row by order_by, with every column of relation plus
      _version_count  how many rows the partition had (raw versions of the record)
      _version_rank   always 1 here (select the columns you want after it)
    Portable: row_number() in a subquery, no QUALIFY. relation may be a CTE name;
    partition_by and order_by are SQL text or lists of SQL text. -#}
{% macro deduplicate(relation, partition_by, order_by) -%}
    {{ return(adapter.dispatch('deduplicate', 'leadflow')(relation, partition_by, order_by)) }}
{%- endmacro %}

{% macro default__deduplicate(relation, partition_by, order_by) -%}
    {%- set partition_sql = partition_by if partition_by is string else partition_by | join(', ') -%}
    {%- set order_sql = order_by if order_by is string else order_by | join(', ') -%}
    select *
    from (
        select
            versions.*,
            row_number() over (partition by {{ partition_sql }} order by {{ order_sql }}) as _version_rank,
            count(*) over (partition by {{ partition_sql }}) as _version_count
        from {{ relation }} as versions
    ) as ranked_versions
    where _version_rank = 1
{%- endmacro %}
