{#- Every person record with the match keys the edge rules compare: email without +tag, flags
    for role addresses and free-mail domains, phone suffix keys (the last 9 digits: staging
    prefixes +81 to numbers typed without a country code, also foreign ones), order-free name
    keys (kanji, kana read as romaji, Latin with nicknames folded, the name an address spells),
    the record's region and its completeness.
    Incremental: a daily run keys only the records delivered with other values, and all of them
    again when a matching seed changed (source_fingerprint), and stamps them (keyed_at) for the
    models that read only what changed; a full run keys every record. -#}
{{ config(
    materialized='incremental',
    unique_key='record_key',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.add_stored_column('source_fingerprint') }}",
    post_hook="{{ leadflow.prune_orphans('record_key', ref('int_person_records_unioned')) }}",
) }}
{%- set family_raw -%}
    case
        when first_name_normalized is null and last_name_normalized like '% %'
            then {{ dbt.split_part('last_name_normalized', "' '", 1) }}
        when last_name_normalized is null and first_name_normalized like '% %'
            then {{ dbt.split_part('first_name_normalized', "' '", 1) }}
        else last_name_normalized
    end
{%- endset -%}
{%- set given_raw -%}
    case
        when first_name_normalized is null and last_name_normalized like '% %'
            then {{ dbt.split_part('last_name_normalized', "' '", 2) }}
        when last_name_normalized is null and first_name_normalized like '% %'
            then {{ dbt.split_part('first_name_normalized', "' '", 2) }}
        else first_name_normalized
    end
{%- endset -%}

with

free_mail_domains as (

    select domain from {{ ref('identity_free_mail_domains') }}

),

-- the seeds the keys are read from: a changed seed changes every record's key inputs
free_mail_fingerprint as (

    select {{ leadflow.unordered_hash(['domain']) }} as fingerprint
    from free_mail_domains

),

role_words_fingerprint as (

    select {{ leadflow.unordered_hash(['local_part']) }} as fingerprint
    from {{ ref('identity_role_email_local_parts') }}

),

nicknames_fingerprint as (

    select {{ leadflow.unordered_hash(['nickname', 'given_name']) }} as fingerprint
    from {{ ref('identity_nicknames') }}

),

regions_fingerprint as (

    select {{ leadflow.unordered_hash(['country', 'region']) }} as fingerprint
    from {{ ref('identity_country_regions') }}

),

seeds_fingerprint as (

    select
        {{ dbt.concat(['free_mail_fingerprint.fingerprint', "'|'", 'role_words_fingerprint.fingerprint', "'|'",
            'nicknames_fingerprint.fingerprint', "'|'", 'regions_fingerprint.fingerprint']) }} as fingerprint
    from free_mail_fingerprint
    cross join role_words_fingerprint
    cross join nicknames_fingerprint
    cross join regions_fingerprint

),

delivered as (

    select
        unioned.*,
        {{ dbt.concat(['unioned.record_fingerprint', "'|'", 'seeds_fingerprint.fingerprint']) }} as source_fingerprint
    from {{ ref('int_person_records_unioned') }} as unioned
    cross join seeds_fingerprint

),

records as (

    select delivered.*
    from delivered
    where {{ leadflow.differs_from_stored('delivered', 'record_key', 'source_fingerprint') }}

),

-- a typo of a role address (saes@, ofice@) is still a role address
role_local_parts as (

    select distinct locals.email_local_canonical
    from (select distinct email_local_canonical from records) as locals
    inner join {{ ref('identity_role_email_local_parts') }} as role_words
        on
            locals.email_local_canonical = role_words.local_part
            or (
                length(role_words.local_part) >= 5
                and {{ edit_distance('locals.email_local_canonical', 'role_words.local_part') }} <= 1
            )

),

nicknames as (

    select distinct
        {{ romaji_key('lower(nickname)') }} as nickname_key,
        {{ romaji_key('lower(given_name)') }} as given_name_key
    from {{ ref('identity_nicknames') }}

),

regions as (

    select
        lower(country) as country_key,
        region
    from {{ ref('identity_country_regions') }}

),

tokens as (

    select
        records.*,
        {{ name_token_key(family_raw) }} as family_token_key,
        {{ name_token_key(given_raw) }} as given_token_key,
        {{ name_token_key('family_name_kana_normalized') }} as family_kana_key,
        {{ name_token_key('given_name_kana_normalized') }} as given_kana_key
    from records

),

keyed as (

    select
        tokens.*,
        case
            when tokens.email is not null
                then {{ dbt.concat(['tokens.email_local_canonical', "'@'", 'tokens.email_domain']) }}
        end as email_key,
        case
            when role_local_parts.email_local_canonical is null
                then {{ email_local_name_key('tokens.email_local_canonical') }}
        end as email_name_key,
        role_local_parts.email_local_canonical is not null as is_role_email,
        free_mail_domains.domain is not null as is_free_mail,
        case
            when free_mail_domains.domain is null then tokens.email_domain
        end as corporate_email_domain,
        {{ dbt.right('tokens.phone', 9) }} as phone_key,
        {{ dbt.right('tokens.mobile_phone', 9) }} as mobile_phone_key,
        coalesce(family_nickname.given_name_key, tokens.family_token_key) as family_key,
        coalesce(given_nickname.given_name_key, tokens.given_token_key) as given_key,
        case
            when regions.region is not null then regions.region
            when tokens.country is null and tokens.source_system in ('hubspot', 'events') then 'JP'
            else 'GLOBAL'
        end as region,
        (case when tokens.email is not null then 1 else 0 end)
        + (case when tokens.phone is not null then 1 else 0 end)
        + (case when tokens.last_name is not null then 1 else 0 end)
        + (case when tokens.first_name is not null then 1 else 0 end)
        + (case when tokens.company_name is not null then 1 else 0 end)
        + (case when tokens.title is not null then 1 else 0 end)
        + (case when tokens.country is not null then 1 else 0 end) as completeness
    from tokens
    left join role_local_parts
        on tokens.email_local_canonical = role_local_parts.email_local_canonical
    left join free_mail_domains
        on tokens.email_domain = free_mail_domains.domain
    left join nicknames as family_nickname
        on tokens.family_token_key = family_nickname.nickname_key
    left join nicknames as given_nickname
        on tokens.given_token_key = given_nickname.nickname_key
    left join regions
        on lower(tokens.country) = regions.country_key

),

final as (

    select
        record_key,
        source_system,
        source_object,
        source_record_id,
        email,
        email_domain,
        email_local_canonical,
        email_key,
        is_role_email,
        is_free_mail,
        corporate_email_domain,
        phone,
        mobile_phone,
        phone_key,
        mobile_phone_key,
        first_name,
        last_name,
        first_name_normalized,
        last_name_normalized,
        given_name_kana_normalized,
        family_name_kana_normalized,
        family_key,
        given_key,
        {{ name_pair_key('family_key', 'given_key') }} as name_key,
        {{ name_pair_key('family_kana_key', 'given_kana_key') }} as name_reading_key,
        email_name_key,
        company_name,
        company_name_normalized,
        corporate_number,
        website_domain,
        title,
        country,
        region,
        sfdc_lead_id,
        sfdc_contact_id,
        converted_contact_id,
        hubspot_contact_id,
        salesforce_account_id,
        hubspot_company_id,
        has_opted_out_of_email,
        completeness,
        created_at,
        modified_at,
        is_deleted,
        _file,
        _row,
        source_fingerprint,
        {{ leadflow.run_timestamp() }} as keyed_at
    from keyed

)

select * from final
