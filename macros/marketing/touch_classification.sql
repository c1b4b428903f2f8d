{#- excluded_touch_types(): the SQL string literals of var('attribution_excluded_event_types'),
    the event types that take no attribution credit. -#}
{% macro excluded_touch_types() -%}
    {%- set excluded = [] -%}
    {%- for event_type in var('attribution_excluded_event_types') -%}
        {%- do excluded.append(sql_string(event_type)) -%}
    {%- endfor -%}
    {{ return(excluded) }}
{%- endmacro %}

{#- touch_classification_lookups(): a scalar subquery fingerprinting everything
    int_touchpoints_classified reads besides the touches: each campaign's key, name and channel,
    seed marketing_channels and the excluded event types. Another value means every stored
    classification may be stale. -#}
{% macro touch_classification_lookups() -%}
    (
        select
            {{ dbt.concat([
                'campaign_lookup.fingerprint', "'|'", 'channel_lookup.fingerprint', "'|'",
                sql_string(var('attribution_excluded_event_types') | join(',')),
            ]) }}
        from (
            select {{ leadflow.unordered_hash(['campaign_key', 'campaign_name', 'channel']) }} as fingerprint
            from {{ ref('int_campaigns_unified') }}
        ) as campaign_lookup
        cross join (
            select {{ leadflow.unordered_hash(['source_kind', 'source_value', 'channel']) }} as fingerprint
            from {{ ref('marketing_channels') }}
        ) as channel_lookup
    )
{%- endmacro %}
