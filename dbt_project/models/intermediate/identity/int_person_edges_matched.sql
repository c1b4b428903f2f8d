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
    Incremental by block (block_key: an email, or the record whose links they are): a new
    smallest record key re-centres its email's star, so a block is the unit. A daily run
    computes again the blocks a record keyed since this model's last write (keyed_at against
    computed_at) or gone from the keyed records is in now, was in (its stored edges), or is
    named by, and leaves every other block's edges as they are. A block left without edges is
    written as a marker row (null node_a): the delete+insert by block_key removes its stored
    edges, the post-hook the marker. -#}
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

{% if incremental_batch %}
    last_write as (

        select max(computed_at) as computed_at from {{ this }}

    ),

    -- both ends of every stored edge
    stored_ends as (

        select
            node_a as record_key,
            match_rule,
            evidence
        from {{ this }}
        union all
        select
            node_b as record_key,
            match_rule,
            evidence
        from {{ this }}

    ),

    -- an emptied table (a table built before it stored its run stamp) computes every block
    touched_records as (

        select records.record_key
        from records
        cross join last_write
        where last_write.computed_at is null or records.keyed_at > last_write.computed_at
        union
        select stored_ends.record_key
        from stored_ends
        where not exists (select 1 from records where records.record_key = stored_ends.record_key)

    ),

    -- the emails a touched record holds now or held (its stored edges' evidence)
    emails_to_compute as (

        select records.email_key
        from records
        inner join touched_records
            on records.record_key = touched_records.record_key
        where records.email_key is not null and not records.is_role_email
        union
        select stored_ends.evidence as email_key
        from stored_ends
        inner join touched_records
            on stored_ends.record_key = touched_records.record_key
        where stored_ends.match_rule <> 'crm_link'

    ),

    -- the records whose links are computed again: the touched ones and those naming one
    linkers_to_compute as (

        select record_key from touched_records
        union
        select links.record_key
        from links
        inner join touched_records
            on links.linked_record_key = touched_records.record_key

    ),

    records_to_compute as (

        select records.*
        from records
        inner join emails_to_compute
            on records.email_key = emails_to_compute.email_key
        where not records.is_role_email

    ),

    links_to_compute as (

        select links.*
        from links
        inner join linkers_to_compute
            on links.record_key = linkers_to_compute.record_key

    ),

    blocks_to_compute as (

        select {{ dbt.concat(["'email:'", 'email_key']) }} as block_key
        from emails_to_compute
        union all
        select {{ dbt.concat(["'link:'", 'record_key']) }} as block_key
        from linkers_to_compute

    ),
{% endif %}

email_edges as (

    select
        record_key as node_a,
        min(record_key) over (partition by email_key) as node_b,
        case when is_free_mail then 'same_personal_email' else 'same_work_email' end as match_rule,
        case when is_free_mail then 0.95 else 1.0 end as match_strength,
        email_key as evidence,
        {{ dbt.concat(["'email:'", 'email_key']) }} as block_key
    {% if incremental_batch %}
        from records_to_compute
    {% else %}
        from records
        where email_key is not null and not is_role_email
    {% endif %}

),

-- a link to a record that was never delivered proves nothing and would add a phantom node
link_edges as (

    select
        links.record_key as node_a,
        links.linked_record_key as node_b,
        'crm_link' as match_rule,
        1.0 as match_strength,
        links.evidence,
        {{ dbt.concat(["'link:'", 'links.record_key']) }} as block_key
    from {{ 'links_to_compute' if incremental_batch else 'links' }} as links
    inner join records as linked
        on links.linked_record_key = linked.record_key

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

{% if incremental_batch %}
    markers as (

        select
            cast(null as {{ dbt.type_string() }}) as node_a,
            cast(null as {{ dbt.type_string() }}) as node_b,
            cast(null as {{ dbt.type_string() }}) as match_rule,
            cast(null as double) as match_strength,
            cast(null as {{ dbt.type_string() }}) as evidence,
            blocks_to_compute.block_key
        from blocks_to_compute
        where
            exists (select 1 from {{ this }} as stored where stored.block_key = blocks_to_compute.block_key)
            and not exists (select 1 from edges where edges.block_key = blocks_to_compute.block_key)

    ),
{% endif %}

final as (

    select
        *,
        {{ leadflow.run_timestamp() }} as computed_at
    from edges
    {% if incremental_batch %}
        -- a block whose stored edges all went
        union all
        select
            *,
            {{ leadflow.run_timestamp() }} as computed_at
        from markers
    {% endif %}

)

select * from final
