{#- One row per lead in a program (key: program_id + lead_id). The extract has no update stamp:
    the latest delivery wins, so a progression status re-sent later replaces the earlier one.
    Incremental: a run stages the memberships delivered since the last one, with all their earlier
    versions, so the newest is picked as in a full build (macro delivered_since_last_build). -#}
{{ config(
    materialized='incremental',
    unique_key='program_member_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
) }}
{%- set membership_at = to_timestamp_flexible('membership_date') -%}
{%- set reached_success = to_boolean_flexible('reached_success') -%}
{%- set record_key = surrogate_key(["nullif(trim(program_id), '')", "nullif(trim(lead_id), '')"]) -%}
{%- set delivered = source('marketo', 'program_members') -%}

with

source as (

    select * from {{ delivered }}
    {% if leadflow.incremental_batch() %}
        where {{ leadflow.delivered_since_last_build(delivered, record_key) }}
    {% endif %}

),

renamed as (

    select
        {{ record_key }} as program_member_id,
        nullif(trim(program_id), '') as program_id,
        nullif(trim(lead_id), '') as lead_id,
        nullif(trim(progression_status), '') as progression_status,
        {{ membership_at }} as membership_at,
        coalesce({{ reached_success }}, false) as reached_success,

        {{ type_errors([
            ('membership_date', 'membership_date', membership_at),
            ('reached_success', 'reached_success', reached_success),
        ]) }} as _type_errors,

        -- lineage
        _file,
        _row,
        _loaded_at,
        _batch_id

    from source

),

deduplicated as (

    {{ deduplicate(
        'renamed',
        partition_by='program_member_id',
        order_by='_file desc, _row desc'
    ) }}

),

final as (

    select
        program_member_id,
        program_id,
        lead_id,
        progression_status,
        membership_at,
        reached_success,
        _type_errors,
        _file,
        _row,
        _loaded_at,
        _batch_id,
        _version_count
    from deduplicated

)

select * from final
