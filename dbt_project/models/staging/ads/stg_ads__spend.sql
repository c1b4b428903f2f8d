{#- Daily paid-media spend per platform and campaign. The export has no id: the record key is
    date + platform + campaign; a later delivery of the same day (a restated cost) wins. -#}
{{ config(
    materialized='incremental',
    unique_key='spend_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_when_delivered(source('ads', 'spend')) }}",
) }}
{%- set spend_date = to_date_flexible(adapter.quote('date')) -%}
{%- set cost = to_number_flexible('cost', 'decimal(18, 2)') -%}
{%- set impressions = to_number_flexible('impressions', 'bigint') -%}
{%- set clicks = to_number_flexible('clicks', 'bigint') -%}
{#- Platform spellings folded to one code: 'Google Ads', 'google_ads', 'AdWords' -> google_ads. -#}
{%- set platform_key = "lower(replace(replace(replace(replace(replace(" ~ normalize_width('platform')
    ~ ", ' ', ''), '_', ''), '-', ''), '!', ''), '.', ''))" -%}
{%- set platform = "case
            when " ~ platform_key ~ " in ('googleads', 'google', 'adwords', 'googleadwords') then 'google_ads'
            when " ~ platform_key ~ " in ('meta', 'metaads', 'facebook', 'facebookads', 'instagram') then 'meta'
            when " ~ platform_key ~ " in ('linkedin', 'linkedinads') then 'linkedin'
            when " ~ platform_key ~ " in ('yahoo', 'yahoojapan', 'yahooads', 'yahoo広告') then 'yahoo_japan'
            when " ~ platform_key ~ " in ('microsoft', 'microsoftads', 'microsoftadvertising', 'bing', 'bingads')
                then 'microsoft_ads'
            when " ~ platform_key ~ " in ('x', 'xads', 'twitter', 'twitterads') then 'x'
            else nullif(" ~ platform_key ~ ", '')
        end" -%}
{#- Currency: ISO 4217 code upper-cased; ¥/円 and $/€ symbols mapped; anything else is null. -#}
{%- set currency_text = "upper(" ~ normalize_width('currency') ~ ")" -%}
{%- set currency = "case
            when " ~ currency_text ~ " in ('¥', '￥', '円') then 'JPY'
            when " ~ currency_text ~ " = '$' then 'USD'
            when " ~ currency_text ~ " = '€' then 'EUR'
            when length(" ~ currency_text ~ ") = 3
                and translate(" ~ currency_text ~ ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '') = ''
                then " ~ currency_text ~ "
        end" -%}

with

source as (

    select * from {{ source('ads', 'spend') }}
    where {{ leadflow.stage_when_emptied() }}

),

renamed as (

    select
        {{ surrogate_key([
            'coalesce(' ~ dbt.cast(spend_date, dbt.type_string()) ~ ', trim(' ~ adapter.quote('date') ~ '))',
            platform,
            'trim(campaign_id)',
        ]) }} as spend_id,
        {{ spend_date }} as spend_date,
        platform as platform_raw,
        {{ platform }} as platform,
        nullif(trim(campaign_id), '') as campaign_id,
        {{ normalize_width('campaign_name') }} as campaign_name,
        nullif(trim(utm_campaign), '') as utm_campaign,
        {{ cost }} as cost_amount,
        {{ currency }} as currency_code,
        {{ impressions }} as impressions,
        {{ clicks }} as clicks,

        {{ type_errors([
            ('date', adapter.quote('date'), spend_date),
            ('cost', 'cost', cost),
            ('currency', 'currency', currency),
            ('impressions', 'impressions', impressions),
            ('clicks', 'clicks', clicks),
        ]) }} as _type_errors,

        -- lineage
        _file,
        _row,
        _loaded_at,
        _batch_id

    from source

),

deduplicated as (

    {{ deduplicate(
        'renamed',
        partition_by='spend_id',
        order_by='_file desc, _row desc'
    ) }}

),

final as (

    select
        spend_id,
        spend_date,
        platform_raw,
        platform,
        campaign_id,
        campaign_name,
        utm_campaign,
        cost_amount,
        currency_code,
        impressions,
        clicks,
        _type_errors,
        _file,
        _row,
        _loaded_at,
        _batch_id,
        _version_count
    from deduplicated

)

select * from final
