{#- The funnel marts lose and invent no stage entries: per funnel or outcome stage, the period
    entries summed over every month and group equal the rows of fct_stage_transitions, the cohort
    reached counts equal the funnel entries (person, cycle) that reached the stage, and every
    stage's cohort sizes add up to all funnel entries. Returns the stages that disagree. -#}

with

transitions as (

    select
        transitions.stage_code,
        count(*) as stage_entries,
        count(distinct {{ dbt.concat(['transitions.person_id', "'|'", 'transitions.cycle_number']) }})
            as reached_entries
    from {{ ref('fct_stage_transitions') }} as transitions
    where transitions.stage_kind in ('funnel', 'outcome')
    group by transitions.stage_code

),

funnel_entries as (

    select count(distinct {{ dbt.concat(['person_id', "'|'", 'cycle_number']) }}) as entry_count
    from {{ ref('fct_stage_transitions') }}

),

periods as (

    select
        stage_code,
        sum(period_stage_entries) as stage_entries
    from {{ ref('rpt_funnel_periods') }}
    group by stage_code

),

cohorts as (

    select
        stage_code,
        sum(cohort_reached_count) as reached_entries,
        sum(cohort_size) as cohort_size
    from {{ ref('rpt_funnel_cohorts') }}
    group by stage_code

),

compared as (

    select
        cohorts.stage_code as cohort_stage_code,
        periods.stage_code as period_stage_code,
        coalesce(transitions.stage_entries, 0) as expected_stage_entries,
        coalesce(periods.stage_entries, 0) as period_stage_entries,
        coalesce(transitions.reached_entries, 0) as expected_reached_entries,
        coalesce(cohorts.reached_entries, 0) as cohort_reached_entries,
        funnel_entries.entry_count as expected_cohort_size,
        cohorts.cohort_size
    from {{ ref('int_funnel_stages_chained') }} as funnel_stages
    cross join funnel_entries
    left join transitions
        on funnel_stages.stage_code = transitions.stage_code
    left join periods
        on funnel_stages.stage_code = periods.stage_code
    left join cohorts
        on funnel_stages.stage_code = cohorts.stage_code

)

select *
from compared
where
    period_stage_entries <> expected_stage_entries
    or cohort_reached_entries <> expected_reached_entries
    or cohort_size is null
    or cohort_size <> expected_cohort_size
