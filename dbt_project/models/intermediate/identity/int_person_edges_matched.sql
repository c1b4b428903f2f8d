{#- Deterministic edges between person records, one row per edge and rule: identifiers that
    name one human by themselves. Equal-key rules link each record to the smallest record key of
    its block (a star: the same components as all pairs, n - 1 edges, bounded work per record).
      same_work_email       1.00  same email at a company domain, +tag ignored (role addresses
                                  such as info@ and sales@, and their typos, never match)
      same_personal_email   0.95  same free-mail address (gmail.com, docomo.ne.jp...): personal,
                                  but the domain says nothing about the employer
      crm_link              1.00  a record naming another system's id for the same human: Marketo
                                  sfdcLeadId / sfdcContactId, Salesforce ConvertedContactId, the
                                  contact_id of a HubSpot form submission
    Incremental by block (block_key: an email, or the record whose links they are, see macro
    edge_blocks_to_compute): a daily run computes again the blocks of the records keyed since
    this model's last write (keyed_at) or gone, and leaves every other block's edges as they
    are. -#}
{{ config(
    materialized='incremental',
    unique_key='block_key',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook=[
        "{{ leadflow.add_stored_column('computed_at', data_type=dbt.type_timestamp()) }}",
        "{{ leadflow.add_stored_column('block_key', forget_rows=true) }}",
    ],
    post_hook="{{ leadflow.delete_markers('node_a') }}",
) }}
{%- set incremental_batch = leadflow.incremental_batch() -%}
{%- set email_block = {'prefix': 'email', 'key': 'email_key', 'where': 'not is_role_email'} -%}

with

-- only the columns the rules read: several parts read the records, so DuckDB materializes
-- them, and all 48 columns of 2.5M records made the daily batch take 19-26 s instead of 3 s
records as (

    select
        record_key,
        email_key,
        is_role_email,
        is_free_mail,
        sfdc_lead_id,
        sfdc_contact_id,
        converted_contact_id,
        hubspot_contact_id,
        keyed_at
    from {{ ref('int_person_records_keyed') }}

),

links as (

    select
        record_key,
        {{ dbt.concat(["'salesforce:lead:'", 'sfdc_lead_id']) }} as linked_record_key,
        'marketo sfdcLeadId' as evidence
    from records
    where sfdc_lead_id is not null
    union all
    select
        record_key,
        {{ dbt.concat(["'salesforce:contact:'", 'sfdc_contact_id']) }} as linked_record_key,
        'marketo sfdcContactId' as evidence
    from records
    where sfdc_contact_id is not null
    union all
    select
        record_key,
        {{ dbt.concat(["'salesforce:contact:'", 'converted_contact_id']) }} as linked_record_key,
        'salesforce ConvertedContactId' as evidence
    from records
    where converted_contact_id is not null
    union all
    select
        record_key,
        {{ dbt.concat(["'hubspot:contacts:'", 'hubspot_contact_id']) }} as linked_record_key,
        'hubspot form contact_id' as evidence
    from records
    where hubspot_contact_id is not null

),

{{ leadflow.edge_blocks_to_compute('records', 'keyed_at', [email_block], 'links') }}

email_edges as (

    select
        record_key as node_a,
        min(record_key) over (partition by email_key) as node_b,
        case when is_free_mail then 'same_personal_email' else 'same_work_email' end as match_rule,
        case when is_free_mail then 0.95 else 1.0 end as match_strength,
        email_key as evidence,
        {{ leadflow.edge_block_key('email', 'email_key') }} as block_key
    from records
    where
        email_key is not null
        and {{ email_block.where }}
        and {{ leadflow.in_edge_blocks_to_compute(leadflow.edge_block_key('email', 'email_key')) }}

),

-- a link to a record that was never delivered proves nothing and would add a phantom node
link_edges as (

    select
        links.record_key as node_a,
        links.linked_record_key as node_b,
        'crm_link' as match_rule,
        1.0 as match_strength,
        links.evidence,
        {{ leadflow.edge_block_key('link', 'links.record_key') }} as block_key
    from links
    inner join records as linked
        on links.linked_record_key = linked.record_key
    where {{ leadflow.in_edge_blocks_to_compute(leadflow.edge_block_key('link', 'links.record_key')) }}

),

unioned as (

    select * from email_edges
    union all
    select * from link_edges

),

edges as (

    select
        node_a,
        node_b,
        match_rule,
        cast(match_strength as double) as match_strength,
        evidence,
        block_key
    from unioned
    where node_a <> node_b

),

{{ leadflow.emptied_edge_blocks('edges') }}

final as (

    select
        *,
        {{ leadflow.run_timestamp() }} as computed_at
    from edges
    {% if incremental_batch %}
        union all
        select
            cast(null as {{ dbt.type_string() }}) as node_a,
            cast(null as {{ dbt.type_string() }}) as node_b,
            cast(null as {{ dbt.type_string() }}) as match_rule,
            cast(null as double) as match_strength,
            cast(null as {{ dbt.type_string() }}) as evidence,
            block_key,
            {{ leadflow.run_timestamp() }} as computed_at
        from emptied_blocks
    {% endif %}

)

select * from final
