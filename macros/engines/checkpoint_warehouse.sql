{#- checkpoint_warehouse(): on-run-end hook. The profile turns DuckDB's automatic checkpoints off
    for dbt (checkpoint_threshold): on a large file each one blocked the other dbt thread's
    writes for seconds to a minute, and even with one thread the commits that checkpoint cost
    more than one checkpoint at the end (docs/benchmarks.md, "Checkpoints with one thread").
    This writes the run's changes into the file once, at the end, so the WAL is empty before
    Dagster and the publication open it. FORCE waits for a running transaction instead of
    failing. Spark has nothing to checkpoint. -#}
{% macro checkpoint_warehouse() -%}
    {{ return(adapter.dispatch('checkpoint_warehouse', 'leadflow')()) }}
{%- endmacro %}

{% macro default__checkpoint_warehouse() -%}
    {{ return('') }}
{%- endmacro %}

{% macro duckdb__checkpoint_warehouse() -%}
    {{ return('force checkpoint') }}
{%- endmacro %}
