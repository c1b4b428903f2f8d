{#- Join condition picking the FX range of int_fx_rates_ranged that holds on a date: the rate of
    that day, or the latest earlier rate when the day has none (ranges end where the next rate
    starts). A date before the first rate matches nothing, so its converted amount is null. -#}
{% macro fx_rate_holds(fx, currency_code, on_date) -%}
    {{ fx }}.currency_code = {{ currency_code }}
    and {{ interval_holds('cast(' ~ on_date ~ ' as date)', fx ~ '.valid_from', fx ~ '.valid_to') }}
{%- endmacro %}
