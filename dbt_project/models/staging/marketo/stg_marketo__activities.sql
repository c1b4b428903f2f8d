{#- One row per Marketo activity (marketoGUID). Activities are immutable: a re-delivered
    activity collapses into one row, the latest delivery wins. attributes stays JSON text as
    delivered; intermediate models parse it. Incremental (the activity logs are most of the
    rows): a run stages the activities delivered since the last one and replaces them by id.
    The latest delivery is picked on the raw key and lineage columns alone, then joined back:
    ranking the full rows (macro deduplicate) holds the whole log and its JSON attributes in a
    window, which ran out of DuckDB's 6 GB at 1M people (29M activities). -#}
{{ config(
    materialized='incremental',
    unique_key='activity_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
) }}
{%- set activity_at = to_timestamp_flexible('activity_date') -%}
{%- set activity_type_id = to_number_flexible('activity_type_id', 'integer') -%}

{%- set activity_key = "nullif(trim(marketo_guid), '')" -%}
{%- set delivered = source('marketo', 'activities') -%}

with

source as (

    select * from {{ delivered }}
    {% if leadflow.incremental_batch() %}
        where {{ leadflow.delivered_since_last_build(delivered, activity_key) }}
    {% endif %}

),

-- every raw version's key and place in the deliveries, newest first per activity
latest_deliveries as (

    select
        _file,
        _row,
        _version_count
    from (
        select
            _file,
            _row,
            row_number() over (partition by {{ activity_key }} order by _file desc, _row desc) as _version_rank,
            count(*) over (partition by {{ activity_key }}) as _version_count
        from {{ delivered }}
        {% if leadflow.incremental_batch() %}
            where {{ leadflow.delivered_since_last_build(delivered, activity_key) }}
        {% endif %}
    ) as ranked_versions
    where _version_rank = 1

),

renamed as (

    select
        {{ activity_key }} as activity_id,
        nullif(trim(lead_id), '') as lead_id,
        {{ activity_at }} as activity_at,
        {{ activity_type_id }} as activity_type_id,
        nullif(trim(campaign_id), '') as campaign_id,
        nullif(trim(primary_attribute_value_id), '') as primary_attribute_value_id,
        primary_attribute_value,
        attributes,

        {{ type_errors([
            ('activity_date', 'activity_date', activity_at),
            ('activity_type_id', 'activity_type_id', activity_type_id),
        ]) }} as _type_errors,

        -- lineage
        _file,
        _row,
        _loaded_at,
        _batch_id

    from source

),

deduplicated as (

    select
        renamed.*,
        latest_deliveries._version_count
    from renamed
    inner join latest_deliveries
        on
            renamed._file = latest_deliveries._file
            and renamed._row = latest_deliveries._row

),

final as (

    select
        activity_id,
        lead_id,
        activity_at,
        activity_type_id,
        campaign_id,
        primary_attribute_value_id,
        primary_attribute_value,
        attributes,
        _type_errors,
        _file,
        _row,
        _loaded_at,
        _batch_id,
        _version_count,
        {{ leadflow.run_timestamp() }} as _staged_at
    from deduplicated

)

select * from final
