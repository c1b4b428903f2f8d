{#- Under every attribution model, each ROI report sums back to the whole: spend to the converted
    spend lines, won revenue and pipeline to the won and created opportunities (each opportunity
    once), leads to the persons first seen at a known time (a lead without one has no month to be
    reported in). Credit is only moved between rows, never lost or made up.
    Amounts may differ by the 10-decimal rounding of the weights (tolerance: a millionth of the
    total, at least 0.01). Returns the reports, models and measures that do not reconcile. -#}

with

dated_persons as (

    select person_id
    from {{ ref('dim_person') }}
    where first_seen_at is not null

),

opportunities as (

    select distinct
        opportunity_key,
        pipeline_amount,
        won_amount
    from {{ ref('int_opportunities_bridged') }}

),

expected as (

    select
        (select coalesce(sum(spend_amount), 0) from {{ ref('int_spend_converted') }}) as spend_amount,
        (select coalesce(sum(pipeline_amount), 0) from opportunities) as pipeline_amount,
        (select coalesce(sum(won_amount), 0) from opportunities) as won_amount,
        (select count(*) from dated_persons) as lead_count

),

reported as (

    {%- for report in ['rpt_campaign_roi', 'rpt_channel_roi'] %}
        select
            {{ sql_string(report) }} as report,
            attribution_model,
            sum(spend_amount) as spend_amount,
            sum(pipeline_amount) as pipeline_amount,
            sum(won_amount) as won_amount,
            sum(lead_count) as lead_count
        from {{ ref(report) }}
        group by attribution_model
        {{- '\n\n        union all\n' if not loop.last }}
    {%- endfor %}

),

compared as (

    select
        reported.report,
        reported.attribution_model,
        'spend_amount' as measure,
        reported.spend_amount as reported_value,
        expected.spend_amount as expected_value
    from reported cross join expected

    union all

    select
        reported.report,
        reported.attribution_model,
        'pipeline_amount' as measure,
        reported.pipeline_amount as reported_value,
        expected.pipeline_amount as expected_value
    from reported cross join expected

    union all

    select
        reported.report,
        reported.attribution_model,
        'won_amount' as measure,
        reported.won_amount as reported_value,
        expected.won_amount as expected_value
    from reported cross join expected

    union all

    select
        reported.report,
        reported.attribution_model,
        'lead_count' as measure,
        reported.lead_count as reported_value,
        expected.lead_count as expected_value
    from reported cross join expected

)

select * from compared
where
    abs(reported_value - expected_value)
    > case when abs(expected_value) * 0.000001 > 0.01 then abs(expected_value) * 0.000001 else 0.01 end
