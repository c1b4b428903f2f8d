{#- The score history of a person is one unbroken chain of intervals: each interval ends where
    the next begins, only the last is open, and no interval is empty. Returns the broken persons.
    Checked in one aggregate, without ordering the intervals (a window over 40M intervals at 1M
    people does not fit in memory): with (person_id, valid_from) unique, a person's intervals form
    one chain exactly when none is empty, exactly one is open and the ends, the open one counted
    as a far-future end, are the starts but the first, plus that far-future moment. The two sides
    are compared as sums of row hashes (macro row_hash); a break goes unnoticed only on a
    64-bit hash-sum collision. -#}
{%- set open_end = "cast('9999-12-31 00:00:00' as " ~ dbt.type_timestamp() ~ ")" -%}

with

chains as (

    select
        person_id,
        count(*) as intervals,
        sum(case when valid_to is null then 1 else 0 end) as open_intervals,
        sum(case when valid_to <= valid_from then 1 else 0 end) as empty_intervals,
        sum({{ leadflow.row_hash('coalesce(valid_to, ' ~ open_end ~ ')') }}) as ends_hash,
        sum({{ leadflow.row_hash('valid_from') }})
        - {{ leadflow.row_hash('min(valid_from)') }}
        + {{ leadflow.row_hash(open_end) }} as next_starts_hash
    from {{ ref('fct_lead_scores') }}
    group by person_id

)

select *
from chains
where open_intervals <> 1 or empty_intervals > 0 or ends_hash <> next_starts_hash
