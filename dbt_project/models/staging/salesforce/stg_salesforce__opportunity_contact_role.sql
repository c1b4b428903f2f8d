{#- One row per opportunity contact role. The export has no modification stamp: the latest
    delivery wins. -#}
{{ config(
    materialized='incremental',
    unique_key='opportunity_contact_role_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.forget_when_delivered(source('salesforce', 'opportunity_contact_role')) }}",
) }}
{%- set is_primary = to_boolean_flexible('is_primary') -%}

with

source as (

    select * from {{ source('salesforce', 'opportunity_contact_role') }}
    where {{ leadflow.stage_when_emptied() }}

),

renamed as (

    select
        nullif(trim(id), '') as opportunity_contact_role_id,
        nullif(trim(opportunity_id), '') as opportunity_id,
        nullif(trim(contact_id), '') as contact_id,
        nullif(trim(role), '') as contact_role,
        coalesce({{ is_primary }}, false) as is_primary,

        {{ type_errors([
            ('is_primary', 'is_primary', is_primary),
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
        partition_by='opportunity_contact_role_id',
        order_by='_file desc, _row desc'
    ) }}

),

final as (

    select
        opportunity_contact_role_id,
        opportunity_id,
        contact_id,
        contact_role,
        is_primary,
        _type_errors,
        _file,
        _row,
        _loaded_at,
        _batch_id,
        _version_count
    from deduplicated

)

select * from final
