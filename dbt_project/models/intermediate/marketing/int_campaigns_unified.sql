{#- One row per marketing campaign across systems. A Salesforce campaign and the Marketo program
    that syncs to it share a name, so the lower-cased name is the campaign_key that also joins
    touchpoints (campaign memberships carry it). The channel is the Marketo program's channel
    (finer: paid search vs paid social), else the Salesforce campaign type, mapped through seed
    marketing_channels. -#}

with

salesforce_campaigns as (

    select
        lower(trim(campaign_name)) as campaign_key,
        campaign_name,
        campaign_id,
        campaign_type,
        campaign_status,
        start_date,
        end_date,
        actual_cost,
        currency_iso_code
    from {{ ref('stg_salesforce__campaign') }}
    where campaign_name is not null

),

marketo_programs as (

    select
        lower(trim(program_name)) as campaign_key,
        program_name,
        program_id,
        channel as program_channel,
        created_at
    from {{ ref('stg_marketo__programs') }}
    where program_name is not null

),

channels as (

    select * from {{ ref('marketing_channels') }}

),

-- a name given to several records of one system keeps the lowest id
salesforce_named as (

    select
        campaign_key,
        min(campaign_id) as campaign_id
    from salesforce_campaigns
    group by campaign_key

),

marketo_named as (

    select
        campaign_key,
        min(program_id) as program_id
    from marketo_programs
    group by campaign_key

),

campaign_keys as (

    select campaign_key from salesforce_named
    union
    select campaign_key from marketo_named

),

final as (

    select
        campaign_keys.campaign_key,
        coalesce(salesforce_campaigns.campaign_name, marketo_programs.program_name) as campaign_name,
        salesforce_campaigns.campaign_id as salesforce_campaign_id,
        marketo_programs.program_id as marketo_program_id,
        salesforce_campaigns.campaign_type,
        marketo_programs.program_channel,
        coalesce(program_channels.channel, type_channels.channel, 'other') as channel,
        salesforce_campaigns.campaign_status,
        coalesce(salesforce_campaigns.start_date, cast(marketo_programs.created_at as date)) as start_date,
        salesforce_campaigns.end_date,
        salesforce_campaigns.actual_cost,
        salesforce_campaigns.currency_iso_code as cost_currency_code
    from campaign_keys
    left join salesforce_named
        on campaign_keys.campaign_key = salesforce_named.campaign_key
    left join salesforce_campaigns
        on salesforce_named.campaign_id = salesforce_campaigns.campaign_id
    left join marketo_named
        on campaign_keys.campaign_key = marketo_named.campaign_key
    left join marketo_programs
        on marketo_named.program_id = marketo_programs.program_id
    left join channels as program_channels
        on
            program_channels.source_kind = 'program_channel'
            and lower(marketo_programs.program_channel) = program_channels.source_value
    left join channels as type_channels
        on
            type_channels.source_kind = 'campaign_type'
            and lower(salesforce_campaigns.campaign_type) = type_channels.source_value

)

select * from final
