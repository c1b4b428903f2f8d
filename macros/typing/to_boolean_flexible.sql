{#- to_boolean_flexible(expr): true/false from the spellings exports use, English and Japanese
    (case, width and surrounding spaces ignored); null for anything else, blank included. -#}
{% macro to_boolean_flexible(expr) -%}
    {{ return(adapter.dispatch('to_boolean_flexible', 'leadflow')(expr)) }}
{%- endmacro %}

{% macro boolean_words() -%}
    {%- do return({
        "true": ["true", "t", "1", "yes", "y", "はい", "有", "あり", "有り", "○", "◯", "〇"],
        "false": ["false", "f", "0", "no", "n", "いいえ", "無", "なし", "無し", "×", "✕"]
    }) -%}
{%- endmacro %}

{% macro default__to_boolean_flexible(expr) -%}
    {%- set text = 'lower(trim(' ~ leadflow.fold_width_ascii(expr) ~ '))' -%}
    {%- set words = leadflow.boolean_words() -%}
    case
        when {{ text }} in ({% for w in words.true %}{{ leadflow.sql_string(w) }}{{ ", " if not loop.last }}{% endfor %}) then true
        when {{ text }} in ({% for w in words.false %}{{ leadflow.sql_string(w) }}{{ ", " if not loop.last }}{% endfor %}) then false
    end
{%- endmacro %}
