{#- company_match_key(expr): the company key account resolution compares: normalize_company_name
    after also removing the legal forms it does not know (AG, SA, SAS, AB, B.V., N.V., S.L.,
    S.p.A., S.r.l., Ltda., Pvt., Pty.) and a trailing Japan / ジャパン of a Japanese subsidiary
    (Helios Japan K.K. and Helios Inc. are one account). expr is a width-normalized name. -#}
{% macro company_match_key(expr) -%}
    {%- set spaced = "translate(lower(" ~ expr ~ "), '.,', '  ')" -%}
    {%- set without_forms = leadflow.regexp_replace_all(spaced, '\\b(ag|sa|sas|ab|b v|bv|n v|nv|s l|sl|s p a|spa|s r l|srl|ltda|pvt|pty)\\b', ' ') -%}
    {%- set without_japan = leadflow.regexp_replace_all(without_forms, '(\\bjapan|ジャパン)\\s*(株式会社|合同会社|k k|kk)?\\s*$', '') -%}
    {{ leadflow.normalize_company_name(without_japan) }}
{%- endmacro %}
