{#- The funnel by inquiry cohort: every funnel entry (a person's cycle) belongs to the month it
    began, and each stage counts the cohort's entries that reached it, whenever they did. Cohort
    rates, not period rates. A group (cohort month, region, source) gets a row for every funnel
    and outcome stage, zero when nobody reached it, so rates are never silently missing. The
    source is the person's first credit-taking touch (int_leads_sourced), the same for every
    cycle of the person. Days are measured on observed pairs only, as in rpt_stage_velocity. -#}

with

transitions as (

    select
        person_id,
        cycle_number,
        stage_code,
        stage_kind,
        entered_at,
        is_inferred,
        row_number() over (
            partition by person_id, cycle_number order by entry_number
        ) as entry_rank,
        row_number() over (
            partition by person_id, cycle_number, stage_code order by entry_number
        ) as stage_rank
    from {{ ref('fct_stage_transitions') }}

),

stages as (

    select
        stage_code,
        stage_order,
        previous_stage_code
    from {{ ref('int_funnel_stages_chained') }}

),

-- a cycle begins at its first entry: inquiry, or MQL for a recycled person who comes back
entries as (

    select
        person_id,
        cycle_number,
        entered_at as started_at,
        is_inferred as start_is_inferred
    from transitions
    where entry_rank = 1

),

-- a reopened opportunity enters SQL twice in one cycle: the cohort counts the first
stage_reached as (

    select
        person_id,
        cycle_number,
        stage_code,
        entered_at,
        is_inferred
    from transitions
    where stage_kind in ('funnel', 'outcome') and stage_rank = 1

),

cohort_entries as (

    select
        entries.person_id,
        entries.cycle_number,
        entries.started_at,
        entries.start_is_inferred,
        cast({{ dbt.date_trunc('month', 'entries.started_at') }} as date) as cohort_month,
        sources.region as geo_region,
        sources.channel,
        sources.campaign_key,
        sources.campaign_name
    from entries
    inner join {{ ref('int_leads_sourced') }} as sources
        on entries.person_id = sources.person_id

),

reached as (

    select
        cohort_entries.*,
        stages.stage_code,
        current_stage.entered_at,
        case
            when not cohort_entries.start_is_inferred and not current_stage.is_inferred
                then
                    {{ dbt.cast(
                        dbt.datediff('cohort_entries.started_at', 'current_stage.entered_at', 'second'), 'double'
                    ) }}
                    / 86400
        end as observed_days_from_inquiry,
        case
            when not previous_stage.is_inferred and not current_stage.is_inferred
                then
                    {{ dbt.cast(
                        dbt.datediff('previous_stage.entered_at', 'current_stage.entered_at', 'second'), 'double'
                    ) }}
                    / 86400
        end as observed_days_from_previous
    from cohort_entries
    cross join stages
    left join stage_reached as current_stage
        on
            cohort_entries.person_id = current_stage.person_id
            and cohort_entries.cycle_number = current_stage.cycle_number
            and stages.stage_code = current_stage.stage_code
    left join stage_reached as previous_stage
        on
            cohort_entries.person_id = previous_stage.person_id
            and cohort_entries.cycle_number = previous_stage.cycle_number
            and stages.previous_stage_code = previous_stage.stage_code

),

counted as (

    select
        cohort_month,
        geo_region,
        channel,
        campaign_key,
        stage_code,
        max(campaign_name) as campaign_name,
        count(*) as cohort_size,
        count(entered_at) as cohort_reached_count,
        percentile_cont(0.5) within group (order by observed_days_from_inquiry)
            as cohort_median_days_from_inquiry,
        percentile_cont(0.5) within group (order by observed_days_from_previous)
            as cohort_median_days_from_previous
    from reached
    group by cohort_month, geo_region, channel, campaign_key, stage_code

),

final as (

    select
        counted.cohort_month,
        counted.geo_region,
        counted.channel,
        counted.campaign_key,
        counted.campaign_name,
        counted.stage_code,
        stages.stage_order,
        stages.previous_stage_code,
        counted.cohort_size,
        counted.cohort_reached_count,
        previous_counts.cohort_reached_count as cohort_previous_reached_count,
        cast(counted.cohort_reached_count as double) / counted.cohort_size as cohort_conversion_from_inquiry,
        cast(counted.cohort_reached_count as double)
        / nullif(previous_counts.cohort_reached_count, 0) as cohort_conversion_from_previous,
        counted.cohort_median_days_from_inquiry,
        counted.cohort_median_days_from_previous
    from counted
    inner join stages
        on counted.stage_code = stages.stage_code
    left join counted as previous_counts
        on
            counted.cohort_month = previous_counts.cohort_month
            and counted.geo_region = previous_counts.geo_region
            and counted.channel = previous_counts.channel
            and counted.campaign_key = previous_counts.campaign_key
            and stages.previous_stage_code = previous_counts.stage_code

)

select * from final
