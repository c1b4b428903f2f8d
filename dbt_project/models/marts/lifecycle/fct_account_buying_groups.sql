{#- The account-level (buying group) view, one row per account as of lifecycle_as_of(): its
    people, how many were active (a touchpoint within var lifecycle_active_days) and how many are
    in the waterfall now, the job functions they cover, whether a decision maker is among them,
    and the 2017 demand-unit stage: the highest stage any person's current stage gives the group
    (seed lifecycle_stages.demand_unit_stage), else active when someone was active, else target.
    The ABM target flag comes from seed scoring_abm_target_accounts. -#}

with

accounts as (

    select
        account_id,
        account_name,
        region,
        account_domain
    from {{ ref('dim_account') }}

),

abm_targets as (

    select distinct account_domain
    from {{ ref('scoring_abm_target_accounts') }}

),

as_of as (

    select {{ lifecycle_as_of() }} as as_of_at

),

demand_unit_stages as (

    select
        demand_unit_stage,
        demand_unit_stage_order,
        stage_name_en,
        stage_name_ja
    from {{ ref('lifecycle_demand_unit_stages') }}

),

active_persons as (

    select distinct touchpoints.person_id
    from {{ ref('fct_touchpoints') }} as touchpoints
    cross join as_of
    where
        touchpoints.occurred_at <= as_of.as_of_at
        and touchpoints.occurred_at > {{ add_days('as_of.as_of_at', -var('lifecycle_active_days', 90)) }}

),

person_states as (

    select
        persons.person_id,
        persons.account_id,
        persons.job_function,
        active_persons.person_id is not null as is_active,
        demand_unit_stages.demand_unit_stage_order,
        demand_unit_stages.demand_unit_stage_order is not null as is_in_waterfall,
        (
            persons.seniority in ('c_level', 'vp', 'director')
            or persons.bant_authority = 'decision_maker'
        ) as is_decision_maker
    from {{ ref('dim_person') }} as persons
    left join active_persons
        on persons.person_id = active_persons.person_id
    left join {{ ref('dim_person_lifecycle') }} as milestones
        on persons.person_id = milestones.person_id
    left join {{ ref('lifecycle_stages') }} as stage_model
        on milestones.current_stage_code = stage_model.stage_code
    left join demand_unit_stages
        on stage_model.demand_unit_stage = demand_unit_stages.demand_unit_stage
    where persons.account_id is not null

),

account_people as (

    select
        account_id,
        count(*) as person_count,
        count(case when is_active then 1 end) as active_person_count,
        count(case when is_in_waterfall then 1 end) as engaged_person_count,
        max(case when is_in_waterfall and is_decision_maker then 1 else 0 end) = 1 as has_engaged_decision_maker,
        max(demand_unit_stage_order) as waterfall_stage_order
    from person_states
    group by account_id

),

-- the job functions of the people who are active or in the waterfall: the roles the group covers
roles as (

    select distinct
        account_id,
        job_function
    from person_states
    where (is_active or is_in_waterfall) and job_function is not null

),

account_roles as (

    select
        account_id,
        count(*) as role_count,
        {{ dbt.listagg('job_function', "', '", 'order by job_function') }} as roles_covered
    from roles
    group by account_id

),

staged as (

    select
        accounts.account_id,
        accounts.account_name,
        accounts.region,
        abm_targets.account_domain is not null as is_abm_target,
        coalesce(account_people.person_count, 0) as person_count,
        coalesce(account_people.active_person_count, 0) as active_person_count,
        coalesce(account_people.engaged_person_count, 0) as engaged_person_count,
        coalesce(account_roles.role_count, 0) as role_count,
        account_roles.roles_covered,
        coalesce(account_people.has_engaged_decision_maker, false) as has_engaged_decision_maker,
        case
            when account_people.waterfall_stage_order is not null then account_people.waterfall_stage_order
            when account_people.active_person_count > 0 then active_stage.demand_unit_stage_order
            else target_stage.demand_unit_stage_order
        end as demand_unit_stage_order
    from accounts
    left join abm_targets
        on accounts.account_domain = abm_targets.account_domain
    left join account_people
        on accounts.account_id = account_people.account_id
    left join account_roles
        on accounts.account_id = account_roles.account_id
    left join demand_unit_stages as active_stage
        on active_stage.demand_unit_stage = 'active'
    left join demand_unit_stages as target_stage
        on target_stage.demand_unit_stage = 'target'

),

final as (

    select
        staged.account_id,
        staged.account_name,
        staged.region,
        staged.is_abm_target,
        staged.person_count,
        staged.active_person_count,
        staged.engaged_person_count,
        staged.role_count,
        staged.roles_covered,
        staged.has_engaged_decision_maker,
        demand_unit_stages.demand_unit_stage,
        staged.demand_unit_stage_order,
        demand_unit_stages.stage_name_en as demand_unit_stage_name_en,
        demand_unit_stages.stage_name_ja as demand_unit_stage_name_ja,
        as_of.as_of_at as lifecycle_as_of
    from staged
    cross join as_of
    left join demand_unit_stages
        on staged.demand_unit_stage_order = demand_unit_stages.demand_unit_stage_order

)

select * from final
