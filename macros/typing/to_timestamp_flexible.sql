{#- to_timestamp_flexible(expr): a UTC, time-zone-naive timestamp from the date/time notations
    found in MA/CRM exports; null when nothing parses (never an error).
    Accepted (full-width digits and punctuation too, surrounding spaces ignored):
      ISO 8601 with T or space, optional seconds and fraction, and Z / +09:00 / +0900 / -05
        (converted to UTC; without an offset the text is taken as UTC already)
      YYYY-MM-DD[ HH:MM[:SS]]   YYYY/MM/DD[ HH:MM[:SS]]   YYYY年MM月DD日[ HH:MM[:SS]]
      MM/DD/YYYY[ HH:MM[:SS]]   (US order whenever the year comes last)
      13-digit epoch milliseconds (HubSpot)
-#}
{% macro to_timestamp_flexible(expr) -%}
    {{ return(adapter.dispatch('to_timestamp_flexible', 'leadflow')(expr)) }}
{%- endmacro %}

{#- the text every engine starts from: width-folded, trimmed, 年/月 -> '-', 日 dropped -#}
{% macro flexible_timestamp_text(expr) -%}
    trim(replace(replace(replace({{ leadflow.fold_width_ascii(expr) }}, '年', '-'), '月', '-'), '日', ''))
{%- endmacro %}

{#- regexes shared by the dispatched versions (no backslashes: portable literal escaping) -#}
{% macro flexible_timestamp_patterns() -%}
    {%- do return({
        "epoch_ms": "[0-9]{13}",
        "us": "[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}",
        "us_time": "[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}[ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?",
        "ymd_offset": "[0-9]{4}[-/][0-9]{1,2}[-/][0-9]{1,2}[T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)? ?([zZ]|[+-][0-9]{2}(:?[0-9]{2})?)",
        "ymd": "[0-9]{4}[-/][0-9]{1,2}[-/][0-9]{1,2}([T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?)?",
        "iso_offset": "[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?([zZ]|[+-][0-9]{2}(:?[0-9]{2})?)",
        "iso": "[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?)?"
    }) -%}
{%- endmacro %}

{% macro default__to_timestamp_flexible(expr) -%}
    {#- ISO-ish text only on engines without a dedicated version -#}
    {%- set text = leadflow.flexible_timestamp_text(expr) -%}
    {%- set p = leadflow.flexible_timestamp_patterns() -%}
    case
        when {{ leadflow.regexp_full_match(text, p.ymd) }}
            then {{ leadflow.try_cast("replace(replace(" ~ text ~ ", '/', '-'), 'T', ' ')", 'timestamp') }}
    end
{%- endmacro %}

{% macro duckdb__to_timestamp_flexible(expr) -%}
    {%- set text = 'leadflow_ts_text' -%}
    {%- set dashed = "replace(" ~ text ~ ", '/', '-')" -%}
    {%- set p = leadflow.flexible_timestamp_patterns() -%}
    {#- the notations exclude each other; the most frequent (API exports) are tested first -#}
    {%- set body -%}
    case
        when {{ leadflow.regexp_full_match(text, p.ymd_offset) }}
            then timezone('UTC', try_cast(replace({{ dashed }}, ',', '.') as timestamptz))
        when {{ leadflow.regexp_full_match(text, p.ymd) }}
            then try_cast({{ dashed }} as timestamp)
        when {{ leadflow.regexp_full_match(text, p.epoch_ms) }}
            then epoch_ms(cast({{ text }} as bigint))
        when {{ leadflow.regexp_full_match(text, p.us) }}
            then try_strptime({{ text }}, '%m/%d/%Y')
        when {{ leadflow.regexp_full_match(text, p.us_time) }}
            then try_strptime(replace({{ text }}, 'T', ' '), ['%m/%d/%Y %H:%M:%S', '%m/%d/%Y %H:%M'])
    end
    {%- endset -%}
    {#- plain ISO 8601 (iso_offset, iso: subsets of ymd_offset and ymd without full-width
        characters, spaces around, slashes or commas) needs none of the normalization bound
        above and gives the same value: 3x faster over 5M Marketo activity dates -#}
    case
        when {{ leadflow.regexp_full_match(expr, p.iso_offset) }}
            then timezone('UTC', try_cast({{ expr }} as timestamptz))
        when {{ leadflow.regexp_full_match(expr, p.iso) }}
            then try_cast({{ expr }} as timestamp)
        else {{ leadflow.bind(leadflow.flexible_timestamp_text(expr), text, body) }}
    end
{%- endmacro %}

{% macro spark__to_timestamp_flexible(expr) -%}
    {#- Spark 3.5: string casts are lenient about one-digit fields; instants (epoch, offsets)
        are read as session-zone TIMESTAMP and shifted to a UTC TIMESTAMP_NTZ. -#}
    {%- set text = leadflow.flexible_timestamp_text(expr) -%}
    {%- set dashed = "replace(" ~ text ~ ", '/', '-')" -%}
    {%- set p = leadflow.flexible_timestamp_patterns() -%}
    case
        when {{ leadflow.regexp_full_match(text, p.epoch_ms) }}
            then convert_timezone(current_timezone(), 'UTC', cast(timestamp_millis(cast({{ text }} as bigint)) as timestamp_ntz))
        when {{ leadflow.regexp_full_match(text, p.us) }}
            then cast(try_to_timestamp({{ text }}, 'M/d/yyyy') as timestamp_ntz)
        when {{ leadflow.regexp_full_match(text, p.us_time) }}
            then cast(coalesce(
                try_to_timestamp(replace({{ text }}, 'T', ' '), 'M/d/yyyy H:mm:ss'),
                try_to_timestamp(replace({{ text }}, 'T', ' '), 'M/d/yyyy H:mm')
            ) as timestamp_ntz)
        when {{ leadflow.regexp_full_match(text, p.ymd_offset) }}
            then convert_timezone(current_timezone(), 'UTC', cast(try_cast(replace({{ dashed }}, ',', '.') as timestamp_ltz) as timestamp_ntz))
        when {{ leadflow.regexp_full_match(text, p.ymd) }}
            then try_cast({{ dashed }} as timestamp_ntz)
    end
{%- endmacro %}
