{#- The export has no submission id: the record key is the submitter (normalized email, else the
    contact id), the form and the submission time (parsed; the raw text when it does not parse).
    Email comes first because a later export may have attached a contact id to the same submission. -#}
{%- set submitted_at = to_timestamp_flexible('submitted_at') -%}

with

source as (

    select * from {{ source('hubspot', 'form_submissions') }}

),

renamed as (

    select
        {{ surrogate_key([
            'coalesce(' ~ normalize_email('email') ~ ', trim(contact_id))',
            'trim(form_id)',
            'coalesce(' ~ dbt.cast(submitted_at, dbt.type_string()) ~ ', trim(submitted_at))',
        ]) }} as form_submission_id,
        nullif(trim(contact_id), '') as contact_id,
        email as email_raw,
        {{ normalize_email('email') }} as email,
        nullif(trim(form_id), '') as form_id,
        {{ normalize_width('form_name') }} as form_name,
        nullif(trim(page_url), '') as page_url,
        {{ submitted_at }} as submitted_at,
        {{ adapter.quote('values') }} as values_json,

        {{ type_errors([
            ('email', 'email', normalize_email('email')),
            ('submitted_at', 'submitted_at', submitted_at),
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
        partition_by='form_submission_id',
        order_by='_file desc, _row desc'
    ) }}

),

final as (

    select
        form_submission_id,
        contact_id,
        email_raw,
        email,
        form_id,
        form_name,
        page_url,
        submitted_at,
        values_json,
        _type_errors,
        _file,
        _row,
        _loaded_at,
        _batch_id,
        _version_count
    from deduplicated

)

select * from final
