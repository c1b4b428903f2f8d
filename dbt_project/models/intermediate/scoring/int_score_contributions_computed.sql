{#- What every scoring rule contributes to every person, as segments [segment_start,
    segment_end) of constant points (segment_end null: open), per rule set:
      fit          a matching profile attribute, from the time it was known (and the rule version
                   in force) until the version ends;
      engagement   a matching touchpoint, at its event time, with the rule version in force then.
                   The per-day cap limits the points one rule grants a person per (UTC) day,
                   in event order, so an early event of the day is never changed by a later one.
                   Decay halves the points every half_life_days (step decay: the value is
                   constant between halvings, so history has finitely many change points) and a
                   contribution ends once it is below half a point;
      inactivity   rules on days_without_activity: from N days after an activity until the
                   next one (open when none follows).
    Total caps apply to a rule's sum at each moment, in int_score_rule_values_accumulated.
    Incremental by person: a run computes the persons whose scoring inputs changed
    (int_person_score_inputs_logged, macros/scoring/scoring_batch.sql). -#}
{{ config(
    materialized='incremental',
    unique_key='person_id',
    incremental_strategy=leadflow.incremental_strategy(rows_forgotten=true),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_changed_persons(ref('int_person_score_inputs_logged')) }}",
) }}
{%- set activity_types = "'web_visit', 'link_click', 'email_open', 'email_click', 'form_submit', "
    ~ "'webinar_registered', 'webinar_attended', 'trade_show_scan'" -%}
{%- set event_columns = touchpoint_rule_attributes() -%}
{%- set max_halvings = 12 -%}
{%- set rule_attribute_value = touchpoint_attribute('rules.attribute', 'touchpoints') -%}
{%- set filter_attribute_value = touchpoint_attribute('rules.filter_attribute', 'touchpoints') -%}
{%- set day_partition = 'matched_events.ruleset, matched_events.person_id, matched_events.rule_id, '
    ~ 'matched_events.event_day' -%}
{%- set step_start = 'halvings.halving * coalesce(granted.half_life_days, 0)' -%}

with

rules as (

    select * from {{ ref('int_scoring_rules_resolved') }}

),

people as (

    select
        person_id,
        geo_region
    from {{ ref('int_person_score_inputs_fingerprinted') }}
    where {{ leadflow.in_person_batch('person_id', ref('int_person_score_inputs_logged')) }}

),

fit as (

    select
        attributes.person_id,
        attributes.geo_region,
        rules.ruleset,
        rules.rule_id,
        'fit' as dimension,
        'profile' as contribution_source,
        attributes.attribute_name as contribution_key,
        case when attributes.known_at > rules.valid_from then attributes.known_at else rules.valid_from end
            as segment_start,
        case
            when attributes.known_until is null then rules.valid_to
            when rules.valid_to is null or attributes.known_until < rules.valid_to then attributes.known_until
            else rules.valid_to
        end as segment_end,
        cast(rules.points as {{ dbt.type_float() }}) as points
    from {{ ref('int_person_score_attributes_unpivoted') }} as attributes
    inner join people
        on attributes.person_id = people.person_id
    inner join rules
        on
            rules.dimension = 'fit'
            and attributes.geo_region = rules.geo_region
            and attributes.attribute_name = rules.attribute
            and {{ condition_matches('attributes.attribute_value', 'rules.operator', 'rules.rule_value') }}
    where
        (rules.valid_to is null or attributes.known_at < rules.valid_to)
        and (attributes.known_until is null or rules.valid_from < attributes.known_until)

),

touchpoints as (

    select
        touchpoints.touchpoint_id,
        touchpoints.person_id,
        people.geo_region,
        touchpoints.event_type,
        touchpoints.channel,
        touchpoints.content_category,
        touchpoints.source_system,
        touchpoints.occurred_at
    from {{ ref('fct_touchpoints') }} as touchpoints
    inner join people
        on touchpoints.person_id = people.person_id

),

matched_events as (

    select
        touchpoints.person_id,
        touchpoints.geo_region,
        touchpoints.touchpoint_id,
        touchpoints.occurred_at,
        rules.ruleset,
        rules.rule_id,
        rules.points,
        rules.half_life_days,
        rules.max_points_per_day,
        {{ dbt.date_trunc('day', 'touchpoints.occurred_at') }} as event_day
    from touchpoints
    inner join rules
        on
            rules.dimension = 'engagement'
            and rules.attribute in (
                {%- for column in event_columns %}
                    '{{ column }}'{% if not loop.last %},{% endif %}
                {%- endfor %}
            )
            and touchpoints.geo_region = rules.geo_region
            and touchpoints.occurred_at >= rules.valid_from
            and (rules.valid_to is null or touchpoints.occurred_at < rules.valid_to)
            and {{ condition_matches(rule_attribute_value, 'rules.operator', 'rules.rule_value') }}
            and (
                rules.filter_attribute is null
                or {{ condition_matches(filter_attribute_value, 'rules.filter_operator', 'rules.filter_value') }}
            )

),

-- per-day cap: the running total of the day, capped; each event is granted what it adds. The
-- total before an event is the running total less its own points, capped by the rule version of
-- the day's previous event: one window where a lag() of the capped total needed a second sort
day_totals as (

    select
        matched_events.*,
        sum(matched_events.points) over (
            partition by {{ day_partition }}
            order by matched_events.occurred_at, matched_events.touchpoint_id
            rows between unbounded preceding and current row
        ) as day_running_points,
        lag(matched_events.max_points_per_day) over (
            partition by {{ day_partition }}
            order by matched_events.occurred_at, matched_events.touchpoint_id
        ) as previous_max_points_per_day
    from matched_events

),

granted as (

    select
        day_totals.*,
        {{ clamp_points('day_totals.day_running_points', 'day_totals.max_points_per_day') }}
        - {{ clamp_points('day_totals.day_running_points - day_totals.points',
            'day_totals.previous_max_points_per_day') }} as granted_points
    from day_totals

),

halvings as (

    {% for step in range(max_halvings + 1) %}
        select {{ step }} as halving
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

engagement as (

    select
        granted.person_id,
        granted.geo_region,
        granted.ruleset,
        granted.rule_id,
        'engagement' as dimension,
        'touchpoint' as contribution_source,
        granted.touchpoint_id as contribution_key,
        {{ add_days('granted.occurred_at', step_start) }} as segment_start,
        case
            when granted.half_life_days is not null
                then {{ add_days('granted.occurred_at', '(halvings.halving + 1) * granted.half_life_days') }}
        end as segment_end,
        granted.granted_points * power(0.5, halvings.halving) as points
    from granted
    inner join halvings
        on
            (granted.half_life_days is null and halvings.halving = 0)
            or (
                granted.half_life_days is not null
                and abs(granted.granted_points) * power(0.5, halvings.halving) >= 0.5
            )
    where granted.granted_points <> 0

),

activities as (

    select
        person_id,
        geo_region,
        occurred_at,
        lead(occurred_at) over (partition by person_id order by occurred_at, touchpoint_id) as next_activity_at
    from touchpoints
    where event_type in ({{ activity_types }})

),

inactivity as (

    select
        activities.person_id,
        activities.geo_region,
        rules.ruleset,
        rules.rule_id,
        'engagement' as dimension,
        'inactivity' as contribution_source,
        cast(rules.rule_value as {{ dbt.type_string() }}) as contribution_key,
        {{ add_days('activities.occurred_at', rule_days('rules.rule_value')) }} as segment_start,
        activities.next_activity_at as segment_end,
        cast(rules.points as {{ dbt.type_float() }}) as points
    from activities
    inner join rules
        on
            rules.dimension = 'engagement'
            and rules.attribute = 'days_without_activity'
            and rules.operator = 'gte'
            and activities.geo_region = rules.geo_region
    where
        (
            activities.next_activity_at is null
            or activities.next_activity_at
            > {{ add_days('activities.occurred_at', rule_days('rules.rule_value')) }}
        )
        and {{ add_days('activities.occurred_at', rule_days('rules.rule_value')) }} >= rules.valid_from
        and (
            rules.valid_to is null
            or {{ add_days('activities.occurred_at', rule_days('rules.rule_value')) }} < rules.valid_to
        )

),

contributions as (

    select * from fit
    union all
    select * from engagement
    union all
    select * from inactivity

),

final as (

    select
        contributions.*,
        {{ leadflow.run_timestamp() }} as computed_at
    from contributions
    inner join people
        on contributions.person_id = people.person_id

)

select * from final
