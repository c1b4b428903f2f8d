{#- The stage path of every person: one row per stage entry, in order, from the stage signals
    and the stage model (seed lifecycle_stages). Rules, each using only what happened before:
    - signals in time order (ties: stage order); a signal repeating the stage of the signal just
      before it is the same entry seen by another source and is dropped;
    - a funnel entry (one pass down the waterfall) ends with an outcome (won, lost) or an exit
      (recycled, disqualified); the next signal starts a new funnel entry (cycle), so MQL ->
      Recycled -> MQL is three entries;
    - within a cycle the funnel only moves down: a funnel or outcome signal at or above a stage
      already reached in the cycle is evidence for a passed stage, not a new entry;
    - a stage with infer_when_skipped between the stage reached before (in a new cycle: the
      furthest stage of the previous one) and the stage entered is entered at the same time,
      flagged is_inferred;
    - an entry ends when the next begins (exited_at); origin is the owner team of the first
      observed (not inferred) stage of its cycle: marketing, teleprospecting or sales generated;
    - an exit's reason: what the source mapped (Bad Data, Closed Lost), else competitor or
      unsubscribed from the person (when the stage lists that reason in lifecycle_exit_reasons),
      else unspecified.
    Incremental: a person's path depends only on their signals, two of their dim_person
    attributes and the two seeds, so a daily run sequences again only the persons whose
    fingerprint of these (inputs_fingerprint) is new or changed, and deletes the paths of persons
    without signals; a changed seed changes every fingerprint. -#}
{{ config(
    materialized='incremental',
    unique_key='person_id',
    incremental_strategy=leadflow.incremental_strategy(),
    on_schema_change='append_new_columns',
    pre_hook="{{ leadflow.add_stored_column('inputs_fingerprint', forget_rows=true) }}",
    post_hook="{{ leadflow.prune_orphans('person_id', ref('int_person_stage_signals_collected')) }}",
) }}

with

stages as (

    select
        stage_code,
        stage_order,
        stage_kind,
        owner_team,
        infer_when_skipped
    from {{ ref('lifecycle_stages') }}

),

persons as (

    select
        person_id,
        is_competitor,
        unsubscribed_at
    from {{ ref('dim_person') }}

),

reasons as (

    select
        stage_code,
        reason_code
    from {{ ref('lifecycle_exit_reasons') }}

),

signals as (

    select
        person_id,
        stage_signal_id,
        stage_code,
        occurred_at,
        source_of_truth,
        source_system,
        source_value,
        source_record_id,
        opportunity_id,
        owner_id,
        mapped_reason_code
    from {{ ref('int_person_stage_signals_collected') }}

),

stages_fingerprint as (

    select
        {{ leadflow.unordered_hash(['stage_code', 'stage_order', 'stage_kind', 'owner_team', 'infer_when_skipped']) }}
            as fingerprint
    from stages

),

reasons_fingerprint as (

    select {{ leadflow.unordered_hash(['stage_code', 'reason_code']) }} as fingerprint
    from reasons

),

signals_fingerprints as (

    select
        person_id,
        {{ leadflow.unordered_hash([
            'stage_signal_id', 'stage_code', 'occurred_at', 'source_of_truth', 'source_system',
            'source_value', 'source_record_id', 'opportunity_id', 'owner_id', 'mapped_reason_code',
        ]) }} as fingerprint
    from signals
    group by person_id

),

inputs as (

    select
        signals_fingerprints.person_id,
        {{ leadflow.row_fingerprint([
            'signals_fingerprints.fingerprint', 'persons.is_competitor', 'persons.unsubscribed_at',
            'stages_fingerprint.fingerprint', 'reasons_fingerprint.fingerprint',
        ]) }} as inputs_fingerprint
    from signals_fingerprints
    cross join stages_fingerprint
    cross join reasons_fingerprint
    left join persons
        on signals_fingerprints.person_id = persons.person_id

),

-- the persons sequenced: in an incremental batch those whose inputs are new or changed (every
-- stored path has an entry 1, holding the fingerprint it was built from), else everyone
batch as (

    select inputs.*
    from inputs
    where {{ leadflow.differs_from_stored('inputs', 'person_id', 'inputs_fingerprint', 'stored.entry_number = 1') }}

),

ordered as (

    select
        signals.person_id,
        signals.stage_signal_id,
        signals.stage_code,
        signals.occurred_at,
        signals.source_of_truth,
        signals.source_system,
        signals.source_value,
        signals.source_record_id,
        signals.opportunity_id,
        signals.owner_id,
        signals.mapped_reason_code,
        stages.stage_order,
        stages.stage_kind,
        stages.stage_kind in ('outcome', 'exit') as ends_cycle,
        row_number() over (
            partition by signals.person_id
            order by signals.occurred_at, stages.stage_order, signals.source_of_truth, signals.stage_signal_id
        ) as signal_number
    from signals
    inner join batch
        on signals.person_id = batch.person_id
    inner join stages
        on signals.stage_code = stages.stage_code

),

compared as (

    select
        ordered.*,
        lag(ordered.stage_code)
            over (partition by ordered.person_id order by ordered.signal_number)
            as previous_signal_stage_code
    from ordered

),

cycled as (

    select
        compared.*,
        cast(1 + coalesce(sum(case when compared.ends_cycle then 1 else 0 end) over (
            partition by compared.person_id
            order by compared.signal_number
            rows between unbounded preceding and 1 preceding
        ), 0) as {{ dbt.type_int() }}) as cycle_number
    from compared
    where compared.previous_signal_stage_code is null or compared.previous_signal_stage_code <> compared.stage_code

),

progressed as (

    select
        cycled.*,
        max(case when cycled.stage_kind <> 'exit' then cycled.stage_order end) over (
            partition by cycled.person_id, cycled.cycle_number
            order by cycled.signal_number
            rows between unbounded preceding and 1 preceding
        ) as reached_order
    from cycled

),

accepted as (

    select *
    from progressed
    where stage_kind = 'exit' or reached_order is null or stage_order > reached_order

),

cycle_reach as (

    select
        person_id,
        cycle_number,
        max(case when stage_kind <> 'exit' then stage_order end) as furthest_order
    from accepted
    group by person_id, cycle_number

),

baselined as (

    select
        accepted.*,
        coalesce(accepted.reached_order, previous_cycles.furthest_order, 0) as inferred_above_order
    from accepted
    left join cycle_reach as previous_cycles
        on
            accepted.person_id = previous_cycles.person_id
            and accepted.cycle_number = previous_cycles.cycle_number + 1

),

entries as (

    select
        person_id,
        cycle_number,
        signal_number,
        stage_code,
        stage_order,
        stage_kind,
        occurred_at as entered_at,
        false as is_inferred,
        source_of_truth,
        source_system,
        source_value,
        source_record_id,
        opportunity_id,
        owner_id,
        mapped_reason_code
    from baselined

    union all

    -- a skipped stage, entered at the time of the later stage that implies it
    select
        baselined.person_id,
        baselined.cycle_number,
        baselined.signal_number,
        skipped.stage_code,
        skipped.stage_order,
        skipped.stage_kind,
        baselined.occurred_at as entered_at,
        true as is_inferred,
        'inferred' as source_of_truth,
        baselined.source_system,
        baselined.source_value,
        baselined.source_record_id,
        baselined.opportunity_id,
        null as owner_id,
        null as mapped_reason_code
    from baselined
    inner join stages as skipped
        on
            skipped.infer_when_skipped
            and skipped.stage_kind = 'funnel'
            and baselined.inferred_above_order < skipped.stage_order
            and baselined.stage_order > skipped.stage_order
    where baselined.stage_kind <> 'exit'

),

numbered as (

    select
        entries.*,
        -- row_number() is a bigint on DuckDB and an int on Spark; the contract says bigint
        cast(row_number() over (
            partition by entries.person_id
            order by entries.entered_at, entries.signal_number, entries.stage_order
        ) as bigint) as entry_number
    from entries

),

sequenced as (

    select
        numbered.*,
        lag(numbered.stage_code)
            over (partition by numbered.person_id order by numbered.entry_number)
            as from_stage_code,
        lead(numbered.entered_at) over (partition by numbered.person_id order by numbered.entry_number) as exited_at,
        row_number() over (
            partition by numbered.person_id, numbered.cycle_number, numbered.is_inferred
            order by numbered.entry_number
        ) as observed_number
    from numbered

),

cycle_origins as (

    select
        sequenced.person_id,
        sequenced.cycle_number,
        stages.owner_team as origin
    from sequenced
    inner join stages
        on sequenced.stage_code = stages.stage_code
    where not sequenced.is_inferred and sequenced.observed_number = 1

),

final as (

    select
        {{ surrogate_key(['sequenced.person_id', 'sequenced.entry_number']) }} as stage_transition_id,
        sequenced.person_id,
        sequenced.entry_number,
        sequenced.cycle_number,
        sequenced.from_stage_code,
        sequenced.stage_code,
        sequenced.stage_order,
        sequenced.stage_kind,
        sequenced.entered_at,
        sequenced.exited_at,
        sequenced.exited_at is null as is_current,
        sequenced.is_inferred,
        sequenced.source_of_truth,
        sequenced.source_system,
        sequenced.source_value,
        sequenced.source_record_id,
        sequenced.opportunity_id,
        stages.owner_team,
        sequenced.owner_id,
        cycle_origins.origin,
        case
            when sequenced.mapped_reason_code is not null then sequenced.mapped_reason_code
            when sequenced.stage_kind <> 'exit' then null
            when competitor_reasons.reason_code is not null and persons.is_competitor then 'competitor'
            when
                unsubscribed_reasons.reason_code is not null
                and persons.unsubscribed_at <= sequenced.entered_at
                then 'unsubscribed'
            else 'unspecified'
        end as reason_code,
        batch.inputs_fingerprint
    from sequenced
    inner join batch
        on sequenced.person_id = batch.person_id
    inner join stages
        on sequenced.stage_code = stages.stage_code
    inner join cycle_origins
        on
            sequenced.person_id = cycle_origins.person_id
            and sequenced.cycle_number = cycle_origins.cycle_number
    left join persons
        on sequenced.person_id = persons.person_id
    left join reasons as competitor_reasons
        on
            sequenced.stage_code = competitor_reasons.stage_code
            and competitor_reasons.reason_code = 'competitor'
    left join reasons as unsubscribed_reasons
        on
            sequenced.stage_code = unsubscribed_reasons.stage_code
            and unsubscribed_reasons.reason_code = 'unsubscribed'

)

select * from final
