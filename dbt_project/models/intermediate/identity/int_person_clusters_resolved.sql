{#- Every person record with its resolved cluster: connected components over the accepted fuzzy
    edges between deterministic groups. Chaining guard: each edge was checked for conflicting
    work emails between its two groups only, so a chain A-B-C can still join two colleagues A
    and C. A component whose groups hold conflicting work emails (two local parts at one domain
    that are more than a typo apart), or that grows beyond var('identity_max_cluster_records')
    records, is left unmerged: its records keep their deterministic group. -#}

with

records as (

    select * from {{ ref('int_person_groups_linked') }}

),

accepted_edges as (

    select
        node_a,
        node_b
    from {{ ref('int_person_group_edges_matched') }}
    where is_accepted

),

{{ connected_components('components', 'accepted_edges', var('identity_connected_components_rounds')) }},

candidates as (

    select
        records.record_key,
        records.group_key,
        coalesce(components.component_id, records.group_key) as component_key,
        records.is_converged and coalesce(components.is_converged, true) as is_converged
    from records
    left join components
        on records.group_key = components.node_id

),

work_emails as (

    select distinct
        candidates.component_key,
        candidates.group_key,
        keyed.email_domain,
        keyed.email_local_canonical
    from candidates
    inner join {{ ref('int_person_records_keyed') }} as keyed
        on candidates.record_key = keyed.record_key
    where
        keyed.email_domain is not null
        and not keyed.is_free_mail
        and not keyed.is_role_email

),

conflicted_components as (

    select distinct left_emails.component_key
    from work_emails as left_emails
    inner join work_emails as right_emails
        on
            left_emails.component_key = right_emails.component_key
            and left_emails.email_domain = right_emails.email_domain
            and left_emails.group_key < right_emails.group_key
    where
        {{ email_local_parts_relation('left_emails.email_local_canonical', 'right_emails.email_local_canonical') }}
        = 'different'

),

oversized_components as (

    select component_key
    from candidates
    group by component_key
    having count(*) > {{ var('identity_max_cluster_records') }}

),

resolved as (

    select
        candidates.record_key,
        candidates.group_key,
        candidates.component_key,
        case
            when conflicted_components.component_key is not null then 'conflicting_work_email'
            when oversized_components.component_key is not null then 'oversized'
        end as chain_guard_reason,
        candidates.is_converged
    from candidates
    left join conflicted_components
        on candidates.component_key = conflicted_components.component_key
    left join oversized_components
        on candidates.component_key = oversized_components.component_key

),

final as (

    select
        record_key,
        group_key,
        component_key,
        case when chain_guard_reason is null then component_key else group_key end as cluster_key,
        count(*) over (
            partition by case when chain_guard_reason is null then component_key else group_key end
        ) as cluster_record_count,
        chain_guard_reason,
        is_converged
    from resolved

)

select * from final
