{#- normalize_person_name(expr): a person's name for matching: normalize_width() (ｶﾀｶﾅ ->
    カタカナ, ＴＡＲＯ -> TARO, spaces incl. ideographic collapsed and trimmed), hiragana folded to
    katakana (やまだ -> ヤマダ), latin lower-cased; null when blank. -#}
{% macro normalize_person_name(expr) -%}
    {{ return(adapter.dispatch('normalize_person_name', 'leadflow')(expr)) }}
{%- endmacro %}

{% macro default__normalize_person_name(expr) -%}
    {%- set maps = leadflow.char_maps() -%}
    lower(translate({{ leadflow.normalize_width(expr) }}, {{ leadflow.sql_string(maps.hiragana_from) }}, {{ leadflow.sql_string(maps.hiragana_to) }}))
{%- endmacro %}

{#- DuckDB: translate() rebuilds its map on every row, so hiragana (U+3041..U+3096, ゝゞ) are
    shifted to katakana by code point (+0x60, the same map as char_maps().hiragana_*), and only
    in names that hold hiragana. normalize_width is bound once (see bind). -#}
{% macro duckdb__normalize_person_name(expr) -%}
    {%- set maps = leadflow.char_maps() -%}
    {%- set width = 'leadflow_person_width' -%}
    {%- set body -%}
    lower(case
        when {{ leadflow.regexp_contains(width, '[' ~ maps.hiragana_from ~ ']') }}
            then array_to_string(list_transform(string_split({{ width }}, ''), lambda c: case
                when c between 'ぁ' and 'ゖ' or c in ('ゝ', 'ゞ') then chr(unicode(c) + 96)
                else c
            end), '')
        else {{ width }}
    end)
    {%- endset -%}
    {{ leadflow.bind(leadflow.normalize_width(expr), width, body) }}
{%- endmacro %}
