{#- Every record that names a company, one row each: the CRM account records (Salesforce
    accounts, HubSpot companies) and the company each person record mentions (its name, the
    domain of a work email or website, a corporate number, a link to a CRM account). Account
    resolution clusters all of them, so a lead whose company has no CRM account still gets an
    account, inferred from its domain and name.
    Incremental: a daily run takes only the records whose source_fingerprint it does not hold (a
    person record's is int_person_records_keyed's, a CRM record's the hash of its staging row),
    so the name key's regular expressions run on the day's records, not on 2.7M, and stamps them
    (unioned_at) for the account edges; post-hooks delete the rows of records that changed and no
    longer name a company, or left. -#}
{{ config(
    materialized='incremental',
    unique_key='record_key',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.add_stored_column('source_fingerprint') }}",
    post_hook=[
        "{{ leadflow.delete_stale_rows('record_key', 'source_fingerprint', ref('int_person_records_keyed'),
            'not is_crm_account') }}",
        "{{ leadflow.prune_orphans('record_key', leadflow.crm_account_record_keys(), 'is_crm_account') }}",
    ],
) }}
{%- set crm_columns = [
    'account_id', 'account_name', 'website_domain', 'industry', 'number_of_employees', 'annual_revenue',
    'billing_country', 'owner_id', 'created_at', 'modified_at', 'is_deleted',
] -%}
{%- set hubspot_columns = [
    'company_id', 'company_name', 'website_domain', 'industry', 'number_of_employees', 'annual_revenue',
    'country', 'owner_id', 'created_at', 'modified_at', 'is_deleted',
] -%}

with

salesforce_accounts as (

    select
        {{ record_key('salesforce', 'account', 'account_id') }} as record_key,
        'salesforce' as source_system,
        'account' as source_object,
        account_id as source_record_id,
        true as is_crm_account,
        account_name as company_name,
        website_domain as company_domain,
        cast(null as {{ dbt.type_string() }}) as corporate_number,
        cast(null as {{ dbt.type_string() }}) as linked_account_key,
        industry,
        number_of_employees,
        annual_revenue,
        billing_country as country,
        owner_id,
        created_at,
        modified_at,
        is_deleted,
        {{ leadflow.row_fingerprint(crm_columns) }} as source_fingerprint
    from {{ ref('stg_salesforce__account') }}

),

hubspot_companies as (

    select
        {{ record_key('hubspot', 'companies', 'company_id') }} as record_key,
        'hubspot' as source_system,
        'companies' as source_object,
        company_id as source_record_id,
        true as is_crm_account,
        company_name,
        website_domain as company_domain,
        cast(null as {{ dbt.type_string() }}) as corporate_number,
        cast(null as {{ dbt.type_string() }}) as linked_account_key,
        industry,
        number_of_employees,
        cast(annual_revenue as double) as annual_revenue,
        country,
        owner_id,
        created_at,
        modified_at,
        is_deleted,
        {{ leadflow.row_fingerprint(hubspot_columns) }} as source_fingerprint
    from {{ ref('stg_hubspot__companies') }}

),

-- the employer a person record names, at the time of the record (a job changer's records name
-- both employers); its CRM link is the Salesforce account of a lead or contact, or the HubSpot
-- company of a contact
person_mentions as (

    select
        record_key,
        source_system,
        source_object,
        source_record_id,
        false as is_crm_account,
        company_name,
        coalesce(corporate_email_domain, website_domain) as company_domain,
        corporate_number,
        case
            when salesforce_account_id is not null
                then {{ dbt.concat(["'salesforce:account:'", 'salesforce_account_id']) }}
            when hubspot_company_id is not null
                then {{ dbt.concat(["'hubspot:companies:'", 'hubspot_company_id']) }}
        end as linked_account_key,
        cast(null as {{ dbt.type_string() }}) as industry,
        cast(null as bigint) as number_of_employees,
        cast(null as double) as annual_revenue,
        country,
        cast(null as {{ dbt.type_string() }}) as owner_id,
        created_at,
        modified_at,
        is_deleted,
        source_fingerprint
    from {{ ref('int_person_records_keyed') }}
    where
        company_name is not null
        or corporate_email_domain is not null
        or website_domain is not null
        or corporate_number is not null
        or salesforce_account_id is not null
        or hubspot_company_id is not null

),

unioned as (

    select * from salesforce_accounts
    union all
    select * from hubspot_companies
    union all
    select * from person_mentions

),

changed as (

    select unioned.*
    from unioned
    where {{ leadflow.differs_from_stored('unioned', 'record_key', 'source_fingerprint') }}

),

final as (

    select
        record_key,
        source_system,
        source_object,
        source_record_id,
        is_crm_account,
        company_name,
        {{ company_match_key('company_name') }} as company_key,
        company_domain,
        corporate_number,
        linked_account_key,
        industry,
        number_of_employees,
        annual_revenue,
        country,
        owner_id,
        created_at,
        modified_at,
        is_deleted,
        source_fingerprint,
        {{ leadflow.run_timestamp() }} as unioned_at
    from changed

)

select * from final
