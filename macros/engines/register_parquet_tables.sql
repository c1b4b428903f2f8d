{#- register_parquet_tables(schema_name, location_root, tables): one table per name in tables,
    reading the Parquet files under <location_root>/<name>/, in database schema_name, replacing
    a table of that name. Run by orchestration/engines/spark_raw.py after it exported DuckDB's
    raw schema, so a Spark build reads the rows the one loader parsed. Each table is dropped and
    created again (not refreshed) because a delivery may have added a column: the schema is read
    from the files each time. Dropping an external table leaves its files alone. -#}
{% macro register_parquet_tables(schema_name, location_root, tables) -%}
    {{ return(adapter.dispatch('register_parquet_tables', 'leadflow')(schema_name, location_root, tables)) }}
{%- endmacro %}

{% macro default__register_parquet_tables(schema_name, location_root, tables) -%}
    {{ exceptions.raise_compiler_error(
        "register_parquet_tables is for engines that read raw from Parquet (Spark); "
        ~ adapter.type() ~ " reads the loader's raw schema directly") }}
{%- endmacro %}

{% macro spark__register_parquet_tables(schema_name, location_root, tables) -%}
    {%- do run_query('create database if not exists ' ~ schema_name) -%}
    {%- for table in tables -%}
        {%- set relation = schema_name ~ '.' ~ adapter.quote(table) -%}
        {%- do run_query('drop table if exists ' ~ relation) -%}
        {%- do run_query('create table ' ~ relation ~ ' using parquet location '
            ~ leadflow.sql_string(location_root ~ '/' ~ table)) -%}
    {%- endfor -%}
    {{ log('registered ' ~ tables | length ~ ' Parquet tables in ' ~ schema_name, info=true) }}
{%- endmacro %}
