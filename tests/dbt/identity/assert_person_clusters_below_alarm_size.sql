{#- Alarm, not a failure: a resolved person with more records than
    var('identity_cluster_alarm_records') is probably chaining and should be looked at. -#}
{{ config(severity='warn') }}

select
    cluster_key,
    max(cluster_record_count) as cluster_record_count
from {{ ref('int_person_clusters_resolved') }}
where cluster_record_count > {{ var('identity_cluster_alarm_records') }}
group by cluster_key
