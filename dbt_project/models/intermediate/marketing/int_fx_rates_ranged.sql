{#- The rate from every currency of seed marketing_fx_rates to the reporting currency
    (var('reporting_currency')), as ranges [valid_from, valid_to) with one rate each. Rates are
    quoted per US dollar, so a range ends wherever either the currency or the reporting currency
    gets a new rate; a rate holds until its currency's next rate (a day without a rate uses the
    latest earlier one). -#}
{%- set reporting_currency = sql_string(var('reporting_currency')) -%}

with

rates as (

    select
        currency_code,
        rate_date,
        units_per_usd,
        lead(rate_date) over (partition by currency_code order by rate_date) as next_rate_date
    from {{ ref('marketing_fx_rates') }}

),

reporting_rates as (

    select * from rates
    where currency_code = {{ reporting_currency }}

),

currencies as (

    select distinct currency_code from rates

),

boundaries as (

    select
        currency_code,
        rate_date
    from rates

    union

    select
        currencies.currency_code,
        reporting_rates.rate_date
    from currencies
    cross join reporting_rates

),

ranges as (

    select
        currency_code,
        rate_date as valid_from,
        lead(rate_date) over (partition by currency_code order by rate_date) as valid_to
    from boundaries

),

final as (

    select
        ranges.currency_code,
        {{ reporting_currency }} as reporting_currency,
        ranges.valid_from,
        ranges.valid_to,
        source_rates.units_per_usd,
        reporting_rates.units_per_usd as reporting_units_per_usd,
        reporting_rates.units_per_usd / source_rates.units_per_usd as rate_to_reporting
    from ranges
    inner join rates as source_rates
        on
            ranges.currency_code = source_rates.currency_code
            and {{ interval_holds('ranges.valid_from', 'source_rates.rate_date', 'source_rates.next_rate_date') }}
    inner join reporting_rates
        on
            {{ interval_holds('ranges.valid_from', 'reporting_rates.rate_date', 'reporting_rates.next_rate_date') }}

)

select * from final
