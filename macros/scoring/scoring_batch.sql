{#- How the person-level chains keep a daily run in proportion to what changed: the profile
    chain (int_person_interests_ranked, int_person_profiles_built, dim_person,
    int_person_score_inputs_fingerprinted) by the log int_person_profile_inputs_logged, the
    scoring chain (int_score_contributions_computed,
    int_score_rule_values_accumulated, fct_lead_scores, int_backtest_score_intervals_computed,
    fct_lead_score_explanations) by int_person_score_inputs_logged. Each model stamps its rows
    with the run that wrote them (computed_at), and the log records when each person's
    fingerprint last changed (changed_at). A run first forgets the persons changed since the
    newest row the model holds (pre-hook forget_changed_persons), then computes those of them
    still present (in_person_batch). A model that failed or was skipped holds older rows, so
    its next run takes every change since. Reading only a small log matters at scale: comparing
    every stored row's fingerprint (75M contributions at 1M people) cost 4-14 s per model and
    step.
    After the forgetting, no person of the batch has rows left, so a model whose batch is
    in_person_batch alone may append (incremental_strategy(rows_forgotten=true)): changed_at and
    computed_at are both the start of the run that wrote them, and every run of the model
    rewrites each person changed since its newest row, so a stored person's rows are never older
    than the person's last change. The batch is read after the delete, against the newest row
    left (at most the one the delete was read against): a batch person changed after that row and
    still holding rows would hold rows newer than the newest. -#}

{#- changed_since_last_run(column): a condition on a timestamp column (changed_at of the log,
    computed_at of the chain's upstream models) keeping what is newer than the newest row of
    {{ this }}; everything when {{ this }} is empty, on a full build or with insert_overwrite.
    An upstream scoring model rewrote every person of this model's batch after that, so its
    rows of the batch all pass, and DuckDB skips the older row groups by their min/max. -#}
{% macro changed_since_last_run(column) -%}
    {%- if leadflow.incremental_batch() -%}
        {{ column }} > coalesce(
            (select max(scored.computed_at) from {{ this }} as scored),
            cast('1900-01-01 00:00:00' as {{ dbt.type_timestamp() }})
        )
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- forget_changed_persons(changes): pre-hook SQL deleting the rows of {{ this }} whose person's
    inputs changed or went (the person log `changes`) since its newest row. A
    table built before its rows held computed_at gets the column and is emptied instead
    (add_stored_column), so every person is scored again and every row is stamped by the run that
    wrote it. Nothing when the run rewrites the whole table (full build, insert_overwrite). -#}
{% macro forget_changed_persons(changes) -%}
    {%- set stamped = leadflow.add_stored_column('computed_at', forget_rows=true, data_type=dbt.type_timestamp()) -%}
    {%- if stamped | trim -%}
        {{ stamped }}
    {%- elif leadflow.incremental_batch() -%}
        delete from {{ this }}
        where person_id in (
            select changes.person_id
            from {{ changes }} as changes
            where {{ leadflow.changed_since_last_run('changes.changed_at') }}
        )
    {%- endif -%}
{%- endmacro %}

{#- in_person_batch(person_id, changes): a condition keeping the persons a run computes: in an
    incremental batch the persons still present in the person log `changes`
    changed since the newest row of {{ this }} (those forget_changed_persons deleted), else
    everyone. -#}
{% macro in_person_batch(person_id, changes) -%}
    {%- if leadflow.incremental_batch() -%}
        {{ person_id }} in (
            select changes.person_id
            from {{ changes }} as changes
            where
                changes.inputs_fingerprint is not null
                and {{ leadflow.changed_since_last_run('changes.changed_at') }}
        )
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- scoring_time_moved(person_id, rule_values, scored_at): a condition keeping the persons with a
    rule value change point between the scoring time {{ this }} holds (its newest scored_at) and
    the new one `scored_at`, in either direction: whose value at the scoring time moved although
    their inputs did not (a decay halving, an inactivity rule coming due). False on a full build
    or when the strategy rewrites the table. -#}
{% macro scoring_time_moved(person_id, rule_values, scored_at) -%}
    {%- if leadflow.incremental_batch() -%}
        {{ person_id }} in (
            select moved.person_id
            from {{ rule_values }} as moved
            -- the bounds joined as a row, not compared as scalar subqueries: those are evaluated
            -- against each of the 97M rule values at 1M people (4.1 s against 1.1 s)
            inner join (
                select
                    least(stored_at, new_at) as moved_from,
                    greatest(stored_at, new_at) as moved_to
                from (
                    select
                        (select max(explained.scored_at) from {{ this }} as explained) as stored_at,
                        {{ scored_at }} as new_at
                ) as times
            ) as bounds
                on moved.changed_at > bounds.moved_from and moved.changed_at <= bounds.moved_to
            where moved.ruleset = '{{ var("scoring_ruleset", "live") }}'
        )
    {%- else -%}
        false
    {%- endif -%}
{%- endmacro %}

{#- forget_moved_explanations(rule_values, scored_at): pre-hook SQL deleting the rows of
    {{ this }} whose person's value at the scoring time moved (scoring_time_moved), so that a
    person whose top rules all fell to zero loses them. Nothing on a full build. -#}
{% macro forget_moved_explanations(rule_values, scored_at) -%}
    {%- if leadflow.incremental_batch() -%}
        delete from {{ this }}
        where {{ leadflow.scoring_time_moved('person_id', rule_values, scored_at) }}
    {%- endif -%}
{%- endmacro %}

{#- restamp_explanations(scored_at, rules): post-hook SQL giving the rows a daily batch did not
    rewrite the new scoring time and their rule's current description (rule_descriptions of
    `rules`): their points hold at both scoring times (no change point between them), so a full
    build would write the same rows with these two values. Nothing on a full build. -#}
{% macro restamp_explanations(scored_at, rules) -%}
    {%- if leadflow.incremental_batch() -%}
        update {{ this }} as explained
        set scored_at = {{ scored_at }}
        where explained.scored_at is distinct from {{ scored_at }};
        update {{ this }} as explained
        set description = descriptions.description
        from ({{ leadflow.rule_descriptions(rules) }}) as descriptions
        where
            explained.rule_id = descriptions.rule_id
            and explained.description is distinct from descriptions.description
    {%- endif -%}
{%- endmacro %}

{#- fingerprint_changes(fingerprints): the body of a person log (int_person_*_inputs_logged):
    the persons of relation `fingerprints` (person_id, inputs_fingerprint) whose fingerprint is
    new or differs from the one {{ this }} holds, and those {{ this }} holds that are gone (with
    a null fingerprint), each stamped changed_at with the run's start; every person on a full
    build or when the strategy rewrites the table. -#}
{% macro fingerprint_changes(fingerprints) -%}
    select
        changed.person_id,
        changed.inputs_fingerprint,
        {{ leadflow.run_timestamp() }} as changed_at
    from (
        {%- if leadflow.incremental_batch() %}
            select
                coalesce(current_persons.person_id, logged.person_id) as person_id,
                current_persons.inputs_fingerprint
            from {{ fingerprints }} as current_persons
            full outer join (
                select
                    person_id,
                    inputs_fingerprint
                from {{ this }}
                where inputs_fingerprint is not null
            ) as logged
                on current_persons.person_id = logged.person_id
            where
                logged.person_id is null
                or current_persons.person_id is null
                or current_persons.inputs_fingerprint <> logged.inputs_fingerprint
        {%- else %}
            select
                person_id,
                inputs_fingerprint
            from {{ fingerprints }}
        {%- endif %}
    ) as changed
{%- endmacro %}
