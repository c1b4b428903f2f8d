{#- Every spend line in its own currency and in the reporting currency, converted at the FX rate
    of the spend date (the latest earlier rate when that day has none; fx_rate_holds). Two
    sources: daily ad-platform spend, and the ActualCost of Salesforce campaigns (dated at the
    campaign's start). An ad campaign belongs to the CRM campaign named like its utm_campaign
    ('search_dedupe_jp', or '<prefix> - search_dedupe_jp' as 'Paid - search_dedupe_jp'), else it
    is a campaign of its own; a campaign that ad spend maps to contributes no ActualCost, so
    the daily platform spend is not counted twice. Ad lines whose cost did not parse (staging
    lists them in _type_errors) carry no amount and are left out. -#}

with

ads as (

    select
        spend_id,
        spend_date,
        platform,
        lower(coalesce(utm_campaign, campaign_name)) as ad_campaign_key,
        coalesce(utm_campaign, campaign_name) as ad_campaign_name,
        cost_amount,
        currency_code
    from {{ ref('stg_ads__spend') }}
    where cost_amount is not null

),

campaigns as (

    select * from {{ ref('int_campaigns_unified') }}

),

channels as (

    select * from {{ ref('marketing_channels') }}

),

ad_campaign_keys as (

    select distinct ad_campaign_key from ads

),

-- several CRM campaigns ending in the same utm_campaign: the lowest key wins, deterministically
ad_campaigns_matched as (

    select
        ad_campaign_keys.ad_campaign_key,
        min(campaigns.campaign_key) as campaign_key
    from ad_campaign_keys
    inner join campaigns
        on
            ad_campaign_keys.ad_campaign_key = campaigns.campaign_key
            or {{ dbt.right('campaigns.campaign_key', 'length(ad_campaign_keys.ad_campaign_key) + 3') }}
            = {{ dbt.concat(["' - '", 'ad_campaign_keys.ad_campaign_key']) }}
    group by ad_campaign_keys.ad_campaign_key

),

ad_spend as (

    select
        ads.spend_id,
        'ads' as spend_source,
        ads.spend_date,
        coalesce(ad_campaigns_matched.campaign_key, ads.ad_campaign_key) as campaign_key,
        coalesce(campaigns.campaign_name, ads.ad_campaign_name) as campaign_name,
        coalesce(campaigns.channel, platform_channels.channel, 'other') as channel,
        ads.cost_amount,
        ads.currency_code
    from ads
    left join ad_campaigns_matched
        on ads.ad_campaign_key = ad_campaigns_matched.ad_campaign_key
    left join campaigns
        on ad_campaigns_matched.campaign_key = campaigns.campaign_key
    left join channels as platform_channels
        on
            platform_channels.source_kind = 'ad_platform'
            and ads.platform = platform_channels.source_value

),

campaign_spend as (

    select
        {{ surrogate_key(["'salesforce_campaign'", 'salesforce_campaign_id']) }} as spend_id,
        'campaign_actual_cost' as spend_source,
        start_date as spend_date,
        campaign_key,
        campaign_name,
        channel,
        actual_cost as cost_amount,
        cost_currency_code as currency_code
    from campaigns
    where
        actual_cost is not null
        and salesforce_campaign_id is not null
        and campaign_key not in (
            select ad_matches.campaign_key from ad_campaigns_matched as ad_matches
        )

),

spend as (

    select * from ad_spend
    union all
    select * from campaign_spend

),

final as (

    select
        spend.spend_id,
        spend.spend_source,
        spend.spend_date,
        spend.campaign_key,
        spend.campaign_name,
        spend.channel,
        coalesce(currencies.home_region, 'UNKNOWN') as region,
        spend.cost_amount,
        spend.currency_code,
        fx.rate_to_reporting as fx_rate,
        fx.valid_from as fx_valid_from,
        {{ sql_string(var('reporting_currency')) }} as reporting_currency,
        spend.cost_amount * fx.rate_to_reporting as spend_amount
    from spend
    left join {{ ref('int_fx_rates_ranged') }} as fx
        on {{ fx_rate_holds('fx', 'spend.currency_code', 'spend.spend_date') }}
    left join {{ ref('marketing_currencies') }} as currencies
        on spend.currency_code = currencies.currency_code

)

select * from final
