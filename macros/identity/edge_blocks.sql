{#- The daily batch of an edge model stored by block (int_person_edges_matched,
    int_account_edges_matched). An equal-key rule links a block (every record with one key value)
    as a star centred on its smallest record key, so a new record can move every edge of its block:
    the block, not the edge, is what a run computes again. A block is `<prefix>:<key value>`, or
    `link:<record key>` for the links a record names.

    A run computes again the blocks that hold a touched record now (its key values, its links) or
    held it before (the stored edges at either end of it), and the link blocks that name it. A
    record is touched when it was written since the model's last write (`stamp` after the latest
    stored computed_at) or is gone. An emptied table (built before it stored block_key) computes
    every block. -#}

{#- edge_block_key(prefix, key): SQL of the block a record's `key` puts it in. -#}
{% macro edge_block_key(prefix, key) -%}
    {{ dbt.concat(["'" ~ prefix ~ ":'", key]) }}
{%- endmacro %}

{#- edge_blocks_to_compute(records, stamp, key_blocks, links): CTE definitions (each followed by
    a comma) ending in `blocks_to_compute` (block_key), or nothing outside a daily batch.
    `records` holds record_key and `stamp`; `key_blocks` lists the equal-key rules' blocks as
    {prefix, key, where}; `links` holds record_key and linked_record_key. -#}
{% macro edge_blocks_to_compute(records, stamp, key_blocks, links) -%}
    {%- if leadflow.incremental_batch() %}
        last_write as (

            select max(computed_at) as computed_at from {{ this }}

        ),

        stored_ends as (

            select
                node_a as record_key,
                block_key
            from {{ this }}
            union all
            select
                node_b as record_key,
                block_key
            from {{ this }}

        ),

        touched_records as (

            select records.record_key
            from {{ records }} as records
            cross join last_write
            where last_write.computed_at is null or records.{{ stamp }} > last_write.computed_at
            union
            select stored_ends.record_key
            from stored_ends
            where not exists (select 1 from {{ records }} as records where records.record_key = stored_ends.record_key)

        ),

        blocks_to_compute as (

            {% for block in key_blocks -%}
                select {{ leadflow.edge_block_key(block.prefix, 'records.' ~ block.key) }} as block_key
                from {{ records }} as records
                inner join touched_records
                    on records.record_key = touched_records.record_key
                where records.{{ block.key }} is not null and {{ block.get('where', 'true') }}
                union
            {% endfor -%}
            select stored_ends.block_key
            from stored_ends
            inner join touched_records
                on stored_ends.record_key = touched_records.record_key
            union
            select {{ leadflow.edge_block_key('link', 'record_key') }} as block_key
            from touched_records
            union
            select {{ leadflow.edge_block_key('link', 'links.record_key') }} as block_key
            from {{ links }} as links
            inner join touched_records
                on links.linked_record_key = touched_records.record_key

        ),
    {%- endif %}
{%- endmacro %}

{#- in_edge_blocks_to_compute(block_key): a filter keeping the rows of the blocks a daily batch
    computes; true outside one. -#}
{% macro in_edge_blocks_to_compute(block_key) -%}
    {%- if leadflow.incremental_batch() -%}
        {{ block_key }} in (select blocks_to_compute.block_key from blocks_to_compute)
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- emptied_edge_blocks(edges): the CTE `emptied_blocks` (block_key, followed by a comma) of the
    computed blocks with stored edges and none now, or nothing outside a daily batch. The model
    writes a marker row (null node_a) for each: the delete+insert by block_key removes the
    block's stored edges, and the post-hook delete_markers the marker. -#}
{% macro emptied_edge_blocks(edges) -%}
    {%- if leadflow.incremental_batch() %}
        emptied_blocks as (

            select blocks_to_compute.block_key
            from blocks_to_compute
            where
                exists (select 1 from {{ this }} as stored where stored.block_key = blocks_to_compute.block_key)
                and not exists (select 1 from {{ edges }} as edges where edges.block_key = blocks_to_compute.block_key)

        ),
    {%- endif %}
{%- endmacro %}
