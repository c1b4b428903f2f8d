{#- survivors(records, entity_id, attributes): a select of the golden record, one row per
    entity_id: for each (attribute, columns, present, quality) of `attributes`, the chosen
    `columns` of the record whose value of `attribute` survives, with
    <attribute>_source_system and <attribute>_source_record_key.
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
      4. completeness: the fuller record first; then the record key, so the choice is stable.
    Every attribute is one filtered aggregate of a single grouping: at 1M people a grouping per
    attribute made seven hash tables of a million entities, most of dim_person's time. -#}
{% macro survivors(records, entity_id, attributes) -%}
    {%- set priorities = ref('identity_source_priority') -%}
    select
        {{ entity_id }},
        {%- for attribute, columns, present, quality in attributes %}
            {%- set outer_loop = loop %}
            {%- for name in columns + [attribute ~ '_source_system', attribute ~ '_source_record_key'] %}
        survivor_{{ attribute }}.{{ name }}{{ ',' if not (outer_loop.last and loop.last) }}
            {%- endfor %}
        {%- endfor %}
    from (
        select
            candidates.{{ entity_id }},
            {%- for attribute, columns, present, quality in attributes %}
                {%- set chosen = [] %}
                {%- for column in columns %}
                    {%- do chosen.append((column, 'candidates.' ~ column)) %}
                {%- endfor %}
                {%- do chosen.append((attribute ~ '_source_system', 'candidates.source_system')) %}
                {%- do chosen.append((attribute ~ '_source_record_key', 'candidates.record_key')) %}
                {#- the order by list as one struct, every field ascending: an aggregate keeps one
                    row per entity where a row_number() window sorted and held every candidate #}
                {%- set ordering = [] %}
                {%- for expression in quality %}
                    {%- do ordering.append(('quality_' ~ loop.index, expression)) %}
                {%- endfor %}
                {%- do ordering.append(('deleted', 'case when candidates.is_deleted then 1 else 0 end')) %}
                {%- do ordering.append(('priority', 'coalesce(regional.priority_' ~ attribute
                    ~ ', everywhere.priority_' ~ attribute ~ ', 999)')) %}
                {#- newest first, a record without either time last #}
                {%- do ordering.append(('age', 'coalesce(-' ~ leadflow.epoch_microseconds(
                    'coalesce(candidates.modified_at, candidates.created_at)') ~ ', 9223372036854775807)')) %}
                {%- do ordering.append(('emptiness', '-candidates.completeness')) %}
                {%- do ordering.append(('record_key', 'candidates.record_key')) %}
            {{ leadflow.value_at_first(leadflow.struct_of(chosen), leadflow.struct_of(ordering)) }}
                filter (where {{ present }}) as survivor_{{ attribute }}{{ ',' if not loop.last }}
            {%- endfor %}
        from {{ records }} as candidates
        left join ({{ leadflow.source_priorities_by_region(priorities, attributes) }}) as regional
            on
                candidates.source_system = regional.source_system
                and candidates.source_object = regional.source_object
                and candidates.entity_region = regional.region
        left join ({{ leadflow.source_priorities_by_region(priorities, attributes) }}) as everywhere
            on
                candidates.source_system = everywhere.source_system
                and candidates.source_object = everywhere.source_object
                and everywhere.region = '*'
        group by candidates.{{ entity_id }}
    ) as survivors
{%- endmacro %}

{#- source_priorities_by_region(priorities, attributes): one row per source and region of seed
    identity_source_priority with priority_<attribute> for each attribute: the region's row for
    the attribute, else the region's '*' row. -#}
{% macro source_priorities_by_region(priorities, attributes) -%}
    select
        source_system,
        source_object,
        region,
        {%- for attribute in attributes | map('first') %}
        coalesce(
            min(case when attribute = '{{ attribute }}' then priority end),
            min(case when attribute = '*' then priority end)
        ) as priority_{{ attribute }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ priorities }}
    group by source_system, source_object, region
{%- endmacro %}
