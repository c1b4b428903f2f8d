{#- Person records grouped by the deterministic edges (connected components): every record with
    the group it belongs to, named by the group's smallest record key. These groups are certain;
    the fuzzy rules then compare whole groups, so evidence found on any record of a group counts
    (a kana reading on a business card, a phone on the CRM record). -#}

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

{{ connected_components('components', 'edges', var('identity_connected_components_rounds')) }},

final as (

    select
        records.record_key,
        coalesce(components.component_id, records.record_key) as group_key,
        coalesce(components.is_converged, true) as is_converged
    from records
    left join components
        on records.record_key = components.node_id

)

select * from final
