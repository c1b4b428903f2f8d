{#- fold_width_ascii(expr): only the full-width ASCII part of the width map (ＡＢＣ１２３＠．－
    and the ideographic space to ABC123@.- and a space), one translate(), no trimming. The cheap
    fold for values that are digits and punctuation (dates, numbers, emails). -#}
{% macro fold_width_ascii(expr) -%}
    {{ return(adapter.dispatch('fold_width_ascii', 'leadflow')(expr)) }}
{%- endmacro %}

{% macro default__fold_width_ascii(expr) -%}
    {%- set maps = leadflow.char_maps() -%}
    translate({{ expr }}, {{ leadflow.sql_string(maps.fullwidth_from) }}, {{ leadflow.sql_string(maps.fullwidth_to) }})
{%- endmacro %}

{#- DuckDB: translate() rebuilds its character map on every row (about 8 s per million
    non-ASCII values for this map), so DuckDB maps character by character with code-point
    arithmetic instead (about 1 s), and only for values holding a character of the map. The
    arithmetic is the same map as char_maps(): U+FF01..U+FF5E are U+0021..U+007E shifted by
    0xFEE0, U+3000 and U+00A0 are spaces, U+FF61..U+FF9F index into halfwidth_kana_to,
    U+FFE0..U+FFE6 into '¢£¬￣¦¥₩';
    test_stg_salesforce__user_width_every_character checks every mapped character. -#}
{% macro duckdb__fold_width_ascii(expr) -%}
    {%- set maps = leadflow.char_maps() -%}
    case
        when {{ leadflow.regexp_contains(expr, '[' ~ maps.fullwidth_from ~ ']') }}
            then array_to_string(list_transform(string_split({{ expr }}, ''), lambda c: {{ leadflow.duckdb_fold_char('c', kana=false) }}), '')
        else {{ expr }}
    end
{%- endmacro %}

{#- DuckDB: the folded form of the one character c (see above). With kana=true also the
    half-width katakana block, whose sound marks become the combining U+3099/U+309A so that
    nfc_normalize() can compose them with the preceding kana. -#}
{% macro duckdb_fold_char(c, kana=false) -%}
    {%- set maps = leadflow.char_maps() -%}
    case
        when {{ c }} between '！' and '～' then chr(unicode({{ c }}) - 65248)
        when {{ c }} in ('　', ' ') then ' '
        when {{ c }} between '￠' and '￦' then substr('¢£¬￣¦¥₩', unicode({{ c }}) - 65503, 1)
        {%- if kana %}
        when {{ c }} between '｡' and 'ﾟ' then substr({{ leadflow.sql_string(maps.halfwidth_kana_to | replace(maps.spacing_sound_marks, maps.combining_sound_marks)) }}, unicode({{ c }}) - 65376, 1)
        {%- endif %}
        else {{ c }}
    end
{%- endmacro %}
