{#- Which content precedes progression: per content category and region, the people who touched
    it and how many reached their next funnel stage within var('content_progression_window_days')
    after their first touch of it, against the same rate for people of the region who touched
    other content but not this (counted from their first categorised touch). Progression is
    entering a funnel stage past inquiry (mql, tal, tql, sal, sql) or won: inquiry is the entry
    itself, and lost, recycled and disqualified are not steps forward. -#}
{%- set window_days = var('content_progression_window_days') -%}

with

touches as (

    select
        person_id,
        content_category,
        occurred_at
    from {{ ref('fct_touchpoints') }}
    where content_category is not null

),

progressions as (

    select
        person_id,
        entered_at
    from {{ ref('fct_stage_transitions') }}
    where
        (stage_kind = 'funnel' and stage_code <> 'inquiry')
        or stage_code = 'won'

),

persons as (

    select
        person_id,
        coalesce(geo_region, 'UNKNOWN') as geo_region
    from {{ ref('dim_person') }}

),

category_first_touches as (

    select
        person_id,
        content_category,
        min(occurred_at) as first_touched_at
    from touches
    group by person_id, content_category

),

any_first_touches as (

    select
        person_id,
        min(occurred_at) as first_touched_at
    from touches
    group by person_id

),

category_progressed as (

    select
        category_first_touches.person_id,
        category_first_touches.content_category,
        max(case when progressions.person_id is not null then 1 else 0 end) as has_progressed
    from category_first_touches
    left join progressions
        on
            category_first_touches.person_id = progressions.person_id
            and category_first_touches.first_touched_at < progressions.entered_at
            and {{ dbt.dateadd('day', window_days, 'category_first_touches.first_touched_at') }}
            >= progressions.entered_at
    group by category_first_touches.person_id, category_first_touches.content_category

),

any_progressed as (

    select
        any_first_touches.person_id,
        persons.geo_region,
        max(case when progressions.person_id is not null then 1 else 0 end) as has_progressed
    from any_first_touches
    inner join persons
        on any_first_touches.person_id = persons.person_id
    left join progressions
        on
            any_first_touches.person_id = progressions.person_id
            and any_first_touches.first_touched_at < progressions.entered_at
            and {{ dbt.dateadd('day', window_days, 'any_first_touches.first_touched_at') }}
            >= progressions.entered_at
    group by any_first_touches.person_id, persons.geo_region

),

regions as (

    select
        geo_region,
        count(*) as people,
        count(case when has_progressed = 1 then 1 end) as people_progressed
    from any_progressed
    group by geo_region

),

-- the touchers' own baseline outcome, to take them out of the region's comparison group
categories as (

    select
        any_progressed.geo_region,
        category_progressed.content_category,
        count(*) as people_touched,
        count(case when category_progressed.has_progressed = 1 then 1 end) as people_progressed,
        count(case when any_progressed.has_progressed = 1 then 1 end) as touchers_progressed_from_first_touch
    from category_progressed
    inner join any_progressed
        on category_progressed.person_id = any_progressed.person_id
    group by any_progressed.geo_region, category_progressed.content_category

),

final as (

    select
        categories.content_category,
        categories.geo_region,
        categories.people_touched,
        categories.people_progressed,
        cast(categories.people_progressed as double) / categories.people_touched as share_progressed,
        regions.people - categories.people_touched as comparison_people,
        regions.people_progressed - categories.touchers_progressed_from_first_touch as comparison_people_progressed,
        cast(regions.people_progressed - categories.touchers_progressed_from_first_touch as double)
        / nullif(regions.people - categories.people_touched, 0) as comparison_share_progressed,
        {{ window_days }} as progression_window_days
    from categories
    inner join regions
        on categories.geo_region = regions.geo_region

)

select * from final
