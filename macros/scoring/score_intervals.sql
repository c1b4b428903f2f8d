{#- score_intervals(ruleset): a select of the score history of rule set `ruleset` as change
    intervals [valid_from, valid_to) (valid_to null: the current interval), one row per person and
    interval, from int_score_rule_values_accumulated: fit, engagement and total score (rounded to
    0.1), the A-D x 1-4 grade (seed scoring_grade_bands), the MQL threshold of the person's
    region (seed scoring_mql_thresholds: the region's row before the '*' row, the newest valid at
    the interval start), the higher gated threshold for a trade-show lead (acquired by a badge
    scan) outside the ABM target accounts, is_above_threshold and the first time the person
    crossed it (mql_at), and the person's inputs_fingerprint (int_person_score_inputs_fingerprinted:
    the inputs the history was computed from). Consecutive moments with the same scores are one
    interval. Used by fct_lead_scores (the published rule set) and
    int_backtest_score_intervals_computed (the rule sets beside it).
    With `changes` (int_person_score_inputs_logged), an incremental model computes only the
    persons of its scoring batch (macro in_person_batch), reading only the rule values written
    since its newest row (changed_since_last_run). The windows run on an integer
    person key, once per bucket of persons (var scoring_window_buckets, macro in_person_bucket):
    DuckDB holds a window's whole input in memory. -#}
{% macro score_intervals(ruleset, changes=none) -%}
{%- set in_batch = leadflow.in_person_batch('person_id', changes) if changes is not none else 'true' %}
{%- set rewritten = leadflow.changed_since_last_run('rule_values.computed_at') if changes is not none else 'true' %}
{%- set buckets = leadflow.window_buckets() %}
{%- set by_time = 'partition by person_key order by changed_at' %}

    with

    -- the grouping and windows run on an integer person key, joined back to person_id once the
    -- change points are intervals: at 1M people they read ~95M rule values
    person_keys as (

        select
            person_id,
            inputs_fingerprint,
            row_number() over (order by person_id) as person_key
        from {{ ref('int_person_score_inputs_fingerprinted') }}
        where {{ in_batch }}

    ),

    rule_changes as (

        select
            person_keys.person_key,
            rule_values.changed_at,
            sum(case when rule_values.dimension = 'fit' then rule_values.capped_delta else 0 end) as fit_delta,
            sum(case when rule_values.dimension = 'engagement' then rule_values.capped_delta else 0 end)
                as engagement_delta
        from {{ ref('int_score_rule_values_accumulated') }} as rule_values
        inner join person_keys
            on rule_values.person_id = person_keys.person_id
        where rule_values.ruleset = '{{ ruleset }}' and {{ rewritten }}
        group by person_keys.person_key, rule_values.changed_at

    ),

    people as (

        select
            person_id,
            max(geo_region) as geo_region,
            max(case when attribute_name = 'is_abm_target' and attribute_value = 'true' then 1 else 0 end) = 1
                as is_abm_target
        from {{ ref('int_person_score_attributes_unpivoted') }}
        where {{ in_batch }}
        group by person_id

    ),

    first_touches as (

        select
            person_id,
            {{ leadflow.value_at_first_touch('event_type') }} as event_type
        from {{ ref('fct_touchpoints') }}
        where event_type <> 'lead_created' and {{ in_batch }}
        group by person_id

    ),

    gated as (

        select
            person_keys.person_key,
            person_keys.inputs_fingerprint,
            people.person_id,
            people.geo_region,
            people.is_abm_target,
            coalesce(first_touches.event_type = 'trade_show_scan', false) and not people.is_abm_target
                as is_trade_show_gated
        from people
        inner join person_keys
            on people.person_id = person_keys.person_id
        left join first_touches
            on people.person_id = first_touches.person_id

    ),

    -- each seed row as the range it holds for: a threshold until the region's next one, a grade
    -- band up to the next band's minimum. An interval then joins the one row that holds it,
    -- where ranking every started threshold and every band below the score per interval cost
    -- a window over four rows per interval (the larger part of the model at 100k people).
    threshold_ranges as (

        select
            region,
            cast(valid_from as {{ dbt.type_timestamp() }}) as valid_from,
            lead(cast(valid_from as {{ dbt.type_timestamp() }})) over (partition by region order by valid_from)
                as valid_to,
            mql_threshold,
            gated_mql_threshold
        from {{ ref('scoring_mql_thresholds') }}

    ),

    band_ranges as (

        select
            dimension,
            grade,
            min_score,
            coalesce(lead(min_score) over (partition by dimension order by min_score), 1e9) as next_min_score
        from {{ ref('scoring_grade_bands') }}

    ),

{% for bucket in range(buckets) %}
    -- bucket {{ bucket }}: the running scores and the scores before each change point in one window
    bucket{{ bucket }}_running as (

        select
            person_key,
            changed_at,
            round(sum(fit_delta) over ({{ by_time }} rows between unbounded preceding and current row), 1)
                as fit_score,
            round(sum(engagement_delta) over ({{ by_time }} rows between unbounded preceding and current row), 1)
                as engagement_score,
            round(sum(fit_delta) over ({{ by_time }} rows between unbounded preceding and 1 preceding), 1)
                as previous_fit,
            round(sum(engagement_delta) over ({{ by_time }} rows between unbounded preceding and 1 preceding), 1)
                as previous_engagement
        from rule_changes
        where {{ leadflow.in_person_bucket('person_key', bucket, buckets) }}

    ),

    bucket{{ bucket }}_intervals as (

        select
            person_key,
            changed_at as valid_from,
            lead(changed_at) over ({{ by_time }}) as valid_to,
            fit_score,
            engagement_score,
            fit_score + engagement_score as total_score
        from bucket{{ bucket }}_running
        where
            previous_fit is null
            or fit_score <> previous_fit
            or engagement_score <> previous_engagement

    ),

    bucket{{ bucket }}_graded as (

        select
            intervals.*,
            gated.person_id,
            gated.inputs_fingerprint,
            gated.geo_region,
            gated.is_abm_target,
            gated.is_trade_show_gated,
            case
                when regional_thresholds.region is not null and gated.is_trade_show_gated
                    then regional_thresholds.gated_mql_threshold
                when regional_thresholds.region is not null then regional_thresholds.mql_threshold
                when gated.is_trade_show_gated then global_thresholds.gated_mql_threshold
                else global_thresholds.mql_threshold
            end as mql_threshold,
            fit_grades.grade as fit_grade,
            engagement_grades.grade as engagement_grade
        from bucket{{ bucket }}_intervals as intervals
        inner join gated
            on intervals.person_key = gated.person_key
        left join band_ranges as fit_grades
            on
                fit_grades.dimension = 'fit'
                and intervals.fit_score >= fit_grades.min_score
                and intervals.fit_score < fit_grades.next_min_score
        left join band_ranges as engagement_grades
            on
                engagement_grades.dimension = 'engagement'
                and intervals.engagement_score >= engagement_grades.min_score
                and intervals.engagement_score < engagement_grades.next_min_score
        left join threshold_ranges as regional_thresholds
            on
                gated.geo_region = regional_thresholds.region
                and {{ interval_holds('intervals.valid_from', 'regional_thresholds.valid_from',
                    'regional_thresholds.valid_to') }}
        left join threshold_ranges as global_thresholds
            on
                global_thresholds.region = '*'
                and {{ interval_holds('intervals.valid_from', 'global_thresholds.valid_from',
                    'global_thresholds.valid_to') }}

    ),

    bucket{{ bucket }}_crossed as (

        select
            graded.*,
            graded.total_score >= graded.mql_threshold as is_above_threshold
        from bucket{{ bucket }}_graded as graded

    ),

    bucket{{ bucket }}_scored as (

        select
            crossed.*,
            min(case when crossed.is_above_threshold then crossed.valid_from end)
                over (partition by crossed.person_key) as mql_at
        from bucket{{ bucket }}_crossed as crossed

    ){% if not loop.last %},{% endif %}
{% endfor %}

{% for bucket in range(buckets) %}
    select
        person_id,
        '{{ ruleset }}' as ruleset,
        valid_from,
        valid_to,
        valid_to is null as is_current,
        fit_score,
        engagement_score,
        total_score,
        fit_grade,
        engagement_grade,
        {{ dbt.concat(['fit_grade', 'engagement_grade']) }} as grade,
        geo_region,
        is_abm_target,
        is_trade_show_gated,
        mql_threshold,
        is_above_threshold,
        mql_at,
        inputs_fingerprint
    from bucket{{ bucket }}_scored
    {% if not loop.last %}union all{% endif %}
{% endfor %}

{%- endmacro %}
