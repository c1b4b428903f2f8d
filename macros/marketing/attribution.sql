{#- Attribution models: the order here is the order of the weight columns and report rows. -#}
{% macro attribution_models() -%}
    {{ return(['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'time_decay']) }}
{%- endmacro %}

{#- Unnormalized position-based weight of a touch: each role the touch plays (first touch, lead
    creation, opportunity creation...) adds its share, and the touches that play no role split
    rest_share equally. The caller divides by the sum over the opportunity, so a role without a
    touch, several roles on one touch, or a journey without other touches still sum to 1. -#}
{% macro position_raw_weight(roles, rest_share, partition_by) -%}
    {%- set conditions = [] -%}
    {%- set shares = [] -%}
    {%- for condition, share in roles -%}
        {%- do conditions.append('(' ~ condition ~ ')') -%}
        {%- do shares.append('case when ' ~ condition ~ ' then ' ~ share ~ ' else 0 end') -%}
    {%- endfor -%}
    {%- set plays_a_role = conditions | join(' or ') -%}
    ({{ shares | join(' + ') }})
    + case
        when not ({{ plays_a_role }})
            then {{ rest_share }} / sum(case when not ({{ plays_a_role }}) then 1 else 0 end)
                over (partition by {{ partition_by }})
        else 0
    end
{%- endmacro %}
