{#- normalize_company_name(expr): a company name for matching, so that ㈱山田商事, 株式会社 山田商事,
    山田商事株式会社, (株)山田商事, （株）山田商事 and ﾔﾏﾀﾞ... forms meet, as do ＡＢＣ株式会社,
    ABC Co., Ltd. and ABC K.K.:
      1. normalize_width()
      2. lower-cased; abbreviations (㈱ ㍿ (株) = 株式会社, ㈲ (有) = 有限会社, (同) = 合同会社, ...)
         and legal-form tokens removed wherever they stand (before or after the name): Japanese
         ones as substrings, Latin ones as whole words after . and , became spaces
      3. every character that is not a letter or digit (punctuation, spaces) removed
    null when nothing is left. -#}
{% macro normalize_company_name(expr) -%}
    {{ return(adapter.dispatch('normalize_company_name', 'leadflow')(expr)) }}
{%- endmacro %}

{% macro company_legal_forms() -%}
    {%- do return({
        "abbreviations": [
            ["㈱", "株式会社"], ["㍿", "株式会社"], ["(株)", "株式会社"],
            ["㈲", "有限会社"], ["(有)", "有限会社"],
            ["(同)", "合同会社"], ["(資)", "合資会社"], ["(名)", "合名会社"],
            ["(一社)", "一般社団法人"], ["(一財)", "一般財団法人"],
            ["㈳", "社団法人"], ["(社)", "社団法人"], ["㈶", "財団法人"], ["(財)", "財団法人"]
        ],
        "japanese": [
            "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人", "特定非営利活動法人",
            "社団法人", "財団法人", "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "npo法人"
        ],
        "latin_regex": "(co *ltd|k *k|inc|incorporated|corp|corporation|llc|gmbh|ltd|limited|pte|plc)"
    }) -%}
{%- endmacro %}

{% macro default__normalize_company_name(expr) -%}
    {%- set forms = leadflow.company_legal_forms() -%}
    {#- Expanding an abbreviation and then stripping the full form is the same as stripping
        both, so one alternation removes them all (longest first; brackets as [(] [)]). A
        single regexp_replace also keeps the expression shallow enough for sqlfluff. -#}
    {%- set tokens = [] -%}
    {%- for pair in forms.abbreviations -%}
        {%- do tokens.append(pair[0] | replace('(', '[(]') | replace(')', '[)]')) -%}
    {%- endfor -%}
    {%- do tokens.extend(forms.japanese) -%}
    {%- set lowered = 'lower(' ~ leadflow.normalize_width(expr) ~ ')' -%}
    {%- set without_japanese = leadflow.regexp_replace_all(lowered, '(' ~ tokens | join('|') ~ ')', '') -%}
    {%- set spaced = "translate(" ~ without_japanese ~ ", '.,', '  ')" -%}
    {%- set without_latin = leadflow.regexp_replace_all(spaced, '\\b' ~ forms.latin_regex ~ '\\b', ' ') -%}
    nullif({{ leadflow.regexp_replace_all(without_latin, '[^\\p{L}\\p{N}]', '') }}, '')
{%- endmacro %}
