{#- The append-only log of account_id assignments (see the stable_ids macro): a row per record when
    it first resolves, moves to another account_id, stops being delivered or comes back. Never fully
    refreshed: it is the memory of the ids issued before, and their history. -#}
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    full_refresh=false,
    on_schema_change='fail',
) }}

{{ stable_ids(ref('int_account_clusters_resolved'), 'account') }}
