{#- Deterministic edges between person records, one row per edge and rule: identifiers that
    name one human by themselves. Equal-key rules link each record to the smallest record key of
    its block (a star: the same components as all pairs, n - 1 edges, bounded work per record).
      same_work_email       1.00  same email at a company domain, +tag ignored (role addresses
                                  such as info@ and sales@, and their typos, never match)
      same_personal_email   0.95  same free-mail address (gmail.com, docomo.ne.jp...): personal,
                                  but the domain says nothing about the employer
      crm_link              1.00  a record naming another system's id for the same human: Marketo
                                  sfdcLeadId / sfdcContactId, Salesforce ConvertedContactId, the
                                  contact_id of a HubSpot form submission -#}

with

records as (

    select * from {{ ref('int_person_records_keyed') }}

),

email_edges as (

    select
        record_key as node_a,
        min(record_key) over (partition by email_key) as node_b,
        case when is_free_mail then 'same_personal_email' else 'same_work_email' end as match_rule,
        case when is_free_mail then 0.95 else 1.0 end as match_strength,
        email_key as evidence
    from records
    where email_key is not null and not is_role_email

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

-- a link to a record that was never delivered proves nothing and would add a phantom node
link_edges as (

    select
        links.record_key as node_a,
        links.linked_record_key as node_b,
        'crm_link' as match_rule,
        1.0 as match_strength,
        links.evidence
    from links
    inner join records as linked
        on links.linked_record_key = linked.record_key

),

unioned as (

    select * from email_edges
    union all
    select * from link_edges

),

final as (

    select
        node_a,
        node_b,
        match_rule,
        cast(match_strength as double) as match_strength,
        evidence
    from unioned
    where node_a <> node_b

)

select * from final
