"""Personal names: Japanese names with kanji variants and katakana readings, and the names of the
global regions (AMER, EMEA, APAC) with the nicknames people use in one system and not another.

Japanese family names repeat across many companies, and some have two common readings (河野 is
Kono or Kawano) or variant kanji (高橋 / 髙橋, 斎藤 / 齋藤 / 斉藤): identity resolution has to
live with both, so the tables carry them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class JapaneseName:
    kanji: tuple[str, ...]  # first entry is the usual form, later ones the variant kanji
    readings: tuple[str, ...]  # katakana; first entry is the common reading


def _jp(kanji: str, readings: str) -> JapaneseName:
    return JapaneseName(tuple(kanji.split("/")), tuple(readings.split("/")))


# The most frequent family names in Japan, most frequent first.
# fmt: off
FAMILY_NAMES: tuple[JapaneseName, ...] = tuple(
    _jp(k, r)
    for k, r in (
        ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋/髙橋", "タカハシ"), ("田中", "タナカ"),
        ("伊藤", "イトウ"), ("渡辺/渡邊/渡邉", "ワタナベ"), ("山本", "ヤマモト"),
        ("中村", "ナカムラ"), ("小林", "コバヤシ"), ("加藤", "カトウ"), ("吉田", "ヨシダ"),
        ("山田", "ヤマダ"), ("佐々木", "ササキ"), ("山口", "ヤマグチ"), ("松本", "マツモト"),
        ("井上", "イノウエ"), ("木村", "キムラ"), ("林", "ハヤシ"), ("斎藤/齋藤/斉藤", "サイトウ"),
        ("清水", "シミズ"), ("山崎", "ヤマザキ/ヤマサキ"), ("森", "モリ"), ("池田", "イケダ"),
        ("橋本", "ハシモト"), ("阿部", "アベ"), ("石川", "イシカワ"), ("山下", "ヤマシタ"),
        ("中島", "ナカジマ/ナカシマ"), ("石井", "イシイ"), ("小川", "オガワ"), ("前田", "マエダ"),
        ("岡田", "オカダ"), ("長谷川", "ハセガワ"), ("藤田", "フジタ"), ("後藤", "ゴトウ"),
        ("近藤", "コンドウ"), ("村上", "ムラカミ"), ("遠藤", "エンドウ"), ("青木", "アオキ"),
        ("坂本", "サカモト"), ("福田", "フクダ"), ("太田", "オオタ"), ("西村", "ニシムラ"),
        ("藤井", "フジイ"), ("岡本", "オカモト"), ("藤原", "フジワラ"), ("松田", "マツダ"),
        ("中川", "ナカガワ"), ("中野", "ナカノ"), ("原田", "ハラダ"), ("小野", "オノ"),
        ("田村", "タムラ"), ("竹内", "タケウチ"), ("金子", "カネコ"), ("和田", "ワダ"),
        ("中山", "ナカヤマ"), ("石田", "イシダ"), ("上田", "ウエダ"), ("森田", "モリタ"),
        ("原", "ハラ"), ("柴田", "シバタ"), ("酒井", "サカイ"), ("工藤", "クドウ"),
        ("横山", "ヨコヤマ"), ("宮崎", "ミヤザキ"), ("宮本", "ミヤモト"), ("内田", "ウチダ"),
        ("高木", "タカギ"), ("安藤", "アンドウ"), ("谷口", "タニグチ"), ("大野", "オオノ"),
        ("丸山", "マルヤマ"), ("今井", "イマイ"), ("河野", "コウノ/カワノ"), ("東", "アズマ/ヒガシ"),
        ("小島", "コジマ"), ("菅原", "スガワラ"), ("千葉", "チバ"), ("野村", "ノムラ"),
        ("松井", "マツイ"), ("菊地", "キクチ"), ("杉山", "スギヤマ"), ("服部", "ハットリ"),
    )
)
# fmt: on

# fmt: off
MALE_GIVEN_NAMES: tuple[JapaneseName, ...] = tuple(
    _jp(k, r)
    for k, r in (
        ("太郎", "タロウ"), ("一郎", "イチロウ"), ("健一", "ケンイチ"), ("翔太", "ショウタ"),
        ("大輔", "ダイスケ"), ("拓也", "タクヤ"), ("直樹", "ナオキ"), ("誠", "マコト"),
        ("隆", "タカシ"), ("浩", "ヒロシ"), ("健太", "ケンタ"), ("和也", "カズヤ"),
        ("達也", "タツヤ"), ("亮", "リョウ"), ("雄一", "ユウイチ"), ("剛", "ツヨシ"),
        ("修", "オサム"), ("聡", "サトシ"), ("淳", "ジュン/アツシ"), ("悠斗", "ユウト"),
        ("蓮", "レン"), ("大翔", "ヒロト"), ("陽介", "ヨウスケ"), ("智也", "トモヤ"),
        ("俊介", "シュンスケ"), ("康弘", "ヤスヒロ"), ("正人", "マサト"), ("秀樹", "ヒデキ"),
        ("浩二", "コウジ"), ("健", "ケン"), ("翔", "ショウ"), ("学", "マナブ"),
        ("大樹", "ダイキ"), ("和彦", "カズヒコ"), ("裕介", "ユウスケ"), ("伸也", "シンヤ"),
        ("洋平", "ヨウヘイ"), ("恭平", "キョウヘイ"), ("哲也", "テツヤ"), ("慎一", "シンイチ"),
    )
)
# fmt: on

# fmt: off
FEMALE_GIVEN_NAMES: tuple[JapaneseName, ...] = tuple(
    _jp(k, r)
    for k, r in (
        ("裕子", "ユウコ"), ("恵子", "ケイコ"), ("陽子", "ヨウコ"), ("美咲", "ミサキ"),
        ("愛", "アイ"), ("真由美", "マユミ"), ("直美", "ナオミ"), ("由美", "ユミ"),
        ("久美子", "クミコ"), ("智子", "トモコ"), ("明美", "アケミ"), ("千尋", "チヒロ"),
        ("彩", "アヤ"), ("麻衣", "マイ"), ("優子", "ユウコ"), ("香織", "カオリ"),
        ("沙織", "サオリ"), ("美穂", "ミホ"), ("結衣", "ユイ"), ("葵", "アオイ"),
        ("さくら", "サクラ"), ("舞", "マイ"), ("奈々", "ナナ"), ("理恵", "リエ"),
        ("綾香", "アヤカ"), ("純子", "ジュンコ"), ("早苗", "サナエ"), ("亜美", "アミ"),
        ("美香", "ミカ"), ("恵美", "エミ"), ("京子", "キョウコ"), ("由紀", "ユキ"),
        ("真理子", "マリコ"), ("幸子", "サチコ"), ("莉子", "リコ"), ("陽菜", "ヒナ"),
    )
)
# fmt: on


@dataclass(frozen=True, slots=True)
class RegionNames:
    given: tuple[str, ...]
    family: tuple[str, ...]


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split(","))


# Accented Latin letters are limited to ones that decompose (é, ü, ñ...), so a card scanner's
# Shift_JIS export can fold them to ASCII the way real scanners do.
REGION_NAMES: dict[str, RegionNames] = {
    "AMER": RegionNames(
        _words(
            "James,John,Robert,Michael,William,David,Richard,Joseph,Thomas,Christopher,Daniel,"
            "Matthew,Anthony,Steven,Andrew,Kevin,Brian,Jason,Ryan,Jacob,Mary,Patricia,Jennifer,"
            "Linda,Elizabeth,Barbara,Susan,Jessica,Sarah,Karen,Emily,Ashley,Michelle,Amanda,"
            "Melissa,Rebecca,Laura,Rachel,Megan,Katherine,Carlos,Maria,Sofia,Diego,Priya,Wei"
        ),
        _words(
            "Smith,Johnson,Williams,Brown,Jones,Garcia,Miller,Davis,Rodriguez,Martinez,Wilson,"
            "Anderson,Taylor,Thomas,Moore,Jackson,Martin,Lee,Thompson,White,Harris,Clark,Lewis,"
            "Walker,Hall,Young,King,Wright,Scott,Green,Baker,Adams,Nelson,Hill,Campbell,Mitchell,"
            "Roberts,Carter,Phillips,Evans,Turner,Parker,Collins,Edwards,Stewart,Morris,Murphy,"
            "Cook,Rogers,Morgan,O'Brien,Nguyen,Patel,Kim,Chen,Hernandez,Lopez,Gonzalez"
        ),
    ),
    "EMEA": RegionNames(
        _words(
            "Lukas,Jonas,Felix,Maximilian,Sophie,Hannah,Lena,Anna,Léa,Camille,Louis,Hugo,Chloé,"
            "Matteo,Giulia,Alessandro,Sofia,Pablo,Lucía,Javier,Daan,Emma,Lars,Erik,Ingrid,Oliver,"
            "Harry,George,Charlotte,Olivia,Amelia,Jack,Thomas,Marie,Julia,Jan,Katarzyna,Piotr,"
            "Ahmed,Fatima,Noah,Mila"
        ),
        _words(
            "Müller,Schmidt,Schneider,Fischer,Weber,Meyer,Wagner,Becker,Schulz,Hoffmann,Dubois,"
            "Martin,Bernard,Durand,Lefèvre,Moreau,Rossi,Russo,Ferrari,Esposito,Bianchi,García,"
            "Fernández,López,Martínez,Sánchez,Jansen,de Vries,van Dijk,Bakker,Johansson,"
            "Andersson,Nielsen,Hansen,Kowalski,Nowak,Smith,Jones,Taylor,Brown,Wilson,Evans,"
            "Murphy,O'Connor,Walsh,Byrne"
        ),
    ),
    "APAC": RegionNames(
        _words(
            "Wei,Jun,Li Na,Xin,Ming,Hui Min,Wei Ling,Jia Hui,Siew Ling,Min-jun,Ji-woo,Seo-yeon,"
            "Priya,Rahul,Arjun,Ananya,Vikram,Deepa,Minh,Linh,Jack,Olivia,Chloe,Liam,Ethan,Grace"
        ),
        _words(
            "Chen,Wang,Li,Zhang,Liu,Tan,Lim,Ng,Wong,Lee,Goh,Kim,Park,Choi,Jung,Singh,Kumar,"
            "Sharma,Patel,Iyer,Nguyen,Tran,Santos,Reyes,Smith,Brown,Wilson,Taylor"
        ),
    ),
}

# The same person is "Robert" in the CRM and "Bob" on a webinar registration.
# fmt: off
NICKNAMES: dict[str, str] = {
    "Robert": "Bob", "William": "Bill", "Michael": "Mike", "Jennifer": "Jen",
    "Elizabeth": "Liz", "Christopher": "Chris", "Daniel": "Dan", "Matthew": "Matt",
    "Anthony": "Tony", "Steven": "Steve", "Andrew": "Andy", "Richard": "Rick",
    "Joseph": "Joe", "Thomas": "Tom", "James": "Jim", "Katherine": "Kate",
    "Rebecca": "Becky", "Patricia": "Pat", "Maximilian": "Max", "Alessandro": "Alex",
    "Jacob": "Jake", "Samantha": "Sam", "Margaret": "Maggie",
}
# fmt: on
