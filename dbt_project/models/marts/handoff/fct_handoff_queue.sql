{#- The handoff queue sales works from every morning, one row per handed-off person who may be
    contacted (fct_handoff_exclusions lists the others): who (name, company, email, phone), why
    (score and grade now, the top rules, the last touches, BANT so far, interests and the next
    content to send), to whom (account owner or territory queue) and by when (SLA due time in
    business hours, status and hours overdue at the scoring time). Sales needs the contact
    details, so email and phone are not masked: publish it to sales-facing readers only. -#}

{%- set newest_first = leadflow.struct_of([
    ('newest', '-' ~ leadflow.epoch_microseconds('touchpoints.occurred_at')),
    ('touchpoint_id', 'touchpoints.touchpoint_id'),
]) -%}
{%- set touch_label = dbt.concat([
    dbt.cast(dbt.cast('touchpoints.occurred_at', 'date'), dbt.type_string()),
    "' '",
    'touchpoints.event_type',
    "coalesce(' / ' || touchpoints.content_category, '')",
]) -%}

with

handoffs as (

    select * from {{ ref('int_handoffs_identified') }}

),

routed as (

    select * from {{ ref('int_handoffs_routed') }}

),

timed as (

    select * from {{ ref('int_handoffs_timed') }}

),

excluded as (

    select distinct person_id from {{ ref('fct_handoff_exclusions') }}

),

persons as (

    select
        person_id,
        family_name,
        given_name,
        email,
        phone,
        company_name,
        title,
        consent_basis,
        bant_budget,
        bant_authority,
        bant_need,
        bant_timeline,
        bant_qualified_count,
        primary_interest,
        interest_categories
    from {{ ref('dim_person') }}

),

catalog as (

    select
        interest_category,
        next_asset_id,
        next_asset_title,
        next_asset_url
    from {{ ref('handoff_content_catalog') }}

),

top_rules as (

    select
        explanations.person_id,
        {{ dbt.listagg(
            dbt.concat(['explanations.rule_id', "' ('", dbt.cast('explanations.points', dbt.type_string()), "')'"]),
            "' | '",
            'order by explanations.contribution_rank',
        ) }} as top_rules
    from {{ ref('fct_lead_score_explanations') }} as explanations
    inner join handoffs
        on explanations.person_id = handoffs.person_id
    where explanations.contribution_rank <= 3
    group by explanations.person_id

),

-- the three newest touches up to the handoff's scoring time, newest first (ties: lowest id)
last_touches as (

    select
        touchpoints.person_id,
        {{ leadflow.value_at_first('touchpoints.event_type', newest_first) }} as last_touch_type,
        max(touchpoints.occurred_at) as last_touch_at,
        {{ leadflow.joined_values_at_first(touch_label, newest_first, 3, "' | '") }} as last_touches
    from {{ ref('fct_touchpoints') }} as touchpoints
    inner join handoffs
        on
            touchpoints.person_id = handoffs.person_id
            and touchpoints.occurred_at <= handoffs.as_of_at
    group by touchpoints.person_id

),

final as (

    select
        {{ surrogate_key(['handoffs.person_id', 'handoffs.handed_off_at']) }} as handoff_id,
        handoffs.person_id,
        routed.geo_region,
        routed.country_code,
        routed.prefecture_code,
        -- who
        persons.family_name,
        persons.given_name,
        persons.company_name,
        persons.title,
        persons.email,
        persons.phone,
        persons.consent_basis,
        routed.account_id,
        routed.account_name,
        -- why
        handoffs.handoff_reason,
        handoffs.is_abm_target,
        handoffs.total_score,
        handoffs.fit_score,
        handoffs.engagement_score,
        handoffs.grade,
        handoffs.mql_threshold,
        top_rules.top_rules,
        last_touches.last_touch_type,
        last_touches.last_touch_at,
        last_touches.last_touches,
        persons.bant_budget,
        persons.bant_authority,
        persons.bant_need,
        persons.bant_timeline,
        persons.bant_qualified_count,
        persons.primary_interest,
        persons.interest_categories,
        catalog.next_asset_id,
        catalog.next_asset_title,
        catalog.next_asset_url,
        -- to whom
        routed.routed_by,
        routed.owner_id,
        routed.owner_source_system,
        routed.owner_name,
        routed.queue_id,
        routed.queue_name,
        -- by when
        timed.calendar_region,
        timed.time_zone,
        handoffs.handed_off_at,
        timed.sla_business_hours,
        timed.sla_due_at,
        timed.handoff_status,
        timed.rejection_reason,
        timed.responded_at,
        timed.business_hours_overdue,
        handoffs.as_of_at
    from handoffs
    inner join routed
        on handoffs.person_id = routed.person_id
    inner join timed
        on handoffs.person_id = timed.person_id
    inner join persons
        on handoffs.person_id = persons.person_id
    left join catalog
        on persons.primary_interest = catalog.interest_category
    left join top_rules
        on handoffs.person_id = top_rules.person_id
    left join last_touches
        on handoffs.person_id = last_touches.person_id
    where handoffs.person_id not in (select excluded.person_id from excluded)

)

select * from final
