{#- How int_touchpoints_unioned keeps a daily run in proportion to the day. A run writes the
    events whose source row was loaded since the newest load the model holds, and the events of
    every record or recipient address that got another person or account since the newest
    resolution it holds. Rebuilding all 13M events at 1M people took 48 s a day for about 1% of
    them. Two kinds of stored event can no longer be derived, and are deleted after the write
    (forget_dropped_touchpoints): those a re-delivery turned into something else (another
    activity type, no parseable time, an attendance no longer attended), which the batch
    writes as rows without event_type or occurred_at, and those whose record or address no
    longer resolves to a person. -#}

{#- newest_stored_touchpoint(column): the newest `column` (_loaded_at, resolved_at) that
    {{ this }} holds; 1900 while it is empty. -#}
{% macro newest_stored_touchpoint(column) -%}
    coalesce(
        (select max(built.{{ column }}) from {{ this }} as built),
        cast('1900-01-01 00:00:00' as {{ dbt.type_timestamp() }})
    )
{%- endmacro %}

{#- touchpoint_in_batch(loaded_at, key, re_resolved, column): a condition on an event source's
    rows keeping, in an incremental batch, those loaded since the last run (`loaded_at`) or
    whose record key or address (`key`) is in `column` of the CTE `re_resolved`; every row on a
    full build or when the strategy rewrites the whole table. -#}
{% macro touchpoint_in_batch(loaded_at, key, re_resolved, column='resolution_key') -%}
    {%- if leadflow.incremental_batch() -%}
        (
            {{ loaded_at }} > {{ leadflow.newest_stored_touchpoint('_loaded_at') }}
            or {{ key }} in (select {{ re_resolved }}.{{ column }} from {{ re_resolved }})
        )
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- touchpoint_batch_rows(relation, id_column, re_resolved, column, key_prefix, re_resolved_rows):
    the rows of event source `relation` that touchpoint_in_batch would keep, as two selects
    unioned, for the sources of tens of millions of rows: the `or` of touchpoint_in_batch reads
    and keys every row (Marketo's 29.5M activities at 1M people). The first select takes the rows
    loaded since the last run, which DuckDB finds by the min-max index on _loaded_at. The second
    takes the rows of the re-resolved records by raw id (`id_column`): `column` of `re_resolved`,
    less `key_prefix` when it holds record keys. Only the second honours `re_resolved_rows`, a
    condition that leaves out rows that are no event whoever they resolve to: a loaded one may
    replace a stored event. The whole relation on a full build or when the strategy rewrites the
    table. -#}
{% macro touchpoint_batch_rows(relation, id_column, re_resolved, column='resolution_key', key_prefix=none,
    re_resolved_rows='true') -%}
    {%- if leadflow.incremental_batch() -%}
        {%- set newest_loaded = leadflow.newest_stored_touchpoint('_loaded_at') -%}
        (
            select *
            from {{ relation }}
            where _loaded_at > {{ newest_loaded }}
            union all
            select *
            from {{ relation }}
            where
                {{ id_column }} in (
                    {%- if key_prefix is none %}
                        select {{ re_resolved }}.{{ column }} from {{ re_resolved }}
                    {%- else %}
                        select substr({{ re_resolved }}.{{ column }}, {{ key_prefix | length + 1 }})
                        from {{ re_resolved }}
                        where substr({{ re_resolved }}.{{ column }}, 1, {{ key_prefix | length }}) = '{{ key_prefix }}'
                    {%- endif %}
                )
                and not coalesce(_loaded_at > {{ newest_loaded }}, false)
                and {{ re_resolved_rows }}
        )
    {%- else -%}
        {{ relation }}
    {%- endif -%}
{%- endmacro %}

{#- address_resolution_key(email): the resolution_key of an event resolved through its
    recipient address (HubSpot email events), apart from every record key ('system:object:id'). -#}
{% macro address_resolution_key(email) -%}
    {{ dbt.concat(["'email:'", email]) }}
{%- endmacro %}

{#- forget_dropped_touchpoints(records, addresses): post-hook SQL deleting, after an incremental
    batch, the stored events it marked as no longer behavioural (no event_type or occurred_at)
    and the events whose resolution_key is neither a record key of `records`
    (bridge_person_records) nor an address of `addresses` (int_email_persons_mapped), so a daily
    run keeps what a full build would. -#}
{% macro forget_dropped_touchpoints(records, addresses) -%}
    {%- if leadflow.incremental_batch() -%}
        delete from {{ this }} where event_type is null or occurred_at is null;
        delete from {{ this }}
        where resolution_key not in (
            select records.record_key from {{ records }} as records
            union all
            select {{ leadflow.address_resolution_key('addresses.email') }} from {{ addresses }} as addresses
        )
    {%- endif -%}
{%- endmacro %}
