{#- in_person_bucket(person_key, bucket, buckets): a condition keeping the persons of bucket
    `bucket` (0 .. buckets - 1) of an integer person key, for a window run once per bucket and
    unioned (var scoring_window_buckets). -#}
{% macro in_person_bucket(person_key, bucket, buckets) -%}
    ({{ person_key }} % {{ buckets }}) = {{ bucket }}
{%- endmacro %}
