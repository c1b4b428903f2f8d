{#- Every landing object, so a delivered record is accounted for from file to staging.
    tests/test_dbt_project.py checks this list against the landing contract. -#}
{%- set landing_objects = [
    ('salesforce', 'lead'), ('salesforce', 'contact'), ('salesforce', 'account'),
    ('salesforce', 'opportunity'), ('salesforce', 'opportunity_contact_role'),
    ('salesforce', 'opportunity_history'), ('salesforce', 'campaign'),
    ('salesforce', 'campaign_member'), ('salesforce', 'lead_history'), ('salesforce', 'user'),
    ('marketo', 'leads'), ('marketo', 'activities'), ('marketo', 'activity_types'),
    ('marketo', 'programs'), ('marketo', 'program_members'),
    ('hubspot', 'contacts'), ('hubspot', 'companies'), ('hubspot', 'deals'),
    ('hubspot', 'contact_property_history'), ('hubspot', 'email_events'),
    ('hubspot', 'form_submissions'), ('hubspot', 'owners'),
    ('events', 'badge_scans'), ('webinars', 'attendance'), ('ads', 'spend'),
] -%}

with

raw_counts as (
    {% for system, object in landing_objects %}
        select
            '{{ system }}' as source_system,
            '{{ object }}' as source_object,
            count(*) as raw_rows
        from {{ source(system, object) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

staged_counts as (
    {% for system, object in landing_objects %}
        select
            '{{ system }}' as source_system,
            '{{ object }}' as source_object,
            count(*) as staged_records,
            cast(coalesce(sum(_version_count), 0) as bigint) as staged_versions
        from {{ ref('stg_' ~ system ~ '__' ~ object) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

ledger as (

    select
        source_system,
        source_object,
        count(*) as files_seen,
        cast(sum(case when load_status = 'rejected' then 1 else 0 end) as bigint) as files_rejected,
        cast(sum(rows_loaded + rows_rejected) as bigint) as delivered_rows
    from {{ ref('stg_loader__load_ledger') }}
    group by source_system, source_object

),

rejects as (

    select
        source_system,
        source_object,
        count(*) as rejected_rows
    from {{ ref('stg_loader__rejects') }}
    where file_row is not null
    group by source_system, source_object

),

reconciled as (

    select
        raw_counts.source_system,
        raw_counts.source_object,
        coalesce(ledger.files_seen, 0) as files_seen,
        coalesce(ledger.files_rejected, 0) as files_rejected,
        coalesce(ledger.delivered_rows, 0) as delivered_rows,
        raw_counts.raw_rows,
        coalesce(rejects.rejected_rows, 0) as rejected_rows,
        staged_counts.staged_records,
        staged_counts.staged_versions - staged_counts.staged_records as superseded_versions,
        coalesce(ledger.delivered_rows, 0)
        = raw_counts.raw_rows + coalesce(rejects.rejected_rows, 0) as is_delivery_reconciled,
        raw_counts.raw_rows = staged_counts.staged_versions as is_staging_reconciled
    from raw_counts
    inner join staged_counts
        on
            raw_counts.source_system = staged_counts.source_system
            and raw_counts.source_object = staged_counts.source_object
    left join ledger
        on
            raw_counts.source_system = ledger.source_system
            and raw_counts.source_object = ledger.source_object
    left join rejects
        on
            raw_counts.source_system = rejects.source_system
            and raw_counts.source_object = rejects.source_object

)

select * from reconciled
