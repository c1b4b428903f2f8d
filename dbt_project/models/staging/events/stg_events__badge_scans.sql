{#- Trade-show badge scans and business cards (Japanese exports). The export has no record id:
    badge_scan_id hashes who (normalized email, names, company), where (event) and when (capture
    time), so the same card delivered twice, or once as ㈱ and once as 株式会社, is one scan. -#}
{{ config(
    materialized='incremental',
    unique_key='badge_scan_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_when_delivered(source('events', 'badge_scans')) }}",
) }}
{%- set captured_at = to_timestamp_flexible('captured_at') -%}
{%- set digits_only = "translate({}, '0123456789', '') = ''" -%}
{#- Postcode: width-normalized, 〒, hyphens, dashes and spaces removed; valid when 7 digits. -#}
{%- set postal_digits = "translate(" ~ normalize_width('postal_code') ~ ", '〒-ー−‐‑–—― ', '')" -%}
{%- set postal_code = "case when length(" ~ postal_digits ~ ") = 7 and " ~ digits_only.format(postal_digits)
    ~ " then " ~ dbt.concat(["substring(" ~ postal_digits ~ ", 1, 3)", "'-'", "substring(" ~ postal_digits ~ ", 4, 4)"])
    ~ " end" -%}
{#- 法人番号: kept only when exactly 13 digits after width normalization. -#}
{%- set corporate_number_width = normalize_width('corporate_number') -%}
{%- set corporate_number = "case when length(" ~ corporate_number_width ~ ") = 13 and "
    ~ digits_only.format(corporate_number_width) ~ " then " ~ corporate_number_width ~ " end" -%}

with

source as (

    select * from {{ source('events', 'badge_scans') }}
    where {{ leadflow.stage_when_emptied() }}

),

prefectures as (

    select * from {{ ref('prefectures') }}

),

prefecture_names as (

    {{ prefecture_name_variants('prefectures') }}

),

renamed as (

    select
        {{ surrogate_key([
            normalize_email('email'),
            normalize_person_name('last_name'),
            normalize_person_name('first_name'),
            normalize_company_name('company_name'),
            normalize_width('event_name'),
            'coalesce(' ~ dbt.cast(captured_at, dbt.type_string()) ~ ', trim(captured_at))',
        ]) }} as badge_scan_id,
        {{ captured_at }} as captured_at,
        {{ normalize_width('event_name') }} as event_name,

        -- company
        company_name as company_name_raw,
        {{ normalize_width('company_name') }} as company_name,
        {{ normalize_company_name('company_name') }} as company_name_normalized,
        {{ corporate_number }} as corporate_number,
        {{ normalize_width('department') }} as department,
        {{ normalize_width('title') }} as title,

        -- person: family name first (姓, 名), readings (カナ) kept apart from kanji
        {{ normalize_width('last_name') }} as family_name,
        {{ normalize_width('first_name') }} as given_name,
        {{ normalize_width('last_name_kana') }} as family_name_kana,
        {{ normalize_width('first_name_kana') }} as given_name_kana,
        {{ normalize_person_name('last_name') }} as family_name_normalized,
        {{ normalize_person_name('first_name') }} as given_name_normalized,
        {{ normalize_person_name('last_name_kana') }} as family_name_kana_normalized,
        {{ normalize_person_name('first_name_kana') }} as given_name_kana_normalized,

        -- contact points
        email as email_raw,
        {{ normalize_email('email') }} as email,
        {{ email_domain(normalize_email('email')) }} as email_domain,
        {{ email_local_canonical(normalize_email('email')) }} as email_local_canonical,
        phone as phone_raw,
        {{ normalize_phone_e164('phone') }} as phone,
        mobile_phone as mobile_phone_raw,
        {{ normalize_phone_e164('mobile_phone') }} as mobile_phone,

        -- address
        postal_code as postal_code_raw,
        {{ postal_code }} as postal_code,
        {{ normalize_width('prefecture') }} as prefecture,
        {{ normalize_width('address') }} as address,
        nullif(trim(url), '') as url,

        -- survey answers (BANT), kept as text
        {{ normalize_width('budget') }} as budget,
        {{ normalize_width('authority') }} as authority,
        {{ normalize_width('need') }} as need,
        {{ normalize_width('timeline') }} as timeline,
        {{ to_boolean_flexible('authority') }} as has_authority,
        memo,

        {{ type_errors([
            ('captured_at', 'captured_at', captured_at),
            ('email', 'email', normalize_email('email')),
            ('phone', 'phone', normalize_phone_e164('phone')),
            ('mobile_phone', 'mobile_phone', normalize_phone_e164('mobile_phone')),
            ('postal_code', 'postal_code', postal_code),
            ('corporate_number', 'corporate_number', corporate_number),
        ]) }} as _type_errors,

        -- lineage
        _file,
        _row,
        _loaded_at,
        _batch_id

    from source

),

-- no modification stamp: the newest delivery of a scan wins
deduplicated as (

    {{ deduplicate(
        'renamed',
        partition_by='badge_scan_id',
        order_by='_file desc, _row desc'
    ) }}

),

final as (

    select
        deduplicated.badge_scan_id,
        deduplicated.captured_at,
        deduplicated.event_name,
        deduplicated.company_name_raw,
        deduplicated.company_name,
        deduplicated.company_name_normalized,
        deduplicated.corporate_number,
        deduplicated.department,
        deduplicated.title,
        deduplicated.family_name,
        deduplicated.given_name,
        deduplicated.family_name_kana,
        deduplicated.given_name_kana,
        deduplicated.family_name_normalized,
        deduplicated.given_name_normalized,
        deduplicated.family_name_kana_normalized,
        deduplicated.given_name_kana_normalized,
        deduplicated.email_raw,
        deduplicated.email,
        deduplicated.email_domain,
        deduplicated.email_local_canonical,
        deduplicated.phone_raw,
        deduplicated.phone,
        deduplicated.mobile_phone_raw,
        deduplicated.mobile_phone,
        deduplicated.postal_code_raw,
        deduplicated.postal_code,
        deduplicated.prefecture,
        coalesce(by_name.jis_code, by_address.jis_code) as prefecture_code,
        deduplicated.address,
        deduplicated.url,
        deduplicated.budget,
        deduplicated.authority,
        deduplicated.need,
        deduplicated.timeline,
        deduplicated.has_authority,
        deduplicated.memo,
        deduplicated._type_errors,
        deduplicated._file,
        deduplicated._row,
        deduplicated._loaded_at,
        deduplicated._batch_id,
        deduplicated._version_count
    from deduplicated
    left join prefecture_names as by_name
        on lower(deduplicated.prefecture) = by_name.prefecture_name
    -- no usable prefecture column: take the prefecture the address starts with
    left join prefectures as by_address
        on
            by_name.jis_code is null
            and deduplicated.address like {{ dbt.concat(['by_address.name_ja', "'%'"]) }}

)

select * from final
