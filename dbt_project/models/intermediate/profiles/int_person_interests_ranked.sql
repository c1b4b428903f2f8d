{#- Interest profile per person from the content they touched (fct_touchpoints): the categories
    of content-bearing events (visits, clicks, forms, webinars, trade shows), most touched first,
    as a comma-separated list, the top one, and when the person last touched content. Navigation
    and mail-program categories (careers, newsletter, nurture) are not interests.
    Incremental by person: a daily run rewrites the persons whose profile inputs changed
    (int_person_profile_inputs_logged, macros/scoring/scoring_batch.sql). -#}
{{ config(
    materialized='incremental',
    unique_key='person_id',
    incremental_strategy=leadflow.incremental_strategy(rows_forgotten=true),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_changed_persons(ref('int_person_profile_inputs_logged')) }}",
) }}
{%- set profile_changes = ref('int_person_profile_inputs_logged') -%}

with

touched as (

    select
        person_id,
        content_category,
        count(*) as touches,
        max(occurred_at) as last_touched_at
    from {{ ref('fct_touchpoints') }}
    where
        content_category is not null
        and content_category not in ('careers', 'newsletter', 'nurture')
        and event_type in (
            'web_visit', 'link_click', 'email_click', 'form_submit', 'webinar_registered',
            'webinar_attended', 'trade_show_scan'
        )
        and {{ leadflow.in_person_batch('person_id', profile_changes) }}
    group by person_id, content_category

),

ranked as (

    select
        touched.*,
        row_number() over (
            partition by touched.person_id
            order by touched.touches desc, touched.last_touched_at desc, touched.content_category asc
        ) as interest_rank
    from touched

),

final as (

    select
        person_id,
        max(case when interest_rank = 1 then content_category end) as primary_interest,
        {{ dbt.listagg('content_category', "','", 'order by interest_rank') }} as interest_categories,
        cast(sum(touches) as {{ dbt.type_bigint() }}) as content_touches,
        max(last_touched_at) as interests_last_touched_at,
        {{ leadflow.run_timestamp() }} as computed_at
    from ranked
    group by person_id

)

select * from final
