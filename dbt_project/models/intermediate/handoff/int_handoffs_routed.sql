{#- To whom each handoff goes: the owner of the person's account when the account has one
    (dim_account, Salesforce or HubSpot), else the first territory rule (seed
    handoff_territory_rules, lowest priority) matching the person's region, country and
    prefecture. The matching territory rule also names the calendar region whose business hours
    and holidays time the SLA: an account owner sells in the person's territory. -#}

with

handoffs as (

    select
        person_id,
        as_of_at
    from {{ ref('int_handoffs_identified') }}

),

persons as (

    select
        person_id,
        account_id,
        coalesce(geo_region, 'UNKNOWN') as geo_region,
        country_code
    from {{ ref('dim_person') }}

),

accounts as (

    select
        account_id,
        account_name,
        owner_id,
        owner_source_system
    from {{ ref('dim_account') }}

),

prefectures as (

    select
        person_id,
        prefecture_code
    from {{ ref('int_person_prefectures_resolved') }}

),

territory_rules as (

    select
        priority,
        region,
        country_code,
        prefecture_code,
        queue_id,
        queue_name,
        owner_id,
        owner_source_system,
        calendar_region
    from {{ ref('handoff_territory_rules') }}

),

owner_names as (

    select
        'salesforce' as owner_source_system,
        user_id as owner_id,
        user_name as owner_name
    from {{ ref('stg_salesforce__user') }}

    union all

    -- Japanese order (family name first), as the Japan team writes its owners
    select
        'hubspot' as owner_source_system,
        owner_id,
        trim({{ dbt.concat(["coalesce(last_name, '')", "' '", "coalesce(first_name, '')"]) }}) as owner_name
    from {{ ref('stg_hubspot__owners') }}

),

territories as (

    select
        handoffs.person_id,
        territory_rules.queue_id,
        territory_rules.queue_name,
        territory_rules.owner_id,
        territory_rules.owner_source_system,
        territory_rules.calendar_region,
        row_number() over (
            partition by handoffs.person_id
            order by territory_rules.priority
        ) as rule_rank
    from handoffs
    inner join persons
        on handoffs.person_id = persons.person_id
    left join prefectures
        on handoffs.person_id = prefectures.person_id
    inner join territory_rules
        on
            (persons.geo_region = territory_rules.region or territory_rules.region = '*')
            and (persons.country_code = territory_rules.country_code or territory_rules.country_code is null)
            and (
                prefectures.prefecture_code = territory_rules.prefecture_code
                or territory_rules.prefecture_code is null
            )

),

routed as (

    select
        handoffs.person_id,
        persons.geo_region,
        persons.country_code,
        prefectures.prefecture_code,
        persons.account_id,
        accounts.account_name,
        case when accounts.owner_id is not null then 'account_owner' else 'territory' end as routed_by,
        coalesce(accounts.owner_id, territories.owner_id) as owner_id,
        case
            when accounts.owner_id is not null then accounts.owner_source_system
            else territories.owner_source_system
        end as owner_source_system,
        territories.queue_id,
        territories.queue_name,
        territories.calendar_region
    from handoffs
    inner join persons
        on handoffs.person_id = persons.person_id
    left join accounts
        on persons.account_id = accounts.account_id
    left join prefectures
        on handoffs.person_id = prefectures.person_id
    left join territories
        on handoffs.person_id = territories.person_id and territories.rule_rank = 1

),

final as (

    select
        routed.person_id,
        routed.geo_region,
        routed.country_code,
        routed.prefecture_code,
        routed.account_id,
        routed.account_name,
        routed.routed_by,
        routed.owner_id,
        routed.owner_source_system,
        owner_names.owner_name,
        routed.queue_id,
        routed.queue_name,
        routed.calendar_region
    from routed
    left join owner_names
        on
            routed.owner_id = owner_names.owner_id
            and routed.owner_source_system = owner_names.owner_source_system

)

select * from final
