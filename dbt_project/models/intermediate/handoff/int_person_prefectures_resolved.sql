{#- The prefecture (JIS X 0401 code) of each person, for territory routing: the newest source
    record naming one, from a trade-show badge scan's prefecture or a Salesforce lead's or
    HubSpot contact's state written as 東京都, 東京 or Tokyo (seed prefectures). -#}

with

bridge as (

    select
        source_system,
        source_object,
        source_record_id,
        person_id
    from {{ ref('bridge_person_records') }}

),

prefectures as (

    select
        jis_code,
        name_ja,
        name_en
    from {{ ref('prefectures') }}

),

prefecture_names as (

    {{ prefecture_name_variants('prefectures') }}

),

stated as (

    select
        'salesforce' as source_system,
        'lead' as source_object,
        lead_id as source_record_id,
        state,
        modified_at as recorded_at
    from {{ ref('stg_salesforce__lead') }}
    where state is not null

    union all

    select
        'hubspot' as source_system,
        'contacts' as source_object,
        contact_id as source_record_id,
        state,
        modified_at as recorded_at
    from {{ ref('stg_hubspot__contacts') }}
    where state is not null

),

recorded as (

    select
        stated.source_system,
        stated.source_object,
        stated.source_record_id,
        prefecture_names.jis_code as prefecture_code,
        stated.recorded_at
    from stated
    inner join prefecture_names
        on lower(trim(stated.state)) = prefecture_names.prefecture_name

    union all

    select
        'events' as source_system,
        'badge_scans' as source_object,
        badge_scan_id as source_record_id,
        prefecture_code,
        captured_at as recorded_at
    from {{ ref('stg_events__badge_scans') }}
    where prefecture_code is not null

),

ranked as (

    select
        bridge.person_id,
        recorded.prefecture_code,
        recorded.source_system,
        row_number() over (
            partition by bridge.person_id
            order by recorded.recorded_at desc, recorded.source_system asc, recorded.source_record_id asc
        ) as recency
    from recorded
    inner join bridge
        on
            recorded.source_system = bridge.source_system
            and recorded.source_object = bridge.source_object
            and recorded.source_record_id = bridge.source_record_id

),

final as (

    select
        person_id,
        prefecture_code,
        source_system as prefecture_source_system
    from ranked
    where recency = 1

)

select * from final
