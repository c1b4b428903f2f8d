{#- struct_of(fields): a struct value of (name, SQL expression) pairs, in order: several columns
    carried as one value (through value_at_first), or an order by list as one comparable value. -#}
{% macro struct_of(fields) -%}
    {{ return(adapter.dispatch('struct_of', 'leadflow')(fields)) }}
{%- endmacro %}

{% macro default__struct_of(fields) -%}
    struct_pack(
    {%- for name, expression in fields %}
        {{ name }} := {{ expression }}{{ ',' if not loop.last }}
    {%- endfor %}
    )
{%- endmacro %}

{% macro spark__struct_of(fields) -%}
    named_struct(
    {%- for name, expression in fields %}
        '{{ name }}', {{ expression }}{{ ',' if not loop.last }}
    {%- endfor %}
    )
{%- endmacro %}

{#- epoch_microseconds(timestamp): microseconds since 1970 as a bigint; its negation orders
    timestamps newest first inside a struct_of ordering. -#}
{% macro epoch_microseconds(timestamp) -%}
    {{ return(adapter.dispatch('epoch_microseconds', 'leadflow')(timestamp)) }}
{%- endmacro %}

{% macro default__epoch_microseconds(timestamp) -%}
    epoch_us({{ timestamp }})
{%- endmacro %}

{% macro spark__epoch_microseconds(timestamp) -%}
    unix_micros(cast({{ timestamp }} as timestamp_ltz))
{%- endmacro %}
