{#- delivered_since_last_build(relation, key): a condition on the raw rows of `relation` that keeps
    every version of each record (by the SQL expression `key`) delivered since the newest load
    the incremental model {{ this }} holds, older deliveries of those records included, so that
    their newest version and _version_count come out as in a full build. Use it in an
    incremental batch only (leadflow.incremental_batch()). -#}
{% macro delivered_since_last_build(relation, key) -%}
    {{ key }} in (
        select {{ key }}
        from {{ relation }}
        where _loaded_at > coalesce(
            (select max(built._loaded_at) from {{ this }} as built),
            cast('1900-01-01 00:00:00' as {{ dbt.type_timestamp() }})
        )
    )
{%- endmacro %}
