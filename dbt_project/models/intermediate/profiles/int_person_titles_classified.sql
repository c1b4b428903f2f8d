{#- Persona per person record: job function and seniority from the title (English or Japanese:
    部長, 課長, 本部長, 取締役, マネージャー, Director, VP, CxO...) and the department (a business
    card's 部署, else the 部/室/本部 a Japanese title starts with), by the rules of seed
    profile_title_rules: per attribute the matching rule with the lowest priority wins. A 'word'
    rule matches whole words of the lower-cased title (punctuation read as spaces, so 'cto' does
    not match 'director'); a 'contains' rule matches anywhere (Japanese has no spaces). -#}

with

-- the scans carry their system and object as columns: a condition on the kept side alone of the
-- left join below made DuckDB compare every record with every scan (nested loop, 21 s at 100k)
badge_scan_departments as (

    select
        'events' as source_system,
        'badge_scans' as source_object,
        badge_scan_id,
        department
    from {{ ref('stg_events__badge_scans') }}

),

records as (

    select
        keyed.record_key,
        bridge.person_id,
        keyed.source_system,
        keyed.title,
        scans.department as card_department,
        keyed.created_at
    from {{ ref('int_person_records_keyed') }} as keyed
    inner join {{ ref('bridge_person_records') }} as bridge
        on keyed.record_key = bridge.record_key
    left join badge_scan_departments as scans
        on
            keyed.source_system = scans.source_system
            and keyed.source_object = scans.source_object
            and keyed.source_record_id = scans.badge_scan_id
    where keyed.title is not null or scans.department is not null

),

-- a Japanese title often reads '<部署> <役職>' (マーケティング部 部長): the first word is the
-- department when it names a unit
departments as (

    select
        records.*,
        coalesce(
            records.card_department,
            case
                when
                    records.title like '% %'
                    and (
                        {{ dbt.split_part('records.title', "' '", 1) }} like '%部'
                        or {{ dbt.split_part('records.title', "' '", 1) }} like '%室'
                    )
                    then {{ dbt.split_part('records.title', "' '", 1) }}
            end
        ) as department
    from records

),

-- the persona depends on the title and department only, and the same few thousand titles
-- recur across all records: each pair is matched against the rules once (at 100k people 254k
-- records, 30 s when every record was matched)
texts as (

    select
        title_key,
        department_key,
        lower(title_key) as title_text,
        {{ dbt.concat(["' '", "translate(lower(title_key), ',.&/()|:;', '         ')", "' '"]) }} as title_words,
        lower({{ dbt.concat(["title_key", "' '", "department_key"]) }}) as function_text,
        {{ dbt.concat([
            "' '",
            "translate(lower(" ~ dbt.concat(["title_key", "' '", "department_key"]) ~ "), ',.&/()|:;', '         ')",
            "' '",
        ]) }} as function_words
    from (
        select distinct
            coalesce(title, '') as title_key,
            coalesce(department, '') as department_key
        from departments
    ) as distinct_texts

),

matches as (

    select
        texts.title_key,
        texts.department_key,
        rules.attribute,
        rules.rule_value,
        row_number() over (
            partition by texts.title_key, texts.department_key, rules.attribute order by rules.priority
        ) as match_rank
    from texts
    inner join {{ ref('profile_title_rules') }} as rules
        on
            (
                rules.attribute = 'seniority'
                and (
                    (
                        rules.match_type = 'contains'
                        and texts.title_text like {{ dbt.concat(["'%'", 'rules.pattern', "'%'"]) }}
                    )
                    or (
                        rules.match_type = 'word'
                        and texts.title_words like {{ dbt.concat(["'% '", 'rules.pattern', "' %'"]) }}
                    )
                )
            )
            or (
                rules.attribute = 'function'
                and (
                    (
                        rules.match_type = 'contains'
                        and texts.function_text like {{ dbt.concat(["'%'", 'rules.pattern', "'%'"]) }}
                    )
                    or (
                        rules.match_type = 'word'
                        and texts.function_words like {{ dbt.concat(["'% '", 'rules.pattern', "' %'"]) }}
                    )
                )
            )

),

final as (

    select
        departments.record_key,
        departments.person_id,
        departments.source_system,
        departments.title,
        departments.department,
        job_functions.rule_value as job_function,
        seniorities.rule_value as seniority,
        departments.created_at
    from departments
    left join matches as job_functions
        on
            coalesce(departments.title, '') = job_functions.title_key
            and coalesce(departments.department, '') = job_functions.department_key
            and job_functions.attribute = 'function'
            and job_functions.match_rank = 1
    left join matches as seniorities
        on
            coalesce(departments.title, '') = seniorities.title_key
            and coalesce(departments.department, '') = seniorities.department_key
            and seniorities.attribute = 'seniority'
            and seniorities.match_rank = 1

)

select * from final
