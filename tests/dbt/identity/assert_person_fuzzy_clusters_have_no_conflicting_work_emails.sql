{#- The chaining guard holds: no cluster merged from several groups holds two work addresses at
    one domain whose local parts differ by more than a typo (or only in digits): two colleagues. -#}
with

clusters as (

    select * from {{ ref('int_person_clusters_resolved') }}

),

merged_clusters as (

    select cluster_key
    from clusters
    group by cluster_key
    having count(distinct group_key) > 1

),

work_emails as (

    select distinct
        clusters.cluster_key,
        clusters.group_key,
        keyed.email_domain,
        keyed.email_local_canonical
    from clusters
    inner join merged_clusters
        on clusters.cluster_key = merged_clusters.cluster_key
    inner join {{ ref('int_person_records_keyed') }} as keyed
        on clusters.record_key = keyed.record_key
    where keyed.email_domain is not null and not keyed.is_free_mail and not keyed.is_role_email

)

select
    left_emails.cluster_key,
    left_emails.email_domain,
    left_emails.email_local_canonical as left_local_part,
    right_emails.email_local_canonical as right_local_part
from work_emails as left_emails
inner join work_emails as right_emails
    on
        left_emails.cluster_key = right_emails.cluster_key
        and left_emails.email_domain = right_emails.email_domain
        and left_emails.group_key < right_emails.group_key
where
    {{ email_local_parts_relation('left_emails.email_local_canonical', 'right_emails.email_local_canonical') }}
    = 'different'
