{#- The person's milestone extension of core.dim_person (same key, one row per person): first and
    latest entry of each milestone stage, the current stage and how long the person has been in
    it as of lifecycle_as_of(), and how often the person entered or left the funnel. Persons
    without any stage evidence have a row with empty milestones. -#}
{%- set milestone_stages = ['inquiry', 'mql', 'sal', 'sql', 'won'] -%}

with

persons as (

    select
        person_id,
        account_id
    from {{ ref('dim_person') }}

),

transitions as (

    select * from {{ ref('fct_stage_transitions') }}

),

stages as (

    select
        stage_code,
        stage_name_en,
        stage_name_ja,
        owner_team
    from {{ ref('lifecycle_stages') }}

),

as_of as (

    select {{ lifecycle_as_of() }} as as_of_at

),

milestones as (

    select
        person_id,
        {%- for stage in milestone_stages %}
            min(case when stage_code = '{{ stage }}' then entered_at end) as first_{{ stage }}_at,
            max(case when stage_code = '{{ stage }}' then entered_at end) as latest_{{ stage }}_at,
        {%- endfor %}
        max(cycle_number) as funnel_entry_count,
        count(case when stage_code = 'recycled' then 1 end) as recycled_count
    from transitions
    group by person_id

),

current_entries as (

    select
        person_id,
        stage_code,
        entered_at,
        origin
    from transitions
    where is_current

),

final as (

    select
        persons.person_id,
        persons.account_id,
        current_entries.stage_code as current_stage_code,
        stages.stage_name_en as current_stage_name_en,
        stages.stage_name_ja as current_stage_name_ja,
        stages.owner_team as current_owner_team,
        current_entries.entered_at as current_stage_entered_at,
        -- dbt.datediff gives a bigint on DuckDB, an int on Spark; the contract says bigint
        {{ dbt.cast(dbt.datediff('current_entries.entered_at', 'as_of.as_of_at', 'day'), dbt.type_bigint()) }}
            as days_in_current_stage,
        current_entries.origin as current_origin,
        {%- for stage in milestone_stages %}
            milestones.first_{{ stage }}_at,
            milestones.latest_{{ stage }}_at,
        {%- endfor %}
        coalesce(milestones.funnel_entry_count, 0) as funnel_entry_count,
        coalesce(milestones.recycled_count, 0) as recycled_count,
        as_of.as_of_at as lifecycle_as_of
    from persons
    cross join as_of
    left join milestones
        on persons.person_id = milestones.person_id
    left join current_entries
        on persons.person_id = current_entries.person_id
    left join stages
        on current_entries.stage_code = stages.stage_code

)

select * from final
