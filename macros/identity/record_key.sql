{#- record_key(system, object, id): a source record's key across leadflow, 'system:object:id'
    (int_person_records_unioned, int_account_records_unioned). An event finds its record's person
    in bridge_person_records by the same key (int_touchpoints_unioned). -#}
{% macro record_key(system, object, id) -%}
    {{ dbt.concat(["'" ~ leadflow.record_key_prefix(system, object) ~ "'", id]) }}
{%- endmacro %}

{#- record_key_prefix(system, object): what every record_key of a system's object starts with. -#}
{% macro record_key_prefix(system, object) -%}
    {{ return(system ~ ':' ~ object ~ ':') }}
{%- endmacro %}

{#- crm_account_record_keys(): a subquery of the key of every CRM account record (Salesforce
    accounts, HubSpot companies), for pruning int_account_records_unioned's incremental batches. -#}
{% macro crm_account_record_keys() -%}
    (
        select {{ leadflow.record_key('salesforce', 'account', 'account_id') }} as record_key
        from {{ ref('stg_salesforce__account') }}
        union all
        select {{ leadflow.record_key('hubspot', 'companies', 'company_id') }} as record_key
        from {{ ref('stg_hubspot__companies') }}
    )
{%- endmacro %}
