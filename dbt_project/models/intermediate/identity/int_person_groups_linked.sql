{#- Person records grouped by the deterministic edges (connected components): every record with
    the group it belongs to, named by the group's smallest record key. These groups are certain;
    the fuzzy rules then compare whole groups, so evidence found on any record of a group counts
    (a kana reading on a business card, a phone on the CRM record).
    Incremental: a daily run groups again only the groups whose records changed neighbours
    (macro components_to_relink); a full run groups every record. -#}
{{ config(
    materialized='incremental',
    unique_key='record_key',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.add_stored_column('neighbours_fingerprint', forget_rows=true) }}",
    post_hook="{{ leadflow.prune_orphans('record_key', ref('int_person_records_keyed')) }}",
) }}

with

records as (

    select record_key from {{ ref('int_person_records_keyed') }}

),

edges as (

    select
        node_a,
        node_b
    from {{ ref('int_person_edges_matched') }}

),

{{ leadflow.neighbour_fingerprints('neighbours', 'edges') }},

nodes as (

    select
        records.record_key,
        neighbours.neighbours_fingerprint
    from records
    left join neighbours
        on records.record_key = neighbours.node_id

),

{{ leadflow.components_to_relink(
    'relinked', 'nodes', 'edges', 'record_key', 'group_key', ['neighbours_fingerprint']
) }},

{{ connected_components('components', 'relinked_edges', var('identity_connected_components_rounds')) }},

final as (

    select
        relinked_nodes.record_key,
        coalesce(components.component_id, relinked_nodes.record_key) as group_key,
        coalesce(components.is_converged, true) as is_converged,
        relinked_nodes.neighbours_fingerprint
    from relinked_nodes
    left join components
        on relinked_nodes.record_key = components.node_id

)

select * from final
