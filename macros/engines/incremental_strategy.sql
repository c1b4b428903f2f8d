{#- incremental_strategy(rows_forgotten): the one place that picks how incremental models write
    their new rows, per engine; models say config(materialized='incremental', unique_key=...,
    incremental_strategy=leadflow.incremental_strategy()).
      DuckDB: delete+insert by unique_key; append when `rows_forgotten`: the model's pre-hook
        forget_changed_persons has deleted every person its batch (in_person_batch) writes
        again, so looking for them a second time only scans the table (at 1M people 1.3 s of
        each of the 75M contributions and 97M rule values; macros/scoring/scoring_batch.sql
        says why no batch person has rows left).
      Spark: merge by unique_key, which needs a table format with row-level updates
        (LEADFLOW_SPARK_FILE_FORMAT delta, iceberg or hudi: Databricks, a Delta Lake cluster).
        Plain parquet (local Spark) has none: there insert_overwrite, which replaces the
        partitions the new rows fall in (the whole table without partition_by), so a model
        must select every row of each partition it writes, and must not read {{ this }}
        (Spark refuses to overwrite a table the same query reads). -#}
{% macro incremental_strategy(rows_forgotten=false) -%}
    {{ return(adapter.dispatch('incremental_strategy', 'leadflow')(rows_forgotten)) }}
{%- endmacro %}

{% macro default__incremental_strategy(rows_forgotten) -%}
    {{ return('append' if rows_forgotten else 'delete+insert') }}
{%- endmacro %}

{% macro spark__incremental_strategy(rows_forgotten) -%}
    {%- set file_format = env_var('LEADFLOW_SPARK_FILE_FORMAT', 'parquet') -%}
    {{ return('merge' if file_format in ['delta', 'iceberg', 'hudi'] else 'insert_overwrite') }}
{%- endmacro %}
