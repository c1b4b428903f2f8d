{#- Candidate edges between company records, one row per edge and rule. Every rule here is an
    equality of one key, so a block (all records with one key value) is linked as a star, each
    record to the block's smallest record key: the same components as all pairs, with n - 1
    edges instead of n(n - 1)/2, so the work per record stays bounded however large a company.
      crm_account_link   1.00  a lead/contact's Salesforce account, a contact's HubSpot company
      same_corporate_number 1.00  法人番号 (13 digits) on a business card
      same_domain        0.95  work-email domain (free mail excluded) or website domain
      same_company_name  0.70  normalized name (legal form, width, ㈱ folded); weak: applied
                               between domain groups only where it cannot join two domains,
                               see int_account_clusters_resolved -#}
{%- set equality_rules = [
    ('same_corporate_number', 'corporate_number', 1.0),
    ('same_domain', 'company_domain', 0.95),
    ('same_company_name', 'company_key', 0.7),
] -%}

with

records as (

    select * from {{ ref('int_account_records_unioned') }}

),

crm_links as (

    select
        mentions.record_key as node_a,
        mentions.linked_account_key as node_b,
        'crm_account_link' as match_rule,
        1.0 as match_strength
    from records as mentions
    inner join records as crm_accounts
        on mentions.linked_account_key = crm_accounts.record_key

),

{% for rule, key, strength in equality_rules %}
    {{ rule }} as (

        select
            record_key as node_a,
            min(record_key) over (partition by {{ key }}) as node_b,
            '{{ rule }}' as match_rule,
            {{ strength }} as match_strength
        from records
        where {{ key }} is not null

    ),

{% endfor %}
unioned as (

    select * from crm_links
    {% for rule, key, strength in equality_rules %}
        union all
        select * from {{ rule }}
    {% endfor %}

),

final as (

    select
        node_a,
        node_b,
        match_rule,
        cast(match_strength as double) as match_strength,
        match_rule <> 'same_company_name' as is_strong
    from unioned
    where node_a <> node_b

)

select * from final
