{#- window_buckets(setting): how many buckets of persons a scoring window runs in. DuckDB holds a
    window's whole input in memory, so there the var named `setting`; Spark's windows spill by
    themselves, and every bucket would only add to the plan its driver compiles. -#}
{% macro window_buckets(setting='scoring_window_buckets') -%}
    {{ return(adapter.dispatch('window_buckets', 'leadflow')(setting)) }}
{%- endmacro %}

{% macro default__window_buckets(setting) -%}
    {{ return(var(setting)) }}
{%- endmacro %}

{% macro spark__window_buckets(setting) -%}
    {{ return(1) }}
{%- endmacro %}

{#- in_person_bucket(person_key, bucket, buckets): a condition keeping the persons of bucket
    `bucket` (0 .. buckets - 1) of an integer person key, for a window run once per bucket and
    unioned (window_buckets). -#}
{% macro in_person_bucket(person_key, bucket, buckets) -%}
    ({{ person_key }} % {{ buckets }}) = {{ bucket }}
{%- endmacro %}
