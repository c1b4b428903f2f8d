{#- kana_to_romaji(expr): Hepburn romaji of a katakana name (ヤマダ -> yamada, シュンスケ ->
    shunsuke, ハットリ -> hatori): a match key, not a transliteration for display, so ッ and ー
    are dropped (romaji_key collapses the doubled consonant and long vowel they would write).
    Small ャュョ join the syllable before (キャ -> kya, シャ -> sha, ジョ -> jo). -#}
{% macro kana_to_romaji(expr) -%}
    {{ return(adapter.dispatch('kana_to_romaji', 'leadflow')(expr)) }}
{%- endmacro %}

{#- Katakana U+30A1..U+30F6 in code-point order with their romaji; '~' marks a small ya/yu/yo
    still to be joined to the syllable before. -#}
{% macro katakana_romaji() -%}
    {%- do return([
        ["ァ", "a"], ["ア", "a"], ["ィ", "i"], ["イ", "i"], ["ゥ", "u"], ["ウ", "u"], ["ェ", "e"], ["エ", "e"],
        ["ォ", "o"], ["オ", "o"], ["カ", "ka"], ["ガ", "ga"], ["キ", "ki"], ["ギ", "gi"], ["ク", "ku"],
        ["グ", "gu"], ["ケ", "ke"], ["ゲ", "ge"], ["コ", "ko"], ["ゴ", "go"], ["サ", "sa"], ["ザ", "za"],
        ["シ", "shi"], ["ジ", "ji"], ["ス", "su"], ["ズ", "zu"], ["セ", "se"], ["ゼ", "ze"], ["ソ", "so"],
        ["ゾ", "zo"], ["タ", "ta"], ["ダ", "da"], ["チ", "chi"], ["ヂ", "ji"], ["ッ", ""], ["ツ", "tsu"],
        ["ヅ", "zu"], ["テ", "te"], ["デ", "de"], ["ト", "to"], ["ド", "do"], ["ナ", "na"], ["ニ", "ni"],
        ["ヌ", "nu"], ["ネ", "ne"], ["ノ", "no"], ["ハ", "ha"], ["バ", "ba"], ["パ", "pa"], ["ヒ", "hi"],
        ["ビ", "bi"], ["ピ", "pi"], ["フ", "fu"], ["ブ", "bu"], ["プ", "pu"], ["ヘ", "he"], ["ベ", "be"],
        ["ペ", "pe"], ["ホ", "ho"], ["ボ", "bo"], ["ポ", "po"], ["マ", "ma"], ["ミ", "mi"], ["ム", "mu"],
        ["メ", "me"], ["モ", "mo"], ["ャ", "~a"], ["ヤ", "ya"], ["ュ", "~u"], ["ユ", "yu"], ["ョ", "~o"],
        ["ヨ", "yo"], ["ラ", "ra"], ["リ", "ri"], ["ル", "ru"], ["レ", "re"], ["ロ", "ro"], ["ヮ", "wa"],
        ["ワ", "wa"], ["ヰ", "i"], ["ヱ", "e"], ["ヲ", "o"], ["ン", "n"], ["ヴ", "vu"], ["ヵ", "ka"],
        ["ヶ", "ke"]
    ]) -%}
{%- endmacro %}

{#- The small ya/yu/yo join: shi~a -> sha, chi~a -> cha, ji~a -> ja, ki~a -> kya. -#}
{% macro kana_join_small_y(expr) -%}
    replace(replace(replace(replace(replace({{ expr }}, 'shi~', 'sh'), 'chi~', 'ch'), 'ji~', 'j'), 'i~', 'y'), '~', 'y')
{%- endmacro %}

{#- Portable: one replace() per kana (ー and ・ dropped first). -#}
{% macro default__kana_to_romaji(expr) -%}
    {%- set ns = namespace(sql="replace(replace(" ~ expr ~ ", 'ー', ''), '・', '')") -%}
    {%- for pair in leadflow.katakana_romaji() -%}
        {%- set ns.sql = 'replace(' ~ ns.sql ~ ', ' ~ leadflow.sql_string(pair[0]) ~ ', ' ~ leadflow.sql_string(pair[1]) ~ ')' -%}
    {%- endfor -%}
    {{ leadflow.kana_join_small_y(ns.sql) }}
{%- endmacro %}

{#- DuckDB: one list lookup per character by code point (86 nested replace() calls are too deep
    for sqlfluff's parser); characters outside the block (ー, ・) map to ''. -#}
{% macro duckdb__kana_to_romaji(expr) -%}
    {%- set table = leadflow.katakana_romaji() -%}
    {%- set romaji = [] -%}
    {%- for pair in table -%}
        {%- do romaji.append(leadflow.sql_string(pair[1])) -%}
    {%- endfor -%}
    {%- set lookup -%}
        array_to_string(list_transform(string_split({{ expr }}, ''), lambda c: case
            when c between {{ leadflow.sql_string(table[0][0]) }} and {{ leadflow.sql_string(table[-1][0]) }}
                then [{{ romaji | join(', ') }}][unicode(c) - 12448]
            else ''
        end), '')
    {%- endset -%}
    {{ leadflow.kana_join_small_y(lookup) }}
{%- endmacro %}
