{#- prefecture_name_variants(prefectures): every way a prefecture is written, as rows (jis_code,
    prefecture_name) from a relation with the columns of seed `prefectures`: 東京都, 東京 (the
    suffix 都/府/県 dropped), tokyo. Badge scans and CRM addresses name prefectures all three ways. -#}
{% macro prefecture_name_variants(prefectures) -%}
    select
        jis_code,
        name_ja as prefecture_name
    from {{ prefectures }}

    union

    select
        jis_code,
        case
            when substring(name_ja, length(name_ja), 1) in ('都', '府', '県')
                then substring(name_ja, 1, length(name_ja) - 1)
            else name_ja
        end as prefecture_name
    from {{ prefectures }}

    union

    select
        jis_code,
        lower(name_en) as prefecture_name
    from {{ prefectures }}
{%- endmacro %}
