{#- dq_source_quality counts the same records as dq_source_reconciliation stages, for the same
    landing objects: the two models keep their own object lists, and a missing or extra object
    or a different count shows up here. -#}

with

quality as (

    select
        source_system,
        source_object,
        records
    from {{ ref('dq_source_quality') }}

),

reconciliation as (

    select
        source_system,
        source_object,
        staged_records
    from {{ ref('dq_source_reconciliation') }}

),

compared as (

    select
        coalesce(quality.source_system, reconciliation.source_system) as source_system,
        coalesce(quality.source_object, reconciliation.source_object) as source_object,
        quality.records,
        reconciliation.staged_records
    from quality
    full outer join reconciliation
        on
            quality.source_system = reconciliation.source_system
            and quality.source_object = reconciliation.source_object

)

select *
from compared
where
    records is null
    or staged_records is null
    or records <> staged_records
