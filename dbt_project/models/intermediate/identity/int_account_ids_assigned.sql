{#- Every record's current account_id (macro current_ids): the latest row of int_account_ids_logged
    per record, with the record's cluster of this run. -#}

{{ current_ids(ref('int_account_ids_logged'), ref('int_account_clusters_resolved'), 'account') }}
