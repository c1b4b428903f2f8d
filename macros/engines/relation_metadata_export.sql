{#- relation_metadata_export(): post-hook of every model and seed (dbt_project.yml). Outside the
    transaction, so it runs after the node's own post-hooks and counts what they left. Under
    Dagster (dagster-dbt sets DAGSTER_DBT_CLI and the run's DBT_TARGET_PATH) it writes the
    relation's row count, column types and, for the marts BI reads (tag publish), first rows to
    <target>/relation_metadata/<unique_id>.json. DuckDB admits one process to a file, so the
    Dagster asset cannot read the catalog while dbt holds it; reading it afterwards held all of a
    run's events back until dbt had ended. Views are not counted: that would run them. -#}
{% macro relation_metadata_export() -%}
    {{ return(adapter.dispatch('relation_metadata_export', 'leadflow')()) }}
{%- endmacro %}

{% macro default__relation_metadata_export() -%}
    {{ return('') }}
{%- endmacro %}

{% macro duckdb__relation_metadata_export() -%}
    {%- if not execute or env_var('DAGSTER_DBT_CLI', '') != 'true' -%}
        {{ return('') }}
    {%- endif -%}
    {%- set counted = config.get('materialized') in ['table', 'incremental', 'seed', 'snapshot'] -%}
    {%- set path = env_var('DBT_TARGET_PATH', 'target') ~ '/relation_metadata/' ~ model.unique_id ~ '.json' -%}
    copy (
        select
            '{{ this.schema }}.{{ this.identifier }}' as relation,
            {% if counted -%}
                (select count(*) from {{ this }})
            {%- else -%}
                null::bigint
            {%- endif %} as row_count,
            (
                select list({'name': column_name, 'type': data_type} order by ordinal_position)
                from information_schema.columns
                where
                    table_catalog = '{{ this.database }}'
                    and table_schema = '{{ this.schema }}'
                    and table_name = '{{ this.identifier }}'
            ) as columns,
            {% if 'publish' in model.tags -%}
                (select list(relation_row) from (select * from {{ this }} limit 5) as relation_row)
            {%- else -%}
                null
            {%- endif %} as preview
    ) to '{{ path }}' (format json)
{%- endmacro %}
