{#- normalize_email(expr): width-folded (ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ), trimmed, lower-cased;
    null when blank or not of the form local@domain.tld (ASCII local part and domain). -#}
{% macro normalize_email(expr) -%}
    {{ return(adapter.dispatch('normalize_email', 'leadflow')(expr)) }}
{%- endmacro %}

{% macro default__normalize_email(expr) -%}
    {%- set text = 'leadflow_email_text' -%}
    {%- set body -%}
    case
        when {{ leadflow.regexp_full_match(text, "[a-z0-9!#$%&'*+/=?^_{|}~.-]+@[a-z0-9]([a-z0-9-]*[a-z0-9])?([.][a-z0-9]([a-z0-9-]*[a-z0-9])?)*[.][a-z]{2,}") }}
            then {{ text }}
    end
    {%- endset -%}
    {{ leadflow.bind('lower(trim(' ~ leadflow.fold_width_ascii(expr) ~ '))', text, body) }}
{%- endmacro %}


{#- email_domain(expr): the part after @ of an email already passed through normalize_email -#}
{% macro email_domain(expr) -%}
    {{ return(adapter.dispatch('email_domain', 'leadflow')(expr)) }}
{%- endmacro %}

{% macro default__email_domain(expr) -%}
    nullif({{ dbt.split_part(expr, "'@'", 2) }}, '')
{%- endmacro %}


{#- email_local_canonical(expr): the local part of a normalized email without its +tag
    (plus-addressing): taro+events@example.com -> taro. Dots are kept: only some providers
    ignore them. -#}
{% macro email_local_canonical(expr) -%}
    {{ return(adapter.dispatch('email_local_canonical', 'leadflow')(expr)) }}
{%- endmacro %}

{% macro default__email_local_canonical(expr) -%}
    nullif({{ dbt.split_part(dbt.split_part(expr, "'@'", 1), "'+'", 1) }}, '')
{%- endmacro %}
