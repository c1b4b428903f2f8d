{#- Company records grouped by the strong edges (CRM account links, corporate number, domain;
    connected components): every record with its domain group, named by the group's smallest
    record key, and the name key, domain and corporate number the name pass of
    int_account_clusters_resolved weighs. A table of its own, like int_person_groups_linked: the
    name pass reads the groups many times over, and Spark would plan these rounds again for every
    read of an inline CTE (docs/spark.md).
    Incremental: a daily run groups again only the groups whose records changed neighbours or
    those three values (macro components_to_relink); a full run groups every record. -#}
{{ config(
    materialized='incremental',
    unique_key='record_key',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.add_stored_column('neighbours_fingerprint', forget_rows=true) }}",
    post_hook="{{ leadflow.prune_orphans('record_key', ref('int_account_records_unioned')) }}",
) }}
{%- set carried = ['company_key', 'company_domain', 'corporate_number'] -%}

with

records as (

    select
        record_key,
        {{ carried | join(',\n        ') }}
    from {{ ref('int_account_records_unioned') }}

),

strong_edges as (

    select
        node_a,
        node_b
    from {{ ref('int_account_edges_matched') }}
    where is_strong

),

{{ leadflow.neighbour_fingerprints('neighbours', 'strong_edges') }},

nodes as (

    select
        records.*,
        neighbours.neighbours_fingerprint
    from records
    left join neighbours
        on records.record_key = neighbours.node_id

),

{{ leadflow.components_to_relink(
    'relinked', 'nodes', 'strong_edges', 'record_key', 'group_key', carried + ['neighbours_fingerprint']
) }},

{{ connected_components('domain_groups', 'relinked_edges', var('identity_connected_components_rounds')) }},

final as (

    select
        relinked_nodes.record_key,
        relinked_nodes.company_key,
        relinked_nodes.company_domain,
        relinked_nodes.corporate_number,
        coalesce(domain_groups.component_id, relinked_nodes.record_key) as group_key,
        coalesce(domain_groups.is_converged, true) as is_converged,
        relinked_nodes.neighbours_fingerprint
    from relinked_nodes
    left join domain_groups
        on relinked_nodes.record_key = domain_groups.node_id

)

select * from final
