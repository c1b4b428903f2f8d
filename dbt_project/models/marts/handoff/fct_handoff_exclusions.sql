{#- Who would be handed to sales but must not be contacted, and why: opted out of email (an
    opt-out on any record or an unsubscribe), a hard-bounced address, or disqualified by sales
    before the handoff (a CRM status of seed handoff_status_responses with reason disqualified).
    One row per person and reason; fct_handoff_queue leaves these persons out. A rejection
    after the handoff is sales' answer to it and shows in the queue and fct_handoff_feedback. -#}

with

handoffs as (

    select
        person_id,
        handoff_reason,
        handed_off_at,
        as_of_at
    from {{ ref('int_handoffs_identified') }}

),

persons as (

    select
        person_id,
        coalesce(geo_region, 'UNKNOWN') as geo_region,
        has_opted_out_of_email,
        is_unsubscribed,
        unsubscribed_at,
        is_email_bounced,
        bounced_at
    from {{ ref('dim_person') }}

),

disqualifications as (

    select
        responses.person_id,
        min(responses.responded_at) as disqualified_at,
        min(responses.response_detail) as response_detail
    from {{ ref('int_handoff_responses_collected') }} as responses
    inner join handoffs
        on responses.person_id = handoffs.person_id
    where
        responses.rejection_reason = 'disqualified'
        and responses.responded_at < handoffs.handed_off_at
    group by responses.person_id

),

exclusions as (

    select
        persons.person_id,
        'opted_out' as exclusion_reason,
        persons.unsubscribed_at as excluded_at,
        'email opt-out or unsubscribe' as exclusion_detail
    from persons
    where persons.has_opted_out_of_email or persons.is_unsubscribed

    union all

    select
        persons.person_id,
        'email_bounced' as exclusion_reason,
        persons.bounced_at as excluded_at,
        'hard bounce' as exclusion_detail
    from persons
    where persons.is_email_bounced

    union all

    select
        person_id,
        'disqualified' as exclusion_reason,
        disqualified_at as excluded_at,
        response_detail as exclusion_detail
    from disqualifications

),

final as (

    select
        {{ surrogate_key(['exclusions.person_id', 'exclusions.exclusion_reason']) }} as exclusion_id,
        exclusions.person_id,
        persons.geo_region,
        exclusions.exclusion_reason,
        exclusions.excluded_at,
        exclusions.exclusion_detail,
        handoffs.handoff_reason,
        handoffs.handed_off_at,
        handoffs.as_of_at
    from exclusions
    inner join handoffs
        on exclusions.person_id = handoffs.person_id
    inner join persons
        on exclusions.person_id = persons.person_id

)

select * from final
