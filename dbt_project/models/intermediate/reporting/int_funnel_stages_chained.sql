{#- The funnel and outcome stages of the waterfall, each with the stage its funnel conversion is
    measured from: the nearest earlier stage that is always recorded (seed lifecycle_stages,
    infer_when_skipped), so reaching a stage implies having reached its previous one. Optional
    stages (TAL, TQL, TGL, SGL) and the outcomes are measured from it too: MQL -> TAL, SAL -> SQL,
    SQL -> Won / Lost. Inquiry has none. -#}

with

waterfall as (

    select
        stage_code,
        stage_order,
        infer_when_skipped
    from {{ ref('lifecycle_stages') }}
    where stage_kind in ('funnel', 'outcome')

),

previous_orders as (

    select
        waterfall.stage_code,
        waterfall.stage_order,
        max(earlier.stage_order) as previous_stage_order
    from waterfall
    left join waterfall as earlier
        on
            waterfall.stage_order > earlier.stage_order
            and earlier.infer_when_skipped
    group by waterfall.stage_code, waterfall.stage_order

),

final as (

    select
        previous_orders.stage_code,
        previous_orders.stage_order,
        previous_stages.stage_code as previous_stage_code
    from previous_orders
    left join waterfall as previous_stages
        on previous_orders.previous_stage_order = previous_stages.stage_order

)

select * from final
