{#- Attribution weights of every opportunity's journey: the credit-taking touches of its persons
    (int_touchpoints_classified) up to the opportunity's creation, in time order, with one weight
    column per model (macro attribution_models); each column sums to 1 per opportunity.
    first_touch / last_touch: all to the first / last touch. linear: equal shares. u_shaped:
    40 % first, 40 % last (the opportunity creation touch), 20 % split over the others. w_shaped:
    30 % first, 30 % lead creation (the journey's first lead_created touch), 30 % last, 10 %
    split over the others. time_decay: a touch's weight halves every
    var('attribution_time_decay_half_life_days') before the opportunity's creation. Position
    shares are rescaled to sum to 1 when a role has no touch or no other touches exist (two
    touches: 50/50), and add up when one touch plays several roles. An opportunity without any
    touch keeps one unattributed row with every weight 1, so credited totals stay whole.
    Weights are rounded to 10 decimals. -#}
{%- set half_life_seconds = var('attribution_time_decay_half_life_days') * 86400 -%}
{%- set seconds_before = dbt.datediff('occurred_at', 'opportunity_created_at', 'second') -%}

with

opportunities as (

    select distinct
        opportunity_key,
        person_id,
        created_at
    from {{ ref('int_opportunities_bridged') }}

),

journeys as (

    select distinct
        opportunities.opportunity_key,
        opportunities.created_at as opportunity_created_at,
        touches.touchpoint_id,
        touches.person_id,
        touches.occurred_at,
        touches.campaign_key,
        touches.campaign_name,
        touches.channel,
        touches.is_lead_creation
    from opportunities
    inner join {{ ref('int_touchpoints_classified') }} as touches
        on
            opportunities.person_id = touches.person_id
            and opportunities.created_at >= touches.occurred_at

),

ranked as (

    select
        *,
        row_number() over (partition by opportunity_key order by occurred_at, touchpoint_id) as touch_rank,
        count(*) over (partition by opportunity_key) as touch_count,
        {{ seconds_before }} as seconds_before_opportunity
    from journeys

),

roles as (

    select
        *,
        touch_rank = min(case when is_lead_creation then touch_rank end)
            over (partition by opportunity_key) as is_lead_creation_touch
    from ranked

),

raw_weights as (

    select
        *,
        {{ position_raw_weight(
            [('touch_rank = 1', '0.4'), ('touch_rank = touch_count', '0.4')],
            '0.2', 'opportunity_key'
        ) }} as u_shaped_raw,
        {{ position_raw_weight(
            [('touch_rank = 1', '0.3'), ('coalesce(is_lead_creation_touch, false)', '0.3'),
             ('touch_rank = touch_count', '0.3')],
            '0.1', 'opportunity_key'
        ) }} as w_shaped_raw,
        power(0.5, seconds_before_opportunity / cast({{ half_life_seconds }} as double)) as time_decay_raw
    from roles

),

attributed as (

    select
        opportunity_key,
        touchpoint_id,
        person_id,
        occurred_at,
        campaign_key,
        campaign_name,
        channel,
        touch_rank,
        touch_count,
        coalesce(is_lead_creation_touch, false) as is_lead_creation_touch,
        cast(seconds_before_opportunity as double) / 86400 as days_before_opportunity,
        cast(case when touch_rank = 1 then 1 else 0 end as double) as first_touch_weight,
        cast(case when touch_rank = touch_count then 1 else 0 end as double) as last_touch_weight,
        round(cast(1 as double) / touch_count, 10) as linear_weight,
        round(
            cast(u_shaped_raw as double) / sum(u_shaped_raw) over (partition by opportunity_key), 10
        ) as u_shaped_weight,
        round(
            cast(w_shaped_raw as double) / sum(w_shaped_raw) over (partition by opportunity_key), 10
        ) as w_shaped_weight,
        round(time_decay_raw / sum(time_decay_raw) over (partition by opportunity_key), 10) as time_decay_weight
    from raw_weights

),

unattributed as (

    select distinct
        opportunity_key,
        cast(null as {{ dbt.type_string() }}) as touchpoint_id,
        cast(null as {{ dbt.type_string() }}) as person_id,
        cast(null as {{ dbt.type_timestamp() }}) as occurred_at,
        '(unattributed)' as campaign_key,
        '(unattributed)' as campaign_name,
        'unattributed' as channel,
        cast(1 as bigint) as touch_rank,
        cast(1 as bigint) as touch_count,
        false as is_lead_creation_touch,
        cast(null as double) as days_before_opportunity,
        cast(1 as double) as first_touch_weight,
        cast(1 as double) as last_touch_weight,
        cast(1 as double) as linear_weight,
        cast(1 as double) as u_shaped_weight,
        cast(1 as double) as w_shaped_weight,
        cast(1 as double) as time_decay_weight
    from opportunities
    where opportunity_key not in (select journeys.opportunity_key from journeys)

),

final as (

    select
        {{ surrogate_key(['opportunity_key', 'touchpoint_id']) }} as attribution_id,
        *
    from (
        select * from attributed
        union all
        select * from unattributed
    ) as weighted

)

select * from final
