{#- One row per webinar registrant. The export has no id: the record key is the webinar and the
    normalized email (the trimmed, lower-cased raw text when it is not a valid address, so rows with
    broken emails are not merged with each other); re-deliveries keep the newest delivery. -#}
{{ config(
    materialized='incremental',
    unique_key='attendance_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_when_delivered(source('webinars', 'attendance')) }}",
) }}
{%- set registered_at = to_timestamp_flexible('registered_at') -%}
{%- set attended = to_boolean_flexible('attended') -%}
{%- set join_time = to_timestamp_flexible('join_time') -%}
{%- set leave_time = to_timestamp_flexible('leave_time') -%}
{%- set duration_minutes = to_number_flexible('duration_minutes') -%}

with

source as (

    select * from {{ source('webinars', 'attendance') }}
    where {{ leadflow.stage_when_emptied() }}

),

renamed as (

    select
        {{ surrogate_key([
            'trim(webinar_id)',
            'coalesce(' ~ normalize_email('email') ~ ', lower(trim(email)))',
        ]) }} as attendance_id,
        nullif(trim(webinar_id), '') as webinar_id,
        {{ normalize_width('webinar_title') }} as webinar_title,

        -- registrant
        {{ person_identity_columns(company='company') }},
        {{ normalize_width('job_title') }} as job_title,
        {{ normalize_width('country') }} as country,

        -- attendance
        {{ registered_at }} as registered_at,
        {{ attended }} as attended,
        {{ join_time }} as joined_at,
        {{ leave_time }} as left_at,
        {{ duration_minutes }} as duration_minutes,

        {{ type_errors([
            ('email', 'email', normalize_email('email')),
            ('registered_at', 'registered_at', registered_at),
            ('attended', 'attended', attended),
            ('join_time', 'join_time', join_time),
            ('leave_time', 'leave_time', leave_time),
            ('duration_minutes', 'duration_minutes', duration_minutes),
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
        partition_by='attendance_id',
        order_by='_file desc, _row desc'
    ) }}

),

final as (

    select
        attendance_id,
        webinar_id,
        webinar_title,
        email_raw,
        email,
        email_domain,
        email_local_canonical,
        first_name,
        last_name,
        first_name_normalized,
        last_name_normalized,
        company_name_raw,
        company_name,
        company_name_normalized,
        job_title,
        country,
        registered_at,
        attended,
        joined_at,
        left_at,
        duration_minutes,
        _type_errors,
        _file,
        _row,
        _loaded_at,
        _batch_id,
        _version_count
    from deduplicated

)

select * from final
