{#- Regular expressions differ per engine in function names, flags and literal escaping, so
    models never write them: they call these. Patterns are given as plain (RE2/Java-compatible)
    regex text, e.g. '[^0-9]'; sql_string() renders them for the engine. No back-references in
    replacements (DuckDB writes \1, Spark $1). -#}

{% macro regexp_replace_all(expr, pattern, replacement) -%}
    {{ return(adapter.dispatch('regexp_replace_all', 'leadflow')(expr, pattern, replacement)) }}
{%- endmacro %}

{% macro default__regexp_replace_all(expr, pattern, replacement) -%}
    regexp_replace({{ expr }}, {{ leadflow.sql_string(pattern) }}, {{ leadflow.sql_string(replacement) }}, 'g')
{%- endmacro %}

{% macro spark__regexp_replace_all(expr, pattern, replacement) -%}
    regexp_replace({{ expr }}, {{ leadflow.sql_string(pattern) }}, {{ leadflow.sql_string(replacement) }})
{%- endmacro %}


{#- true when the whole of expr matches pattern (null when expr is null) -#}
{% macro regexp_full_match(expr, pattern) -%}
    {{ return(adapter.dispatch('regexp_full_match', 'leadflow')(expr, pattern)) }}
{%- endmacro %}

{% macro default__regexp_full_match(expr, pattern) -%}
    ({{ expr }} ~ {{ leadflow.sql_string('^(?:' ~ pattern ~ ')$') }})
{%- endmacro %}

{% macro duckdb__regexp_full_match(expr, pattern) -%}
    regexp_full_match({{ expr }}, {{ leadflow.sql_string(pattern) }})
{%- endmacro %}

{% macro spark__regexp_full_match(expr, pattern) -%}
    ({{ expr }} rlike {{ leadflow.sql_string('^(?:' ~ pattern ~ ')$') }})
{%- endmacro %}


{#- true when some part of expr matches pattern (null when expr is null) -#}
{% macro regexp_contains(expr, pattern) -%}
    {{ return(adapter.dispatch('regexp_contains', 'leadflow')(expr, pattern)) }}
{%- endmacro %}

{% macro default__regexp_contains(expr, pattern) -%}
    ({{ expr }} ~ {{ leadflow.sql_string(pattern) }})
{%- endmacro %}

{% macro duckdb__regexp_contains(expr, pattern) -%}
    regexp_matches({{ expr }}, {{ leadflow.sql_string(pattern) }})
{%- endmacro %}

{% macro spark__regexp_contains(expr, pattern) -%}
    ({{ expr }} rlike {{ leadflow.sql_string(pattern) }})
{%- endmacro %}
