{#- BANT per person: budget, authority, need and timeline as the person last answered them (trade-
    show booth surveys on badge scans; the only source in the landing data that asks), each
    normalized by seed profile_bant_answers to a value and a qualified flag, with the time it was
    collected. A free-text need other than 'none' counts as a stated need. -#}
{%- set dimensions = ['budget', 'authority', 'need', 'timeline'] -%}

with

answers as (

    {% for dimension in dimensions %}
        select
            bridge.person_id,
            '{{ dimension }}' as bant_dimension,
            scans.{{ dimension }} as answer,
            scans.captured_at as collected_at,
            'events' as source_system
        from {{ ref('stg_events__badge_scans') }} as scans
        inner join {{ ref('bridge_person_records') }} as bridge
            on
                bridge.source_system = 'events'
                and bridge.source_object = 'badge_scans'
                and scans.badge_scan_id = bridge.source_record_id
        where scans.{{ dimension }} is not null and scans.captured_at is not null
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

normalized as (

    select
        answers.person_id,
        answers.bant_dimension,
        answers.answer,
        answers.collected_at,
        answers.source_system,
        coalesce(
            mapped.bant_value,
            case when answers.bant_dimension = 'need' then 'stated' else 'other' end
        ) as bant_value,
        coalesce(mapped.is_qualified, answers.bant_dimension = 'need') as is_qualified,
        row_number() over (
            partition by answers.person_id, answers.bant_dimension
            order by answers.collected_at desc, answers.answer asc
        ) as answer_rank
    from answers
    left join {{ ref('profile_bant_answers') }} as mapped
        on
            answers.bant_dimension = mapped.bant_dimension
            and lower(answers.answer) = mapped.answer

),

final as (

    select
        person_id,
        {% for dimension in dimensions %}
            max(case when bant_dimension = '{{ dimension }}' then bant_value end) as bant_{{ dimension }},
            max(case when bant_dimension = '{{ dimension }}' then answer end) as bant_{{ dimension }}_answer,
            max(case when bant_dimension = '{{ dimension }}' then collected_at end) as bant_{{ dimension }}_at,
        {% endfor %}
        cast(sum(case when is_qualified then 1 else 0 end) as {{ dbt.type_bigint() }}) as bant_qualified_count,
        max(source_system) as bant_source_system
    from normalized
    where answer_rank = 1
    group by person_id

)

select * from final
