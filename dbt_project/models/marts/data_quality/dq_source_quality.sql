{#- Field quality per landing object: how many staged records lack an email, phone or company,
    carry an email normalization rejects, failed typing, or were folded by identity resolution
    into a person who already has a record from the same object. The fields each object carries
    are listed here because objects without a field must show null (not applicable), not 0;
    tests/dbt/data_quality/assert_dq_source_quality_matches_reconciliation.sql keeps the list in step with
    dq_source_reconciliation. -#}
{%- set landing_objects = [
    ('salesforce', 'lead', ['email', 'phone', 'company']),
    ('salesforce', 'contact', ['email', 'phone']),
    ('salesforce', 'account', []), ('salesforce', 'opportunity', []),
    ('salesforce', 'opportunity_contact_role', []), ('salesforce', 'opportunity_history', []),
    ('salesforce', 'campaign', []), ('salesforce', 'campaign_member', []),
    ('salesforce', 'lead_history', []), ('salesforce', 'user', ['email']),
    ('marketo', 'leads', ['email', 'phone', 'company']), ('marketo', 'activities', []),
    ('marketo', 'activity_types', []), ('marketo', 'programs', []),
    ('marketo', 'program_members', []),
    ('hubspot', 'contacts', ['email', 'phone', 'company']), ('hubspot', 'companies', ['company']),
    ('hubspot', 'deals', []), ('hubspot', 'contact_property_history', []),
    ('hubspot', 'email_events', ['email']), ('hubspot', 'form_submissions', ['email']),
    ('hubspot', 'owners', ['email']),
    ('events', 'badge_scans', ['email', 'phone', 'company']),
    ('webinars', 'attendance', ['email', 'company']), ('ads', 'spend', []),
] -%}
{%- set raw_columns = {'email': 'email_raw', 'phone': 'phone_raw', 'company': 'company_name_raw'} -%}

with

field_counts as (
    {% for system, object, fields in landing_objects %}
        select
            '{{ system }}' as source_system,
            '{{ object }}' as source_object,
            count(*) as records,
            {%- for field, raw_column in raw_columns.items() %}
                {%- if field in fields %}
                    count(case when coalesce(trim({{ raw_column }}), '') = '' then 1 end)
                {%- else %}
                    cast(null as bigint)
                {%- endif %} as records_missing_{{ field }},
            {%- endfor %}
            {%- if 'email' in fields %}
                count(case when trim(email_raw) <> '' and email is null then 1 end)
            {%- else %}
                cast(null as bigint)
            {%- endif %} as invalid_emails,
            count(case when _type_errors is not null then 1 end) as records_with_type_errors
        from {{ ref('stg_' ~ system ~ '__' ~ object) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

-- objects whose records identity resolution keys; others have no duplicates to merge
merged as (

    select
        source_system,
        source_object,
        count(*) - count(distinct person_id) as duplicates_merged
    from {{ ref('bridge_person_records') }}
    group by source_system, source_object

),

reconciliation as (

    select
        source_system,
        source_object,
        delivered_rows,
        rejected_rows
    from {{ ref('dq_source_reconciliation') }}

),

combined as (

    select
        field_counts.*,
        coalesce(reconciliation.delivered_rows, 0) as delivered_rows,
        coalesce(reconciliation.rejected_rows, 0) as rejected_rows,
        merged.duplicates_merged
    from field_counts
    left join reconciliation
        on
            field_counts.source_system = reconciliation.source_system
            and field_counts.source_object = reconciliation.source_object
    left join merged
        on
            field_counts.source_system = merged.source_system
            and field_counts.source_object = merged.source_object

),

final as (

    select
        source_system,
        source_object,
        records,
        rejected_rows,
        cast(rejected_rows as double) / nullif(delivered_rows, 0) as share_rejected,
        records_missing_email,
        cast(records_missing_email as double) / nullif(records, 0) as share_missing_email,
        records_missing_phone,
        cast(records_missing_phone as double) / nullif(records, 0) as share_missing_phone,
        records_missing_company,
        cast(records_missing_company as double) / nullif(records, 0) as share_missing_company,
        invalid_emails,
        cast(invalid_emails as double) / nullif(records - records_missing_email, 0) as share_invalid_emails,
        records_with_type_errors,
        cast(records_with_type_errors as double) / nullif(records, 0) as share_with_type_errors,
        duplicates_merged,
        cast(duplicates_merged as double) / nullif(records, 0) as share_duplicates_merged
    from combined

)

select * from final
