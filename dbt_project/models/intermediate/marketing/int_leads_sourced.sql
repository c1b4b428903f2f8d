{#- Every person as a lead, credited to the campaign and channel of their first credit-taking
    touch (the lead's source) under every attribution model; a person without one is
    '(unattributed)'. The lead is created when the person was first seen in any system, and
    becomes an MQL at the first crossing of the MQL threshold by the published score
    (fct_lead_scores, rule set var('scoring_ruleset')). -#}

with

persons as (

    select
        person_id,
        coalesce(geo_region, 'UNKNOWN') as region,
        first_seen_at as lead_created_at
    from {{ ref('dim_person') }}

),

first_touches as (

    select
        person_id,
        campaign_key,
        campaign_name,
        channel,
        row_number() over (partition by person_id order by occurred_at, touchpoint_id) as touch_rank
    from {{ ref('int_touchpoints_classified') }}

),

mqls as (

    select
        person_id,
        min(mql_at) as mql_at
    from {{ ref('fct_lead_scores') }}
    where ruleset = {{ sql_string(var('scoring_ruleset')) }}
    group by person_id

),

final as (

    select
        persons.person_id,
        persons.region,
        persons.lead_created_at,
        mqls.mql_at,
        coalesce(first_touches.campaign_key, '(unattributed)') as campaign_key,
        coalesce(first_touches.campaign_name, '(unattributed)') as campaign_name,
        coalesce(first_touches.channel, 'unattributed') as channel
    from persons
    left join first_touches
        on
            persons.person_id = first_touches.person_id
            and first_touches.touch_rank = 1
    left join mqls
        on persons.person_id = mqls.person_id

)

select * from final
