{#- bind(value, name, body): body evaluated with name standing for value, so that a long or
    costly expression used several times by a macro is written (and computed) once.
    body is SQL text that refers to value only as name; choose a name that appears nowhere
    else in body (e.g. leadflow_ts_text).
    DuckDB and Spark: a one-element list and a lambda, so value is written and computed once.
    Elsewhere: name is replaced by (value) in the text of body. -#}
{% macro bind(value, name, body) -%}
    {{ return(adapter.dispatch('bind', 'leadflow')(value, name, body)) }}
{%- endmacro %}

{% macro default__bind(value, name, body) -%}
    {{ body | replace(name, '(' ~ value ~ ')') }}
{%- endmacro %}

{% macro duckdb__bind(value, name, body) -%}
    list_transform([{{ value }}], lambda {{ name }}: {{ body }})[1]
{%- endmacro %}

{#- Spark: the same one-element array and lambda as DuckDB, so nested binds stay linear in size
    (text replacement would copy value into body once per use, which multiplies when binds nest
    and left Spark analysing expressions of hundreds of kilobytes). -#}
{% macro spark__bind(value, name, body) -%}
    transform(array({{ value }}), {{ name }} -> {{ body }})[0]
{%- endmacro %}
