{#- Candidate edges between company records, one row per edge and rule. Every rule here is an
    equality of one key, so a block (all records with one key value) is linked as a star, each
    record to the block's smallest record key: the same components as all pairs, with n - 1
    edges instead of n(n - 1)/2, so the work per record stays bounded however large a company.
      crm_account_link   1.00  a lead/contact's Salesforce account, a contact's HubSpot company
      same_corporate_number 1.00  法人番号 (13 digits) on a business card
      same_domain        0.95  work-email domain (free mail excluded) or website domain
      same_company_name  0.70  normalized name (legal form, width, ㈱ folded); weak: applied
                               between domain groups only where it cannot join two domains,
                               see int_account_clusters_resolved
    Incremental by block (block_key: a key value, or the record whose link it is, see macro
    edge_blocks_to_compute): a daily run computes again the blocks of the records written since
    this model's last write (unioned_at) or gone, and leaves every other block's edges as they
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
{%- set equality_rules = [
    {'rule': 'same_corporate_number', 'key': 'corporate_number', 'strength': 1.0},
    {'rule': 'same_domain', 'key': 'company_domain', 'strength': 0.95},
    {'rule': 'same_company_name', 'key': 'company_key', 'strength': 0.7},
] -%}
{%- set key_blocks = [] -%}
{%- for equality in equality_rules -%}
    {%- do key_blocks.append({'prefix': equality.key, 'key': equality.key}) -%}
{%- endfor -%}

with

records as (

    select
        record_key,
        corporate_number,
        company_domain,
        company_key,
        linked_account_key,
        unioned_at
    from {{ ref('int_account_records_unioned') }}

),

links as (

    select
        record_key,
        linked_account_key as linked_record_key
    from records
    where linked_account_key is not null

),

{{ leadflow.edge_blocks_to_compute('records', 'unioned_at', key_blocks, 'links') }}

-- a link to an account that was never delivered proves nothing and would add a phantom node
crm_links as (

    select
        links.record_key as node_a,
        links.linked_record_key as node_b,
        'crm_account_link' as match_rule,
        1.0 as match_strength,
        {{ leadflow.edge_block_key('link', 'links.record_key') }} as block_key
    from links
    inner join records as crm_accounts
        on links.linked_record_key = crm_accounts.record_key
    where {{ leadflow.in_edge_blocks_to_compute(leadflow.edge_block_key('link', 'links.record_key')) }}

),

{% for equality in equality_rules %}
    {{ equality.rule }} as (

        select
            record_key as node_a,
            min(record_key) over (partition by {{ equality.key }}) as node_b,
            '{{ equality.rule }}' as match_rule,
            {{ equality.strength }} as match_strength,
            {{ leadflow.edge_block_key(equality.key, equality.key) }} as block_key
        from records
        where
            {{ equality.key }} is not null
            and {{ leadflow.in_edge_blocks_to_compute(leadflow.edge_block_key(equality.key, equality.key)) }}

    ),

{% endfor %}
unioned as (

    select * from crm_links
    {% for equality in equality_rules %}
        union all
        select * from {{ equality.rule }}
    {% endfor %}

),

edges as (

    select
        node_a,
        node_b,
        match_rule,
        cast(match_strength as double) as match_strength,
        match_rule <> 'same_company_name' as is_strong,
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
    {% if leadflow.incremental_batch() %}
        union all
        select
            cast(null as {{ dbt.type_string() }}) as node_a,
            cast(null as {{ dbt.type_string() }}) as node_b,
            cast(null as {{ dbt.type_string() }}) as match_rule,
            cast(null as double) as match_strength,
            cast(null as boolean) as is_strong,
            block_key,
            {{ leadflow.run_timestamp() }} as computed_at
        from emptied_blocks
    {% endif %}

)

select * from final
