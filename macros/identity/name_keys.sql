{#- Match keys for person names. A name is written in kanji, kana or Latin letters, and Latin
    spellings of one Japanese name differ in long vowels (Sato, Satoh, Satou) and in doubled
    consonants; a key folds those differences away so that equal keys mean "same name as far as
    the spelling can tell". Kanji cannot be read without a dictionary, so kanji keep their own
    key (variant forms folded) and meet Latin spellings only through a kana reading. -#}

{#- name_token_key(expr): the key of one name token, after normalize_person_name (idempotent, so
    raw and staged names give the same key):
      kana  -> Hepburn romaji, then romaji_key   (ヤマダ, ﾔﾏﾀﾞ, やまだ -> yamada)
      Latin -> accents folded, then romaji_key   (Satoh, ＳＡＴＯＵ, Sató -> sato)
      other -> kanji variants folded             (髙橋 -> 高橋, 渡邊 -> 渡辺)
    null when expr is null or blank. -#}
{% macro name_token_key(expr) -%}
    {%- set token = 'leadflow_name_token' -%}
    {%- set latin = leadflow.fold_latin_accents(token) -%}
    {%- set body -%}
    case
        when {{ leadflow.regexp_full_match(token, '[ァ-ヶー・]+') }}
            then {{ leadflow.romaji_key(leadflow.kana_to_romaji(token)) }}
        when {{ leadflow.regexp_full_match(latin, "[a-z' .-]+") }}
            then {{ leadflow.romaji_key(latin) }}
        else {{ leadflow.fold_kanji_variants(token) }}
    end
    {%- endset -%}
    {{ leadflow.bind(leadflow.normalize_person_name(expr), token, body) }}
{%- endmacro %}

{#- name_pair_key(a, b): an order-free key of two name tokens (family and given name in either
    order: 山田 太郎 and 太郎 山田 give the same key); null unless both are present. -#}
{% macro name_pair_key(a, b) -%}
    case
        when {{ a }} is not null and {{ b }} is not null
            then {{ dbt.concat(['least(' ~ a ~ ', ' ~ b ~ ')', "'|'", 'greatest(' ~ a ~ ', ' ~ b ~ ')']) }}
    end
{%- endmacro %}

{#- romaji_key(expr): Latin text (lower case, accents folded) reduced to letters, with the
    Hepburn spelling variants folded: ou and oh -> o (Satou, Satoh -> Sato), tch -> ch, then
    every run of one repeated letter collapsed (Oota -> Ota, Yuuko -> Yuko, Hattori -> Hatori).
    Both sides of a comparison go through the same folding, so over-folding only merges
    spellings, never splits them. -#}
{% macro romaji_key(expr) -%}
    {%- set letters = leadflow.regexp_replace_all(expr, '[^a-z]', '') -%}
    nullif({{ leadflow.collapse_repeated_characters("replace(replace(replace(" ~ letters ~ ", 'tch', 'ch'), 'ou', 'o'), 'oh', 'o')") }}, '')
{%- endmacro %}

{#- collapse_repeated_characters(expr): every run of one repeated character as one character
    (aabccc -> abc). No regex engine here has back-references, so the engines filter the
    characters with an index-aware lambda. -#}
{% macro collapse_repeated_characters(expr) -%}
    {{ return(adapter.dispatch('collapse_repeated_characters', 'leadflow')(expr)) }}
{%- endmacro %}

{% macro default__collapse_repeated_characters(expr) -%}
    {%- set text = 'leadflow_collapse_text' -%}
    {%- set body -%}
    array_join(filter(split({{ text }}, ''), (c, i) -> i = 0 or c != substr({{ text }}, i, 1)), '')
    {%- endset -%}
    {{ leadflow.bind(expr, text, body) }}
{%- endmacro %}

{% macro duckdb__collapse_repeated_characters(expr) -%}
    {%- set text = 'leadflow_collapse_text' -%}
    {%- set body -%}
    array_to_string(list_filter(string_split({{ text }}, ''), lambda c, i: i = 1 or c != substr({{ text }}, i - 1, 1)), '')
    {%- endset -%}
    {{ leadflow.bind(expr, text, body) }}
{%- endmacro %}

{#- fold_latin_accents(expr): lower-cased, accents removed (Lefèvre -> lefevre, Müller ->
    muller), as card scanners do. Only for Latin text: DuckDB's strip_accents also removes
    dakuten, so kana must never pass through it. -#}
{% macro fold_latin_accents(expr) -%}
    {{ return(adapter.dispatch('fold_latin_accents', 'leadflow')(expr)) }}
{%- endmacro %}

{% macro default__fold_latin_accents(expr) -%}
    translate(lower({{ expr }}), 'àáâãäåāèéêëēìíîïīòóôõöøōùúûüūýÿñçčšžłß', 'aaaaaaaeeeeeiiiiiooooooouuuuuyyncszlb')
{%- endmacro %}

{% macro duckdb__fold_latin_accents(expr) -%}
    strip_accents(lower({{ expr }}))
{%- endmacro %}

{#- kanji_variants(): variant (異体字) forms of kanji common in family names and the form they
    fold to; both occur for one person across systems (髙橋 on the business card, 高橋 in the CRM). -#}
{% macro kanji_variants() -%}
    {%- do return({
        "from": "髙邊邉齋齊斉﨑嵜濵濱澤櫻國廣關嶋德惠眞藏龍冨桒槗瀨萬",
        "to": "高辺辺斎斎斎崎崎浜浜沢桜国広関島徳恵真蔵竜富桑橋瀬万"
    }) -%}
{%- endmacro %}

{% macro fold_kanji_variants(expr) -%}
    {{ return(adapter.dispatch('fold_kanji_variants', 'leadflow')(expr)) }}
{%- endmacro %}

{% macro default__fold_kanji_variants(expr) -%}
    {%- set variants = leadflow.kanji_variants() -%}
    translate({{ expr }}, {{ leadflow.sql_string(variants.from) }}, {{ leadflow.sql_string(variants.to) }})
{%- endmacro %}

{#- DuckDB rebuilds translate()'s map on every row: translate only names holding a variant. -#}
{% macro duckdb__fold_kanji_variants(expr) -%}
    {%- set variants = leadflow.kanji_variants() -%}
    case
        when {{ leadflow.regexp_contains(expr, '[' ~ variants.from ~ ']') }}
            then translate({{ expr }}, {{ leadflow.sql_string(variants.from) }}, {{ leadflow.sql_string(variants.to) }})
        else {{ expr }}
    end
{%- endmacro %}
