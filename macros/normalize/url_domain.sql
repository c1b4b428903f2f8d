{#- url_domain(expr): the host of a website URL for matching, lower-cased, without scheme,
    credentials, port, path or a leading www.: 'https://www.Example.co.jp/about' -> example.co.jp;
    null when no dotted host is left. -#}
{% macro url_domain(expr) -%}
    {{ return(adapter.dispatch('url_domain', 'leadflow')(expr)) }}
{%- endmacro %}

{% macro default__url_domain(expr) -%}
    {%- set text = 'lower(trim(' ~ leadflow.fold_width_ascii(expr) ~ '))' -%}
    {%- set without_scheme = leadflow.regexp_replace_all(text, '^[a-z][a-z0-9+.-]*://', '') -%}
    {%- set cut = leadflow.regexp_replace_all(leadflow.regexp_replace_all(without_scheme, '[/?#].*$', ''), '^.*@|:[0-9]*$', '') -%}
    {%- set bare = leadflow.regexp_replace_all(cut, '^www[0-9]*[.]', '') -%}
    case
        when {{ leadflow.regexp_full_match(bare, '[a-z0-9-]+([.][a-z0-9-]+)+') }} then {{ bare }}
    end
{%- endmacro %}
