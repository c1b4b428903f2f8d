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
    {%- set chosen = [] -%}
    {%- for column in columns -%}
        {%- do chosen.append((column, 'candidates.' ~ column)) -%}
    {%- endfor -%}
    {%- do chosen.append((attribute ~ '_source_system', 'candidates.source_system')) -%}
    {%- do chosen.append((attribute ~ '_source_record_key', 'candidates.record_key')) -%}
    {#- the order by list as one struct, every field ascending: an aggregate keeps one row per
        entity where a row_number() window sorted and held every candidate -#}
    {%- set ordering = [] -%}
    {%- for expression in quality -%}
        {%- do ordering.append(('quality_' ~ loop.index, expression)) -%}
    {%- endfor -%}
    {%- do ordering.append(('deleted', 'case when candidates.is_deleted then 1 else 0 end')) -%}
    {%- do ordering.append(('priority',
        'coalesce(exact.priority, by_region.priority, by_attribute.priority, fallback.priority, 999)')) -%}
    {#- newest first, a record without either time last -#}
    {%- do ordering.append(('age', 'coalesce(-' ~ leadflow.epoch_microseconds(
        'coalesce(candidates.modified_at, candidates.created_at)') ~ ', 9223372036854775807)')) -%}
    {%- do ordering.append(('emptiness', '-candidates.completeness')) -%}
    {%- do ordering.append(('record_key', 'candidates.record_key')) -%}
    select
        {{ entity_id }},
        {%- for name, expression in chosen %}
        survivor.{{ name }}{{ ',' if not loop.last }}
        {%- endfor %}
    from (
        select
            candidates.{{ entity_id }},
            {{ leadflow.value_at_first(leadflow.struct_of(chosen), leadflow.struct_of(ordering)) }} as survivor
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
        group by candidates.{{ entity_id }}
    ) as survivors
{%- endmacro %}
