{#- The person_id history: per run and (old id, new id), the records that moved between them,
    'merge' or 'split' (macro id_changes). -#}

{{ id_changes(ref('int_person_ids_logged'), 'person') }}
