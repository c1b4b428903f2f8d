{#- Fuzzy edges between deterministic groups (int_person_groups_linked) for the same human
    written without a shared email or id. Groups are compared only inside blocks (groups sharing
    a phone, a name within one account, or a name or phone within one email domain) of at most
    var('identity_max_block_size') groups, so comparisons stay bounded per group. One row per
    compared pair and rule; node_a/node_b are the groups' keys (their smallest record keys).
      phone_and_name    0.90  same phone (last 9 digits) and a common name key; a phone that
                              records of 3 or more different names carry is a switchboard and
                              is not evidence
      name_and_account  0.85  a common name key and the same resolved account
      email_typo_and_name   0.80  work emails at one domain one edit apart (tanaka@ / tanka@)
                                  and a common name key; digits alone (tanaka@ / tanaka2@) are
                                  a different person
      email_typo_and_phone  0.75  one letter dropped or added (maoki@ / maki@) and the same
                                  phone, for names written in different scripts (青木 / Aoki);
                                  a changed letter (minh@ / linh@) on a switchboard is two people
    Every rule is vetoed by conflicting work emails: both groups hold addresses at one domain
    whose local parts differ by more than a typo (two colleagues of the same name). -#}
{%- set max_block = var('identity_max_block_size') -%}
{%- set rules = [
    ('phone_and_name', 'phone_blocks', 0.9),
    ('name_and_account', 'name_account_blocks', 0.85),
    ('email_typo_and_name', 'domain_name_blocks', 0.8),
    ('email_typo_and_phone', 'domain_phone_blocks', 0.75),
] -%}

with

records as (

    select
        keyed.record_key,
        keyed.name_key,
        keyed.name_reading_key,
        keyed.email_name_key,
        keyed.phone_key,
        keyed.mobile_phone_key,
        keyed.email_domain,
        keyed.email_local_canonical,
        keyed.is_role_email,
        keyed.is_free_mail,
        person_groups.group_key,
        account_clusters.cluster_key as account_key
    from {{ ref('int_person_records_keyed') }} as keyed
    inner join {{ ref('int_person_groups_linked') }} as person_groups
        on keyed.record_key = person_groups.record_key
    left join {{ ref('int_account_clusters_resolved') }} as account_clusters
        on keyed.record_key = account_clusters.record_key

),

group_names as (

    select distinct
        group_key,
        name_key
    from records
    where name_key is not null
    union
    select distinct
        group_key,
        name_reading_key as name_key
    from records
    where name_reading_key is not null
    union
    select distinct
        group_key,
        email_name_key as name_key
    from records
    where email_name_key is not null

),

record_phones as (

    select
        record_key,
        group_key,
        name_key,
        phone_key
    from records
    where phone_key is not null
    union
    select
        record_key,
        group_key,
        name_key,
        mobile_phone_key as phone_key
    from records
    where mobile_phone_key is not null

),

-- a company switchboard: one number on the records of several different names
shared_phones as (

    select phone_key
    from record_phones
    group by phone_key
    having count(distinct name_key) >= 3

),

group_phones as (

    select distinct
        record_phones.group_key,
        record_phones.phone_key
    from record_phones
    left join shared_phones
        on record_phones.phone_key = shared_phones.phone_key
    where shared_phones.phone_key is null

),

group_work_emails as (

    select distinct
        group_key,
        email_domain,
        email_local_canonical
    from records
    where email_domain is not null and not is_free_mail and not is_role_email

),

-- block keys: (group, key) rows; a pair of groups is compared when they share a key
phone_blocks as (

    select
        group_key,
        phone_key as block_key
    from group_phones

),

name_account_blocks as (

    select distinct
        group_names.group_key,
        {{ dbt.concat(['group_names.name_key', "'@'", 'records.account_key']) }} as block_key
    from group_names
    inner join records
        on group_names.group_key = records.group_key
    where records.account_key is not null

),

domain_name_blocks as (

    select distinct
        group_work_emails.group_key,
        {{ dbt.concat(['group_work_emails.email_domain', "'/'", 'group_names.name_key']) }} as block_key
    from group_work_emails
    inner join group_names
        on group_work_emails.group_key = group_names.group_key

),

domain_phone_blocks as (

    select distinct
        group_work_emails.group_key,
        {{ dbt.concat(['group_work_emails.email_domain', "'/'", 'group_phones.phone_key']) }} as block_key
    from group_work_emails
    inner join group_phones
        on group_work_emails.group_key = group_phones.group_key

),

{% for rule, blocks, strength in rules %}
    {{ rule }}_candidates as (

        select
            left_group.group_key as node_a,
            right_group.group_key as node_b,
            '{{ rule }}' as match_rule,
            {{ strength }} as match_strength,
            min(left_group.block_key) as evidence
        from {{ blocks }} as left_group
        inner join {{ blocks }} as right_group
            on
                left_group.block_key = right_group.block_key
                and left_group.group_key < right_group.group_key
        where left_group.block_key in (
                select block_sizes.block_key from {{ blocks }} as block_sizes
                group by block_sizes.block_key
                having count(*) <= {{ max_block }}
            )
        group by left_group.group_key, right_group.group_key

    ),

{% endfor %}
candidates as (

    {% for rule, blocks, strength in rules %}
        select * from {{ rule }}_candidates
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

candidate_pairs as (

    select distinct
        node_a,
        node_b
    from candidates

),

shared_names as (

    select distinct
        node_a,
        node_b
    from {{ pair_rows_matched('candidate_pairs', 'group_names', 'name_key', 'name_key') }} as names_of_pairs

),

-- every pair of the two groups' work emails at one domain: equal, a typo apart, or conflicting
email_pairs as (

    select
        node_a,
        node_b,
        {{ email_local_parts_relation('left_value', 'right_value') }} as local_parts_relation,
        length(left_value) <> length(right_value) as is_length_change
    from {{ pair_rows_matched('candidate_pairs', 'group_work_emails', 'email_domain', 'email_local_canonical') }}
        as emails_of_pairs

),

email_comparisons as (

    select
        node_a,
        node_b,
        max(case when local_parts_relation = 'typo' then 1 else 0 end) as has_typo,
        max(case when local_parts_relation = 'typo' and is_length_change then 1 else 0 end) as has_dropped_letter,
        max(case when local_parts_relation = 'different' then 1 else 0 end) as has_conflict
    from email_pairs
    group by node_a, node_b

),

judged as (

    select
        candidates.node_a,
        candidates.node_b,
        candidates.match_rule,
        cast(candidates.match_strength as double) as match_strength,
        candidates.evidence,
        case
            when coalesce(email_comparisons.has_conflict, 0) = 1 then 'conflicting_work_email'
            when candidates.match_rule = 'phone_and_name' and shared_names.node_a is null then 'names_differ'
            when
                candidates.match_rule = 'email_typo_and_name'
                and coalesce(email_comparisons.has_typo, 0) = 0
                then 'no_email_typo'
            when
                candidates.match_rule = 'email_typo_and_phone'
                and coalesce(email_comparisons.has_dropped_letter, 0) = 0
                then 'no_dropped_letter'
        end as rejection_reason
    from candidates
    left join shared_names
        on candidates.node_a = shared_names.node_a and candidates.node_b = shared_names.node_b
    left join email_comparisons
        on candidates.node_a = email_comparisons.node_a and candidates.node_b = email_comparisons.node_b

),

final as (

    select
        node_a,
        node_b,
        match_rule,
        match_strength,
        evidence,
        rejection_reason is null as is_accepted,
        rejection_reason
    from judged

)

select * from final
