{#- type_errors(checks): comma-separated labels of the checks whose raw text is non-blank but
    whose typed value is null (the text did not parse); null when every check passed.
    checks: list of (label, raw_expr, typed_expr), e.g. [('amount', 'amount_raw', 'amount')]. -#}
{% macro type_errors(checks) -%}
    {{ return(adapter.dispatch('type_errors', 'leadflow')(checks)) }}
{%- endmacro %}

{% macro default__type_errors(checks) -%}
    {%- if checks | length == 0 -%}
        cast(null as {{ dbt.type_string() }})
    {%- else -%}
    nullif(concat_ws(','
        {%- for label, raw_expr, typed_expr in checks %},
        case when trim({{ raw_expr }}) <> '' and {{ typed_expr }} is null then {{ leadflow.sql_string(label) }} end
        {%- endfor %}
    ), '')
    {%- endif -%}
{%- endmacro %}
