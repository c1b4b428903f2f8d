{#- stable_ids(clusters, entity): the select of an append-only log of id assignments (an
    incremental model with the 'append' strategy) that keeps entity ids stable across runs. It
    reads its own latest row per record ({{ this }}) when incremental, and appends a row only for
    a record that is new, changed id, stopped being delivered or came back. Appending (never
    updating) is what every engine can do to a table it reads, plain Parquet on Spark included.
      - every id issued before goes to the cluster that now holds most of its records (ties: the
        smaller cluster key), so a split leaves the id with the larger part;
      - a cluster keeps the oldest id it won (first issued, then smallest), so a merge keeps the
        older id and retires the other;
      - a cluster that won none gets md5(entity, cluster key) (its smallest record key: the
        same id a rebuild from scratch gives it), or md5(entity, cluster key, run time) if that
        id was ever issued before (a split-off part whose smallest record once named the whole).
    Columns: record_key, <entity>_id, <entity>_id_issued_at (when the id was first issued),
    assigned_at (this run's start), previous_<entity>_id (the record's id before this row;
    null for a new record), change ('new', 'moved', 'retired', 'returned'), is_current. -#}
{% macro stable_ids(clusters, entity) -%}
{%- set id = entity ~ '_id' -%}
{%- set run_at = leadflow.run_timestamp() -%}
with

current_records as (

    select
        record_key,
        cluster_key
    from {{ clusters }}

),

previous as (

    {% if is_incremental() %}
        select
            record_key,
            latest_row.issued_id,
            latest_row.issued_at,
            latest_row.is_current
        from (
            select
                record_key,
                {{ leadflow.value_at_latest(leadflow.struct_of([
                    ('issued_id', id),
                    ('issued_at', id ~ '_issued_at'),
                    ('is_current', 'is_current'),
                ]), 'assigned_at') }} as latest_row
            from {{ this }}
            group by record_key
        ) as assignments
    {% else %}
        select
            cast(null as {{ dbt.type_string() }}) as record_key,
            cast(null as {{ dbt.type_string() }}) as issued_id,
            cast(null as {{ dbt.type_timestamp() }}) as issued_at,
            cast(null as boolean) as is_current
        from (select 1 as no_previous_run) as first_run
        where 1 = 0
    {% endif %}

),

claims as (

    select
        current_records.cluster_key,
        previous.issued_id,
        min(previous.issued_at) as issued_at,
        count(*) as claimed_records
    from current_records
    inner join previous
        on current_records.record_key = previous.record_key
    where previous.is_current
    group by current_records.cluster_key, previous.issued_id

),

won_claims as (

    select
        cluster_key,
        issued_id,
        issued_at,
        row_number() over (partition by cluster_key order by issued_at, issued_id) as keep_rank
    from (
        select
            claims.*,
            row_number() over (
                partition by issued_id order by claimed_records desc, cluster_key
            ) as claim_rank
        from claims
    ) as ranked_claims
    where claim_rank = 1

),

new_clusters as (

    select distinct
        current_records.cluster_key,
        {{ leadflow.surrogate_key(["'" ~ entity ~ "'", 'current_records.cluster_key']) }} as candidate_id
    from current_records
    left join won_claims
        on current_records.cluster_key = won_claims.cluster_key and won_claims.keep_rank = 1
    where won_claims.cluster_key is null

),

-- every id in the log, also ids merged away long ago: a new id must never reuse one
ever_issued as (

    {% if is_incremental() %}
        select distinct {{ id }} as issued_id from {{ this }}
    {% else %}
        select issued_id from previous
    {% endif %}

),

cluster_ids as (

    select
        cluster_key,
        issued_id,
        issued_at
    from won_claims
    where keep_rank = 1

    union all

    select
        new_clusters.cluster_key,
        case
            when ever_issued.issued_id is null then new_clusters.candidate_id
            else {{ leadflow.surrogate_key(["'" ~ entity ~ "'", 'new_clusters.cluster_key', run_at]) }}
        end as issued_id,
        {{ run_at }} as issued_at
    from new_clusters
    left join ever_issued
        on new_clusters.candidate_id = ever_issued.issued_id

),

assigned as (

    select
        current_records.record_key,
        cluster_ids.issued_id as {{ id }},
        cluster_ids.issued_at as {{ id }}_issued_at,
        {{ run_at }} as assigned_at,
        previous.issued_id as previous_{{ id }},
        case
            when previous.record_key is null then 'new'
            when previous.issued_id <> cluster_ids.issued_id then 'moved'
            when not previous.is_current then 'returned'
        end as change,
        true as is_current
    from current_records
    inner join cluster_ids
        on current_records.cluster_key = cluster_ids.cluster_key
    left join previous
        on current_records.record_key = previous.record_key

),

retired as (

    select
        previous.record_key,
        previous.issued_id as {{ id }},
        previous.issued_at as {{ id }}_issued_at,
        {{ run_at }} as assigned_at,
        previous.issued_id as previous_{{ id }},
        'retired' as change,
        false as is_current
    from previous
    left join current_records
        on previous.record_key = current_records.record_key
    where current_records.record_key is null and previous.is_current

)

select * from assigned where change is not null
union all
select * from retired
{%- endmacro %}
