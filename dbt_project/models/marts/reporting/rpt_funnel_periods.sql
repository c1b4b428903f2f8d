{#- The funnel by calendar month: every stage entry counts in the month it happened, whoever
    entered and whenever they began. Period rates, not cohort rates: the entries of a stage in a
    month over the entries of its previous stage in the same month (different people, so the
    rate can exceed 1). Every entry counts, a reopened opportunity's second SQL included. A group
    (month, region, source) gets a row for every funnel and outcome stage, zero when none. The
    source is the person's first credit-taking touch (int_leads_sourced). -#}

with

stages as (

    select
        stage_code,
        stage_order,
        previous_stage_code
    from {{ ref('int_funnel_stages_chained') }}

),

entries as (

    select
        cast({{ dbt.date_trunc('month', 'transitions.entered_at') }} as date) as period_month,
        sources.region as geo_region,
        sources.channel,
        sources.campaign_key,
        sources.campaign_name,
        transitions.stage_code
    from {{ ref('fct_stage_transitions') }} as transitions
    inner join {{ ref('int_leads_sourced') }} as sources
        on transitions.person_id = sources.person_id
    where transitions.stage_kind in ('funnel', 'outcome')

),

groups as (

    select
        period_month,
        geo_region,
        channel,
        campaign_key,
        max(campaign_name) as campaign_name
    from entries
    group by period_month, geo_region, channel, campaign_key

),

counted as (

    select
        groups.period_month,
        groups.geo_region,
        groups.channel,
        groups.campaign_key,
        groups.campaign_name,
        stages.stage_code,
        stages.stage_order,
        stages.previous_stage_code,
        count(entries.stage_code) as period_stage_entries
    from groups
    cross join stages
    left join entries
        on
            groups.period_month = entries.period_month
            and groups.geo_region = entries.geo_region
            and groups.channel = entries.channel
            and groups.campaign_key = entries.campaign_key
            and stages.stage_code = entries.stage_code
    group by
        groups.period_month,
        groups.geo_region,
        groups.channel,
        groups.campaign_key,
        groups.campaign_name,
        stages.stage_code,
        stages.stage_order,
        stages.previous_stage_code

),

final as (

    select
        counted.period_month,
        counted.geo_region,
        counted.channel,
        counted.campaign_key,
        counted.campaign_name,
        counted.stage_code,
        counted.stage_order,
        counted.previous_stage_code,
        counted.period_stage_entries,
        previous_counts.period_stage_entries as period_previous_stage_entries,
        cast(counted.period_stage_entries as double)
        / nullif(previous_counts.period_stage_entries, 0) as period_conversion_from_previous
    from counted
    left join counted as previous_counts
        on
            counted.period_month = previous_counts.period_month
            and counted.geo_region = previous_counts.geo_region
            and counted.channel = previous_counts.channel
            and counted.campaign_key = previous_counts.campaign_key
            and counted.previous_stage_code = previous_counts.stage_code

)

select * from final
