{#- Is the threshold right? Monthly point-in-time snapshots of the published score over the last
    12 months (macro score_snapshots: score then, outcome in the next 90 days), by region, grade
    and 20-point score band: how many leads, and how many of them were accepted by sales (SAL),
    became an opportunity (SQL) or were won within 90 days, with the rates. A band whose SQL rate
    is far above its neighbours' below the threshold says the threshold is too high. -#}

with

snapshots as (

    {{ score_snapshots(ref('fct_lead_scores')) }}

),

banded as (

    select
        snapshots.*,
        case
            when snapshots.total_score < 0 then '<0'
            when snapshots.total_score >= 100 then '100+'
            else {{ dbt.concat([
                dbt.cast('cast(floor(snapshots.total_score / 20) * 20 as ' ~ dbt.type_int() ~ ')', dbt.type_string()),
                "'-'",
                dbt.cast('cast(floor(snapshots.total_score / 20) * 20 + 19 as ' ~ dbt.type_int() ~ ')', dbt.type_string()),
            ]) }}
        end as score_band
    from snapshots

),

final as (

    select
        geo_region,
        grade,
        score_band,
        min(total_score) as min_score,
        count(*) as lead_snapshots,
        count(distinct person_id) as people,
        count(case when is_above_threshold then 1 end) as above_threshold,
        count(case when reached_sal then 1 end) as reached_sal,
        count(case when reached_sql then 1 end) as reached_sql,
        count(case when reached_won then 1 end) as reached_won,
        round(cast(sum(case when reached_sal then 1 else 0 end) as double) / count(*), 4) as sal_rate,
        round(cast(sum(case when reached_sql then 1 else 0 end) as double) / count(*), 4) as sql_rate,
        round(cast(sum(case when reached_won then 1 else 0 end) as double) / count(*), 4) as won_rate
    from banded
    group by geo_region, grade, score_band

)

select * from final
