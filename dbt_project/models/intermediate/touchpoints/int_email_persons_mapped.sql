{#- Normalized email address -> the one person holding it, for events that name only a
    recipient (HubSpot email events). An address on the records of two or more persons (a shared
    role address such as info@) maps to nobody rather than to a guess. -#}

with

records as (

    select
        keyed.email,
        bridge.person_id,
        bridge.account_id,
        case
            when account_ids.assigned_at > bridge.assigned_at then account_ids.assigned_at
            else bridge.assigned_at
        end as resolved_at
    from {{ ref('int_person_records_keyed') }} as keyed
    inner join {{ ref('bridge_person_records') }} as bridge
        on keyed.record_key = bridge.record_key
    left join {{ ref('int_account_ids_assigned') }} as account_ids
        on keyed.record_key = account_ids.record_key and account_ids.is_current
    where keyed.email is not null

),

final as (

    select
        email,
        min(person_id) as person_id,
        min(account_id) as account_id,
        max(resolved_at) as resolved_at
    from records
    group by email
    having count(distinct person_id) = 1

)

select * from final
