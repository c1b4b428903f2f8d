{#- lifecycle_as_of(): the time current stages, days in stage and account demand-unit stages are
    taken at: var('lifecycle_as_of') when set, else the newest touchpoint or stage entry (data
    time, not the clock, so a rebuild of the same data gives the same rows). -#}
{% macro lifecycle_as_of() -%}
    {%- if var('lifecycle_as_of', none) -%}
        cast('{{ var("lifecycle_as_of") }}' as {{ dbt.type_timestamp() }})
    {%- else -%}
        (
            select max(as_of_times.happened_at)
            from (
                select max(as_of_touchpoints.occurred_at) as happened_at
                from {{ ref('fct_touchpoints') }} as as_of_touchpoints
                union all
                select max(as_of_transitions.entered_at) as happened_at
                from {{ ref('fct_stage_transitions') }} as as_of_transitions
            ) as as_of_times
        )
    {%- endif -%}
{%- endmacro %}
