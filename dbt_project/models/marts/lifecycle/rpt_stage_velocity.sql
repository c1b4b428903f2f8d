{#- Velocity and conversion between stage entries, per cohort: for everyone who entered a funnel
    stage in a month (cohort_month, by region), how many reached each later stage of the
    waterfall in the same funnel entry (cycle), and how many days it took. Cohort rates, not
    period rates: the people counted are the cohort's, whenever they reached the later stage.
    Days are measured on observed pairs only (an inferred entry shares its time with the stage
    that implied it and would read as zero days); conversions count inferred entries too. -#}

with

transitions as (

    select
        transitions.person_id,
        transitions.cycle_number,
        transitions.stage_code,
        transitions.stage_order,
        transitions.stage_kind,
        transitions.entered_at,
        transitions.is_inferred,
        coalesce(persons.geo_region, 'UNKNOWN') as geo_region
    from {{ ref('fct_stage_transitions') }} as transitions
    left join {{ ref('dim_person') }} as persons
        on transitions.person_id = persons.person_id

),

later_stages as (

    select
        stage_code,
        stage_order
    from {{ ref('lifecycle_stages') }}
    where stage_kind in ('funnel', 'outcome')

),

-- every cohort member with every later stage it could reach
pairs as (

    select
        cohort.person_id,
        cohort.cycle_number,
        cohort.geo_region,
        cast({{ dbt.date_trunc('month', 'cohort.entered_at') }} as date) as cohort_month,
        cohort.stage_code as from_stage_code,
        cohort.stage_order as from_stage_order,
        cohort.entered_at as from_entered_at,
        cohort.is_inferred as from_is_inferred,
        later_stages.stage_code as to_stage_code,
        later_stages.stage_order as to_stage_order
    from transitions as cohort
    inner join later_stages
        on cohort.stage_order < later_stages.stage_order
    where cohort.stage_kind = 'funnel'

),

reached as (

    select
        pairs.*,
        reached_entries.entered_at as to_entered_at,
        reached_entries.is_inferred as to_is_inferred,
        {{ dbt.datediff('pairs.from_entered_at', 'reached_entries.entered_at', 'second') }}
            as seconds_to_reach
    from pairs
    left join transitions as reached_entries
        on
            pairs.person_id = reached_entries.person_id
            and pairs.cycle_number = reached_entries.cycle_number
            and pairs.to_stage_code = reached_entries.stage_code

),

observed as (

    select
        reached.*,
        case
            when reached.to_entered_at is not null and not reached.from_is_inferred and not reached.to_is_inferred
                then cast(reached.seconds_to_reach as double) / 86400
        end as observed_days_to_reach
    from reached

),

final as (

    select
        cohort_month,
        geo_region,
        from_stage_code,
        to_stage_code,
        min(from_stage_order) as from_stage_order,
        min(to_stage_order) as to_stage_order,
        count(*) as entered_count,
        count(to_entered_at) as reached_count,
        cast(count(to_entered_at) as double) / count(*) as conversion_rate,
        count(observed_days_to_reach) as observed_pair_count,
        -- a double avg() differs in its last bits with the order rows are added in (parallel
        -- aggregation): an incremental run and a full refresh must give the same report
        {{ leadflow.exact_sum('observed_days_to_reach') }} / nullif(count(observed_days_to_reach), 0)
            as avg_days_to_reach,
        percentile_cont(0.5) within group (order by observed_days_to_reach) as median_days_to_reach
    from observed
    group by cohort_month, geo_region, from_stage_code, to_stage_code

)

select * from final
