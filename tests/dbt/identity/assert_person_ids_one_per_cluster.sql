{#- Stable ids stay one-to-one with this run's clusters: no cluster holds two person_ids and no
    person_id spans two clusters. -#}
with

current_ids as (

    select
        cluster_key,
        person_id
    from {{ ref('int_person_ids_assigned') }}
    where is_current

)

select
    'cluster with several ids' as problem,
    cluster_key as key_value
from current_ids
group by cluster_key
having count(distinct person_id) > 1

union all

select
    'id on several clusters' as problem,
    person_id as key_value
from current_ids
group by person_id
having count(distinct cluster_key) > 1
