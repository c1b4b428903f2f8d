{#- The one place that says how characters fold for matching. DuckDB has no NFKC (and
    strip_accents would drop dakuten: ガ -> カ), so width folding is done with these explicit maps,
    which every engine can apply with replace() and translate().

    Generated from Python's unicodedata.normalize("NFKC", ...) (half-width sound marks excepted, see below):
    - fullwidth_*: full-width ASCII U+FF01..U+FF5E to U+0021..U+007E, ideographic space U+3000 and
      no-break space U+00A0 to a space, full-width signs ￠￡￢￤￥￦ to their half-width forms.
    - halfwidth_kana_sequences: two-character half-width kana + sound mark (ｶﾞ, ﾊﾟ, ｳﾞ...) to one
      composed full-width kana. Must be applied BEFORE the 1:1 map, or ｶﾞ would become カ゛.
    - halfwidth_kana_*: every other half-width katakana/punctuation U+FF61..U+FF9F 1:1 to full
      width; a lone sound mark becomes the spacing ゛ / ゜.
    - hiragana_*: hiragana U+3041..U+3096 (and ゝゞ) to katakana, used for person names.
    - *_sound_marks: the combining marks U+3099/U+309A and the spacing ゛゜ (the
      DuckDB version composes with nfc_normalize instead of the sequence list, see width.sql).
-#}
{% macro char_maps() %}
    {%- do return({
        "fullwidth_from": "！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～　 ￠￡￢￤￥￦",
        "fullwidth_to": "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~  ¢£¬¦¥₩",
        "halfwidth_kana_sequences": [
            ["ｶﾞ", "ガ"],
            ["ｷﾞ", "ギ"],
            ["ｸﾞ", "グ"],
            ["ｹﾞ", "ゲ"],
            ["ｺﾞ", "ゴ"],
            ["ｻﾞ", "ザ"],
            ["ｼﾞ", "ジ"],
            ["ｽﾞ", "ズ"],
            ["ｾﾞ", "ゼ"],
            ["ｿﾞ", "ゾ"],
            ["ﾀﾞ", "ダ"],
            ["ﾁﾞ", "ヂ"],
            ["ﾂﾞ", "ヅ"],
            ["ﾃﾞ", "デ"],
            ["ﾄﾞ", "ド"],
            ["ﾊﾞ", "バ"],
            ["ﾋﾞ", "ビ"],
            ["ﾌﾞ", "ブ"],
            ["ﾍﾞ", "ベ"],
            ["ﾎﾞ", "ボ"],
            ["ｳﾞ", "ヴ"],
            ["ﾜﾞ", "ヷ"],
            ["ｦﾞ", "ヺ"],
            ["ﾊﾟ", "パ"],
            ["ﾋﾟ", "ピ"],
            ["ﾌﾟ", "プ"],
            ["ﾍﾟ", "ペ"],
            ["ﾎﾟ", "ポ"]
        ],
        "halfwidth_kana_from": "｡｢｣､･ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝﾞﾟ",
        "halfwidth_kana_to": "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜",
        "hiragana_from": "ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖゝゞ",
        "hiragana_to": "ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶヽヾ",
        "combining_sound_marks": "゙゚",
        "spacing_sound_marks": "゛゜"
    }) -%}
{% endmacro %}
