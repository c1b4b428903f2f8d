{#- Stable ids stay one-to-one with this run's clusters: no cluster holds two account_ids and no
    account_id spans two clusters. -#}
with

current_ids as (

    select
        cluster_key,
        account_id
    from {{ ref('int_account_ids_assigned') }}
    where is_current

)

select
    'cluster with several ids' as problem,
    cluster_key as key_value
from current_ids
group by cluster_key
having count(distinct account_id) > 1

union all

select
    'id on several clusters' as problem,
    account_id as key_value
from current_ids
group by account_id
having count(distinct cluster_key) > 1
