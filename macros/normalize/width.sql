{#- normalize_width(expr): full-width ASCII letters, digits and punctuation to half width,
    half-width katakana to full width (ｶﾞ -> ガ, ﾊﾟ -> パ composed), ideographic and no-break
    spaces to spaces, whitespace runs collapsed to one space, trimmed; null when nothing is left.
    The maps live in char_maps() (macros/normalize/char_maps.sql). -#}
{% macro normalize_width(expr) -%}
    {{ return(adapter.dispatch('normalize_width', 'leadflow')(expr)) }}
{%- endmacro %}

{#- Portable version: the two-character sequences (ｶﾞ, ﾊﾟ, ...) are replaced first, one
    replace() each, then one translate() does the 1:1 map (which would otherwise split ｶﾞ into
    カ゛). -#}
{% macro default__normalize_width(expr) -%}
    {%- set maps = leadflow.char_maps() -%}
    {%- set ns = namespace(sql=expr) -%}
    {%- for pair in maps.halfwidth_kana_sequences -%}
        {%- set ns.sql = 'replace(' ~ ns.sql ~ ', ' ~ leadflow.sql_string(pair[0]) ~ ', ' ~ leadflow.sql_string(pair[1]) ~ ')' -%}
    {%- endfor -%}
    {%- set translated = 'translate(' ~ ns.sql ~ ', '
        ~ leadflow.sql_string(maps.fullwidth_from ~ maps.halfwidth_kana_from) ~ ', '
        ~ leadflow.sql_string(maps.fullwidth_to ~ maps.halfwidth_kana_to) ~ ')' -%}
    nullif(trim({{ leadflow.regexp_replace_all(translated, '\\s+', ' ') }}), '')
{%- endmacro %}

{#- DuckDB: same result without the 28 nested replace() calls (too deep for sqlfluff's parser)
    and without translate(), which DuckDB rebuilds on every row: each character is mapped by
    duckdb_fold_char() (half-width ﾞﾟ to the combining marks U+3099/U+309A), nfc_normalize()
    composes カ + U+3099 into ガ exactly as the sequence list would, and a lone mark left over
    becomes the spacing ゛/゜ as in the portable version. Values without a character of the map
    skip all of it. -#}
{% macro duckdb__normalize_width(expr) -%}
    {%- set maps = leadflow.char_maps() -%}
    {%- set folded -%}
        case
            when {{ leadflow.regexp_contains(expr, '[' ~ maps.fullwidth_from ~ maps.halfwidth_kana_from ~ ']') }}
                then replace(replace(nfc_normalize(array_to_string(list_transform(string_split({{ expr }}, ''), lambda c: {{ leadflow.duckdb_fold_char('c', kana=true) }}), '')), {{ leadflow.sql_string(maps.combining_sound_marks[0]) }}, {{ leadflow.sql_string(maps.spacing_sound_marks[0]) }}), {{ leadflow.sql_string(maps.combining_sound_marks[1]) }}, {{ leadflow.sql_string(maps.spacing_sound_marks[1]) }})
            else {{ expr }}
        end
    {%- endset -%}
    nullif(trim({{ leadflow.regexp_replace_all(folded, '\\s+', ' ') }}), '')
{%- endmacro %}
