{{ config(
    materialized='incremental',
    unique_key='owner_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_when_delivered(source('hubspot', 'owners')) }}",
) }}
with

source as (

    select * from {{ source('hubspot', 'owners') }}
    where {{ leadflow.stage_when_emptied() }}

),

renamed as (

    select
        nullif(trim(id), '') as owner_id,
        email as email_raw,
        {{ normalize_email('email') }} as email,
        {{ normalize_width('first_name') }} as first_name,
        {{ normalize_width('last_name') }} as last_name,
        teams as teams_json,

        {{ type_errors([
            ('email', 'email', normalize_email('email')),
        ]) }} as _type_errors,

        -- lineage
        _file,
        _row,
        _loaded_at,
        _batch_id

    from source

),

-- the owners export carries no modification stamp: the newest delivery wins
deduplicated as (

    {{ deduplicate(
        'renamed',
        partition_by='owner_id',
        order_by='_file desc, _row desc'
    ) }}

),

final as (

    select
        owner_id,
        email_raw,
        email,
        first_name,
        last_name,
        teams_json,
        _type_errors,
        _file,
        _row,
        _loaded_at,
        _batch_id,
        _version_count
    from deduplicated

)

select * from final
