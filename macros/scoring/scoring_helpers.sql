{#- Helpers of the scoring models (docs/scoring.md). Portable SQL only: they build on dbt's
    cross-database macros and the project's dispatched try_cast. -#}

{#- condition_matches(value, operator, rule_value): the declarative condition of a scoring rule
    row. Operators: eq, neq, in (values separated by '|'), gte, lte (numbers), is_true,
    is_null, not_null. A null value matches nothing but is_null. -#}
{% macro condition_matches(value, operator, rule_value) -%}
    (case {{ operator }}
        when 'eq' then {{ value }} = {{ rule_value }}
        when 'neq' then {{ value }} <> {{ rule_value }}
        when 'in' then {{ dbt.concat(["'|'", rule_value, "'|'"]) }} like {{ dbt.concat(["'%|'", value, "'|%'"]) }}
        when 'gte' then {{ try_cast(value, dbt.type_float()) }} >= {{ try_cast(rule_value, dbt.type_float()) }}
        when 'lte' then {{ try_cast(value, dbt.type_float()) }} <= {{ try_cast(rule_value, dbt.type_float()) }}
        when 'is_true' then {{ value }} = 'true'
        when 'is_null' then {{ value }} is null
        when 'not_null' then {{ value }} is not null
        else false
    end)
{%- endmacro %}

{#- clamp_points(points, cap): points limited to [-|cap|, |cap|]; no cap when cap is null. -#}
{% macro clamp_points(points, cap) -%}
    (case
        when {{ cap }} is null then {{ points }}
        when {{ points }} > abs({{ cap }}) then abs({{ cap }})
        when {{ points }} < -abs({{ cap }}) then -abs({{ cap }})
        else {{ points }}
    end)
{%- endmacro %}

{#- add_days(timestamp, days): the timestamp moved by a (possibly fractional or column) number
    of days, keeping the time of day on every engine (dbt.dateadd by 'day' gives a date on Spark). -#}
{% macro add_days(timestamp, days) -%}
    {{ dbt.dateadd('second', '(' ~ days ~ ') * 86400', timestamp) }}
{%- endmacro %}

{#- scoring_rulesets(): the rule sets the scoring models compute: var('scoring_ruleset') (what
    fct_lead_scores publishes) and var('scoring_backtest_rulesets') (computed beside it). -#}
{% macro scoring_rulesets() -%}
    {%- set rulesets = [var('scoring_ruleset', 'live')] -%}
    {%- for ruleset in var('scoring_backtest_rulesets', []) -%}
        {%- if ruleset not in rulesets -%}{%- do rulesets.append(ruleset) -%}{%- endif -%}
    {%- endfor -%}
    {{ return(rulesets) }}
{%- endmacro %}

{#- scoring_as_of(): the time current scores and explanations are taken at: var('scoring_as_of')
    when set, else the newest touchpoint (so a rebuild of the same data gives the same answer). -#}
{% macro scoring_as_of() -%}
    {%- if var('scoring_as_of', none) -%}
        cast('{{ var("scoring_as_of") }}' as {{ dbt.type_timestamp() }})
    {%- else -%}
        (select max(as_of_touchpoints.occurred_at) from {{ ref('fct_touchpoints') }} as as_of_touchpoints)
    {%- endif -%}
{%- endmacro %}

{#- touchpoint_rule_attributes(): the touchpoint columns engagement rules may test. -#}
{% macro touchpoint_rule_attributes() -%}
    {{ return(['event_type', 'channel', 'content_category', 'source_system']) }}
{%- endmacro %}

{#- touchpoint_attribute(name_expr, relation): the value of the touchpoint column a rule row
    names (name_expr is the rule's attribute column), read from `relation`. -#}
{% macro touchpoint_attribute(name_expr, relation) -%}
    case {{ name_expr }}
        {%- for column in touchpoint_rule_attributes() %}
        when '{{ column }}' then {{ relation }}.{{ column }}
        {%- endfor %}
    end
{%- endmacro %}

{#- incremental_batch(): true when an incremental model may write only its new or changed rows:
    an incremental run with a strategy that updates rows in place (delete+insert, merge). With
    insert_overwrite (local Spark on plain parquet) the whole table is rewritten, so the model
    selects every row. -#}
{% macro incremental_batch() -%}
    {{ return(is_incremental() and leadflow.incremental_strategy() != 'insert_overwrite') }}
{%- endmacro %}

{#- prune_orphans(key, current, stored_where): post-hook SQL deleting the rows of an incremental
    model (those matching `stored_where`) whose `key` no longer occurs in `current` (a relation
    holding every current key: merged-away persons, events whose record left the bridge), so an
    incremental run keeps what a full refresh would. Nothing to do when the strategy rewrites the
    whole table. -#}
{% macro prune_orphans(key, current, stored_where='true') -%}
    {%- if is_incremental() and leadflow.incremental_strategy() != 'insert_overwrite' -%}
        delete from {{ this }}
        where {{ stored_where }} and {{ key }} not in (select current_keys.{{ key }} from {{ current }} as current_keys)
    {%- endif -%}
{%- endmacro %}

{#- rows_of_changed_entities(fingerprinted, row_id, entity_id): the rows of CTE `fingerprinted`
    that an incremental model rewrites, all of an entity's rows together (delete+insert by
    entity): those of every entity with a row that is new, gone, or whose `row_fingerprint`
    differs from the stored one. On a full build, or when the strategy rewrites the table, every
    row. -#}
{% macro rows_of_changed_entities(fingerprinted, row_id, entity_id='person_id') -%}
    select {{ fingerprinted }}.*
    from {{ fingerprinted }}
    {%- if leadflow.incremental_batch() %}
        inner join (
            select distinct coalesce(current_rows.{{ entity_id }}, stored.{{ entity_id }}) as {{ entity_id }}
            from {{ fingerprinted }} as current_rows
            full outer join {{ this }} as stored
                on current_rows.{{ row_id }} = stored.{{ row_id }}
            where
                current_rows.{{ row_id }} is null
                or stored.{{ row_id }} is null
                or current_rows.row_fingerprint <> stored.row_fingerprint
        ) as changed_entities
            on {{ fingerprinted }}.{{ entity_id }} = changed_entities.{{ entity_id }}
    {%- endif %}
{%- endmacro %}

{#- rule_days(expr): a rule value holding a number of days (days_without_activity), as an integer;
    null when it is not a number. -#}
{% macro rule_days(expr) -%}
    {{ leadflow.try_cast(expr, dbt.type_int()) }}
{%- endmacro %}

{#- lead_score_id(person_id, valid_from): the key of a person's score interval, from its start.
    A reader that knows the start of the interval it wants (the MQL crossing starts at mql_at)
    computes the key instead of reading fct_lead_scores' column, an incompressible 32-character
    hash per interval (40.7M at 1M people). -#}
{% macro lead_score_id(person_id, valid_from) -%}
    {{ leadflow.surrogate_key([person_id, valid_from]) }}
{%- endmacro %}

{#- rule_descriptions(rules): one description per rule_id of the published rule set (var
    scoring_ruleset) among the resolved `rules`. -#}
{% macro rule_descriptions(rules) -%}
    select
        rule_id,
        max(description) as description
    from {{ rules }}
    where ruleset = '{{ var("scoring_ruleset", "live") }}'
    group by rule_id
{%- endmacro %}
