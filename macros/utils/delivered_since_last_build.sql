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

{#- forget_when_delivered(relation): pre-hook SQL for a staging table rebuilt only on a day that
    delivered its source: it empties {{ this }} when the raw table `relation` holds rows the
    table has not staged. Every raw row is one version of one staged record, so the stored rows'
    _version_count sum to the raw rows staged, and the raw tables only grow (the loader appends).
    The model selects its raw rows only into an empty table (stage_when_emptied): a day without a
    delivery rewrites nothing, a day with one stages every row as a full build would. For the
    sources a daily delivery seldom touches, and those whose records have no delivered id to
    match a day's rows by (badge scans hash their content). Nothing outside a daily batch (a full
    build, insert_overwrite). -#}
{% macro forget_when_delivered(relation) -%}
    {%- if leadflow.incremental_batch() -%}
        delete from {{ this }}
        where (select count(*) from {{ relation }}) <> (
            select coalesce(sum(staged._version_count), 0) from {{ this }} as staged
        )
    {%- endif -%}
{%- endmacro %}

{#- stage_when_emptied(): the condition on the raw rows of a model that forget_when_delivered
    empties: whether {{ this }} is empty in a daily batch, true outside one. -#}
{% macro stage_when_emptied() -%}
    {%- if leadflow.incremental_batch() -%}
        not exists (select 1 from {{ this }})
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}
