{#- normalize_phone_e164(expr, default_country_code=var('default_phone_country_code')):
    '+<country code><national number>' from what people type: '+81 3-1234-5678',
    '03-1234-5678', '０３（１２３４）５６７８', '(415) 555-0100', '+81 (0)3 1234 5678'.
    - A number written with + keeps its country code (a trunk 0 written after +81 is dropped).
    - Otherwise the default country code is put in front and the national trunk 0 dropped
      (pass default_country_code='1' for a US-only source).
    - An extension after 内線 / ext is ignored.
    - null when the result has fewer than 10 or more than 15 digits (E.164 allows 15). -#}
{% macro normalize_phone_e164(expr, default_country_code=none) -%}
    {%- set country_code = (var('default_phone_country_code') if default_country_code is none else default_country_code) | string -%}
    {{ return(adapter.dispatch('normalize_phone_e164', 'leadflow')(expr, country_code)) }}
{%- endmacro %}

{% macro default__normalize_phone_e164(expr, default_country_code) -%}
    {%- set cc = default_country_code | replace("'", "") -%}
    {#- t: width-folded lower-case text; d: its digits, with a leading + when t starts with one
        (extension after 内線/ext cut off); n: country code and national number. Each is bound
        once (see bind) so no step is written or computed twice. -#}
    {%- set without_extension = leadflow.regexp_replace_all('leadflow_phone_t', '(内線|ext).*$', '') -%}
    {%- set signed_digits -%}
        case when trim(leadflow_phone_t) like '+%' then '+' else '' end
        || {{ leadflow.regexp_replace_all(without_extension, '[^0-9]', '') }}
    {%- endset -%}
    {%- set number -%}
        case
            when leadflow_phone_d like '+810%' then '81' || substr(leadflow_phone_d, 5)
            when leadflow_phone_d like '+%' then substr(leadflow_phone_d, 2)
            when leadflow_phone_d like '0%' then '{{ cc }}' || substr(leadflow_phone_d, 2)
            else '{{ cc }}' || leadflow_phone_d
        end
    {%- endset -%}
    {%- set e164 = "case when length(leadflow_phone_n) between 10 and 15 then '+' || leadflow_phone_n end" -%}
    {{ leadflow.bind('lower(' ~ leadflow.fold_width_ascii(expr) ~ ')', 'leadflow_phone_t',
        leadflow.bind(signed_digits, 'leadflow_phone_d',
            leadflow.bind(number, 'leadflow_phone_n', e164))) }}
{%- endmacro %}
