{#- Who is handed to sales, once per person, as of the scoring time (var scoring_as_of, else the
    newest touchpoint, so a rebuild of the same data gives the same queue): everyone whose score
    crossed their region's MQL bar (fct_lead_scores.mql_at), and everyone who engaged while their
    account was an ABM target, whatever the score. The handoff time is the earlier of the two;
    the score is taken at the handoff and at the scoring time. -#}

with

as_of as (

    select {{ scoring_as_of() }} as as_of_at

),

-- each reader scans fct_lead_scores for its own columns: one CTE shared by the four was
-- materialized whole (32M intervals at 1M people) and read back four times, most of the model's time
mqls as (

    select
        scores.person_id,
        min(scores.mql_at) as mql_at
    from {{ ref('fct_lead_scores') }} as scores
    cross join as_of
    where scores.mql_at <= as_of.as_of_at
    group by scores.person_id

),

-- is_abm_target is a person's attribute, the same on every interval, and the intervals run
-- contiguously from the first, so "during a scored ABM interval" is "from the first one on":
-- joining touchpoints to intervals would pair every touch with every interval of the person.
abm_people as (

    select
        scores.person_id,
        min(scores.valid_from) as scored_from
    from {{ ref('fct_lead_scores') }} as scores
    cross join as_of
    where scores.is_abm_target and scores.valid_from <= as_of.as_of_at
    group by scores.person_id

),

-- engaged = behaviour that shows interest; opens are left out (privacy proxies open every mail),
-- and so are list events (campaign membership, lead creation, bounces, unsubscribes)
abm_engagements as (

    select
        touchpoints.person_id,
        min(touchpoints.occurred_at) as abm_engaged_at
    from {{ ref('fct_touchpoints') }} as touchpoints
    cross join as_of
    inner join abm_people
        on
            touchpoints.person_id = abm_people.person_id
            and touchpoints.occurred_at >= abm_people.scored_from
    where
        touchpoints.occurred_at <= as_of.as_of_at
        and touchpoints.event_type in (
            'web_visit', 'link_click', 'email_click', 'form_submit',
            'webinar_registered', 'webinar_attended', 'trade_show_scan'
        )
    group by touchpoints.person_id

),

handoffs as (

    select
        coalesce(mqls.person_id, abm_engagements.person_id) as person_id,
        mqls.mql_at,
        abm_engagements.abm_engaged_at,
        case
            when abm_engagements.abm_engaged_at is null or mqls.mql_at <= abm_engagements.abm_engaged_at
                then mqls.mql_at
            else abm_engagements.abm_engaged_at
        end as handed_off_at,
        case
            when abm_engagements.abm_engaged_at is null or mqls.mql_at <= abm_engagements.abm_engaged_at
                then 'mql'
            else 'abm_engaged'
        end as handoff_reason
    from mqls
    full outer join abm_engagements
        on mqls.person_id = abm_engagements.person_id

),

final as (

    select
        handoffs.person_id,
        handoffs.handoff_reason,
        handoffs.handed_off_at,
        handoffs.mql_at,
        handoffs.abm_engaged_at,
        at_handoff.total_score as handoff_total_score,
        at_handoff.grade as handoff_grade,
        current_scores.fit_score,
        current_scores.engagement_score,
        current_scores.total_score,
        current_scores.fit_grade,
        current_scores.engagement_grade,
        current_scores.grade,
        current_scores.mql_threshold,
        coalesce(current_scores.is_abm_target, false) as is_abm_target,
        as_of.as_of_at
    from handoffs
    cross join as_of
    left join {{ ref('fct_lead_scores') }} as at_handoff
        on
            handoffs.person_id = at_handoff.person_id
            and {{ interval_holds('handoffs.handed_off_at', 'at_handoff.valid_from', 'at_handoff.valid_to') }}
    left join {{ ref('fct_lead_scores') }} as current_scores
        on
            handoffs.person_id = current_scores.person_id
            and {{ interval_holds('as_of.as_of_at', 'current_scores.valid_from', 'current_scores.valid_to') }}

)

select * from final
