{#- email_local_parts_relation(a, b): how two local parts of work emails at one domain relate:
      'same'       equal
      'typo'       one edit apart, not only in digits (tanaka / tanka: a dropped letter)
      'near'       two edits apart, not only in digits (two typos of one address: syamagchi /
                   syaaguchi): neither evidence nor a conflict
      'different'  anything else, and any difference in digits only (tanaka / tanaka2: the
                   second Tanaka of a company gets a number, so that is another person)
    The fuzzy person rules accept 'typo' as evidence and veto a pair on 'different'. -#}
{% macro email_local_parts_relation(a, b) -%}
    case
        when {{ a }} = {{ b }} then 'same'
        when translate({{ a }}, '0123456789', '') = translate({{ b }}, '0123456789', '') then 'different'
        when {{ leadflow.edit_distance(a, b) }} = 1 then 'typo'
        when {{ leadflow.edit_distance(a, b) }} = 2 then 'near'
        else 'different'
    end
{%- endmacro %}

{#- email_local_name_key(expr): the name a work address spells, as a name key: a local part of
    exactly two Latin words of two letters or more (keiko.watanabe, watanabe_keiko, k-tanaka does
    not count) gives name_pair_key of their romaji keys. It lets a record whose name is written in
    kanji (渡辺 恵子, keiko.watanabe@) meet the records that spell the name in Latin letters. -#}
{% macro email_local_name_key(expr) -%}
    {%- set local = 'leadflow_email_local' -%}
    {%- set first = leadflow.romaji_key(dbt.split_part("translate(" ~ local ~ ", '_-', '..')", "'.'", 1)) -%}
    {%- set second = leadflow.romaji_key(dbt.split_part("translate(" ~ local ~ ", '_-', '..')", "'.'", 2)) -%}
    {%- set body -%}
    case
        when {{ leadflow.regexp_full_match(local, '[a-z]{2,}[._-][a-z]{2,}') }}
            then {{ leadflow.name_pair_key(first, second) }}
    end
    {%- endset -%}
    {{ leadflow.bind(expr, local, body) }}
{%- endmacro %}
