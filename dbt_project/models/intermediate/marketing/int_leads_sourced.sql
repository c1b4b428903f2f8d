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

first_touch_structs as (

    select
        person_id,
        {{ leadflow.value_at_first_touch(leadflow.struct_of([
            ('campaign_key', 'campaign_key'), ('campaign_name', 'campaign_name'), ('channel', 'channel'),
        ])) }} as first_touch
    from {{ ref('int_touchpoints_classified') }}
    group by person_id

),

first_touches as (

    select
        first_touch_structs.person_id,
        first_touch_structs.first_touch.campaign_key,
        first_touch_structs.first_touch.campaign_name,
        first_touch_structs.first_touch.channel
    from first_touch_structs

),

-- only the intervals of persons who crossed: the others would group to a null mql_at, which
-- the left join gives them anyway
mqls as (

    select
        person_id,
        min(mql_at) as mql_at
    from {{ ref('fct_lead_scores') }}
    where ruleset = {{ sql_string(var('scoring_ruleset')) }} and mql_at is not null
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
        on persons.person_id = first_touches.person_id
    left join mqls
        on persons.person_id = mqls.person_id

)

select * from final
