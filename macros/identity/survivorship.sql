{#- survivor(records, entity_id, attribute, columns, present, quality=[]): a select of the record
    whose value of `attribute` survives into the golden record, one row per entity_id, with the
    chosen `columns`, <attribute>_source_system and <attribute>_source_record_key.

    records is a relation or CTE with entity_id, entity_region ('JP' or 'GLOBAL'),
    source_system, source_object, record_key, is_deleted, created_at, modified_at and
    completeness (how many identity fields the record fills), plus the columns. Among records
    where `present` holds, the winner is decided by, in order:
      1. the `quality` expressions (ascending, e.g. role addresses last), then live records before
         soft-deleted ones (merged-away duplicates);
      2. the source priority of seed identity_source_priority for the entity's region and the
         attribute, the most specific row winning: (region, attribute), (region, '*'),
         ('*', attribute), ('*', '*'); a source not listed comes last;
      3. recency: the newest modification (else creation) first;
      4. completeness: the fuller record first; then the record key, so the choice is stable. -#}
{% macro survivor(records, entity_id, attribute, columns, present, quality=[]) -%}
    {%- set priorities = ref('identity_source_priority') -%}
    {%- set source_match = "{0}.source_system = {1}.source_system and {0}.source_object = {1}.source_object" -%}
    select
        {{ entity_id }},
        {%- for column in columns %}
        {{ column }},
        {%- endfor %}
        {{ attribute }}_source_system,
        {{ attribute }}_source_record_key
    from (
        select
            candidates.{{ entity_id }},
            {%- for column in columns %}
            candidates.{{ column }},
            {%- endfor %}
            candidates.source_system as {{ attribute }}_source_system,
            candidates.record_key as {{ attribute }}_source_record_key,
            row_number() over (
                partition by candidates.{{ entity_id }}
                order by
                    {%- for expression in quality %}
                    {{ expression }},
                    {%- endfor %}
                    case when candidates.is_deleted then 1 else 0 end,
                    coalesce(exact.priority, by_region.priority, by_attribute.priority, fallback.priority, 999),
                    coalesce(candidates.modified_at, candidates.created_at) desc,
                    candidates.completeness desc,
                    candidates.record_key
            ) as survivor_rank
        from {{ records }} as candidates
        left join {{ priorities }} as exact
            on
                {{ source_match.format('exact', 'candidates') }}
                and exact.region = candidates.entity_region
                and exact.attribute = '{{ attribute }}'
        left join {{ priorities }} as by_region
            on
                {{ source_match.format('by_region', 'candidates') }}
                and by_region.region = candidates.entity_region
                and by_region.attribute = '*'
        left join {{ priorities }} as by_attribute
            on
                {{ source_match.format('by_attribute', 'candidates') }}
                and by_attribute.region = '*'
                and by_attribute.attribute = '{{ attribute }}'
        left join {{ priorities }} as fallback
            on
                {{ source_match.format('fallback', 'candidates') }}
                and fallback.region = '*'
                and fallback.attribute = '*'
        where {{ present }}
    ) as ranked
    where survivor_rank = 1
{%- endmacro %}
