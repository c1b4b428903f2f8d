{#- The score history of each backtest rule set (var scoring_backtest_rulesets, less the
    published one, whose history is fct_lead_scores), shaped like fct_lead_scores: what
    rpt_scoring_backtest compares on its snapshots. Kept as its own table so a daily run scores
    only the persons whose inputs changed, like fct_lead_scores (macros/scoring/scoring_batch.sql):
    computed inside the report it was the whole history of every rule set every day (221 s of an
    incremental run at 1M people). -#}
{{ config(
    materialized='incremental',
    unique_key='person_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_changed_persons(ref('int_person_score_inputs_logged')) }}",
) }}
{#- After fct_lead_scores, not beside it: on a full build at 1M people the two histories spilled
    against one DuckDB memory limit side by side (460 s and 372 s). One after the other they take
    226 s + 230 s while dbt's other thread builds the rest, and the published mart, the one sales
    waits for, comes first. -#}
{%- set published = var('scoring_ruleset', 'live') -%}
{%- set backtested = leadflow.scoring_rulesets() | reject('equalto', published) | list -%}
-- depends_on: {{ ref('fct_lead_scores') }}

with

{% for ruleset in backtested %}
    ruleset_{{ loop.index }} as (

        {{ score_intervals(ruleset, ref('int_person_score_inputs_logged')) }}

    ),
{% endfor %}

intervals as (

    {% for ruleset in backtested %}
        select * from ruleset_{{ loop.index }}
        {% if not loop.last %}union all{% endif %}
    {% else %}
        {#- no rule set to backtest: an empty table of the same shape -#}
        select * from ({{ score_intervals(published) }}) as none_backtested
        where false
    {% endfor %}

),

final as (

    select
        intervals.person_id,
        intervals.ruleset,
        intervals.valid_from,
        intervals.valid_to,
        intervals.is_current,
        intervals.fit_score,
        intervals.engagement_score,
        intervals.total_score,
        intervals.fit_grade,
        intervals.engagement_grade,
        intervals.grade,
        intervals.geo_region,
        intervals.is_abm_target,
        intervals.is_trade_show_gated,
        intervals.mql_threshold,
        intervals.is_above_threshold,
        intervals.mql_at,
        {{ leadflow.run_timestamp() }} as computed_at
    from intervals

)

select * from final
