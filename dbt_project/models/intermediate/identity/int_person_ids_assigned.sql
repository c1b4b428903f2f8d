{#- Every record's current person_id (macro current_ids): the latest row of int_person_ids_logged
    per record, with the record's cluster of this run. -#}

{{ current_ids(ref('int_person_ids_logged'), ref('int_person_clusters_resolved'), 'person') }}
