{#- The identity columns of a person-bearing staging model, in the one shape identity resolution
    reads from every source: the email as delivered and normalized, with its domain and canonical
    local part; names width-folded for display and normalized for matching; company and phone
    (as delivered and normalized) when the source has them. Arguments name the source columns. -#}
{% macro person_identity_columns(
    email='email', first_name='first_name', last_name='last_name', company=none, phone=none
) -%}
    {{ email }} as email_raw,
    {{ normalize_email(email) }} as email,
    {{ email_domain(normalize_email(email)) }} as email_domain,
    {{ email_local_canonical(normalize_email(email)) }} as email_local_canonical,
    {{ normalize_width(first_name) }} as first_name,
    {{ normalize_width(last_name) }} as last_name,
    {{ normalize_person_name(first_name) }} as first_name_normalized,
    {{ normalize_person_name(last_name) }} as last_name_normalized
    {%- if company is not none %},
    {{ company }} as company_name_raw,
    {{ normalize_width(company) }} as company_name,
    {{ normalize_company_name(company) }} as company_name_normalized
    {%- endif %}
    {%- if phone is not none %},
    {{ phone }} as phone_raw,
    {{ normalize_phone_e164(phone) }} as phone
    {%- endif %}
{%- endmacro %}
