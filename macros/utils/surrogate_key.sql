{#- surrogate_key(fields): md5 hex of the fields cast to text, nulls replaced by a marker and
    '-' between them: the same value dbt_utils.generate_surrogate_key gives. -#}
{% macro surrogate_key(fields) -%}
    {{ return(adapter.dispatch('surrogate_key', 'leadflow')(fields)) }}
{%- endmacro %}

{% macro default__surrogate_key(fields) -%}
    {%- set parts = [] -%}
    {%- for field in fields -%}
        {%- do parts.append("coalesce(cast(" ~ field ~ " as " ~ dbt.type_string() ~ "), '_dbt_utils_surrogate_key_null_')") -%}
        {%- if not loop.last -%}{%- do parts.append("'-'") -%}{%- endif -%}
    {%- endfor -%}
    {{ dbt.hash(dbt.concat(parts)) }}
{%- endmacro %}
