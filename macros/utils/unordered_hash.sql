{#- unordered_hash(fields): an aggregate hash of the rows of a group over `fields` (SQL
    expressions), the same whatever the rows' order: the sum of one 64-bit hash per row, as text.
    Fingerprints a group's rows (every touchpoint of a person) in one pass, without the sort an
    ordered string_agg would need. A change goes unnoticed only on a 64-bit sum collision. -#}
{% macro unordered_hash(fields) -%}
    {{ return(adapter.dispatch('unordered_hash', 'leadflow')(fields)) }}
{%- endmacro %}

{#- DuckDB sums UBIGINT hashes into a HUGEINT: no overflow. -#}
{% macro default__unordered_hash(fields) -%}
    cast(sum(hash({{ fields | join(', ') }})) as {{ dbt.type_string() }})
{%- endmacro %}

{#- Spark's sum of bigints can overflow, so each hash is summed as a decimal. -#}
{% macro spark__unordered_hash(fields) -%}
    cast(sum(cast(xxhash64({{ fields | join(', ') }}) as decimal(38, 0))) as {{ dbt.type_string() }})
{%- endmacro %}
