{#- int_touchpoints_classified holds every credit-taking touch once: as many rows as
    fct_touchpoints has touches outside var('attribution_excluded_event_types'). The model only
    filters those touches and left-joins lookups, so a lookup key given twice (a fan-out) shows
    as more rows. With fct_touchpoints' own unique key this is the model's unique key, without
    hashing 13M ids (13.4 s daily at 1M people, against two counts). Returns a row when the counts
    differ. -#}
{%- set excluded = leadflow.excluded_touch_types() -%}

with

touches as (

    select count(*) as touches
    from {{ ref('fct_touchpoints') }}
    {%- if excluded %}
        where event_type not in ({{ excluded | join(', ') }})
    {%- endif %}

),

classified as (

    select count(*) as classified_touches
    from {{ ref('int_touchpoints_classified') }}

)

select
    touches.touches,
    classified.classified_touches
from touches
cross join classified
where touches.touches <> classified.classified_touches
