{#- How long people have been sitting in their current stage, per region: people in each age
    bucket and the median, so stalled MQLs or SALs show up before they go cold. People with no
    funnel stage yet are left out: they have no stage to age in. -#}

with

lifecycle as (

    select
        person_id,
        current_stage_code,
        current_stage_name_en,
        current_stage_name_ja,
        days_in_current_stage,
        lifecycle_as_of
    from {{ ref('dim_person_lifecycle') }}
    where current_stage_code is not null

),

persons as (

    select
        person_id,
        coalesce(geo_region, 'UNKNOWN') as geo_region
    from {{ ref('dim_person') }}

),

aged as (

    select
        persons.geo_region,
        lifecycle.current_stage_code,
        max(lifecycle.current_stage_name_en) as current_stage_name_en,
        max(lifecycle.current_stage_name_ja) as current_stage_name_ja,
        count(*) as people,
        count(case when lifecycle.days_in_current_stage <= 7 then 1 end) as people_0_7_days,
        count(case when lifecycle.days_in_current_stage between 8 and 30 then 1 end) as people_8_30_days,
        count(case when lifecycle.days_in_current_stage between 31 and 90 then 1 end) as people_31_90_days,
        count(case when lifecycle.days_in_current_stage > 90 then 1 end) as people_over_90_days,
        {{ median('lifecycle.days_in_current_stage') }} as median_days_in_stage,
        max(lifecycle.lifecycle_as_of) as lifecycle_as_of
    from lifecycle
    inner join persons
        on lifecycle.person_id = persons.person_id
    group by persons.geo_region, lifecycle.current_stage_code

),

final as (

    select
        geo_region,
        current_stage_code,
        current_stage_name_en,
        current_stage_name_ja,
        people,
        people_0_7_days,
        people_8_30_days,
        people_31_90_days,
        people_over_90_days,
        cast(people_over_90_days as double) / people as share_over_90_days,
        cast(median_days_in_stage as double) as median_days_in_stage,
        lifecycle_as_of
    from aged

)

select * from final
