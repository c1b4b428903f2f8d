"""Trade-show badge scans: one scanner export per show, Shift_JIS (cp932) with Japanese headers
and CRLF line ends, as Windows-based card-scanning services write them. Vendors name columns
differently (姓(カナ) / セイ / 姓（カナ）, 取得日時 / 名刺交換日), and one exports UTF-8 with a BOM.
"""

from __future__ import annotations

from orchestration.generator.catalog import Show
from orchestration.generator.chance import pick
from orchestration.generator.clock import DAY
from orchestration.generator.companies import Account
from orchestration.generator.journey import Journey
from orchestration.generator.people import Person
from orchestration.generator.systems import Env, Member
from orchestration.generator.variants import Context, Notation
from orchestration.generator.writers import Sink
from orchestration.loading.naming import normalize_column_name

# fmt: off
HEADERS = (
    ("会社名", "部署名", "役職", "姓", "名", "姓(カナ)", "名(カナ)", "メールアドレス", "電話番号",
     "携帯電話", "郵便番号", "都道府県", "住所", "URL", "法人番号", "展示会名", "取得日時",
     "導入予定時期", "予算", "決裁権", "検討中の課題", "メモ"),
    ("企業名", "部署", "役職名", "姓", "名", "セイ", "メイ", "Eメール", "電話番号", "携帯電話番号",
     "郵便番号", "都道府県", "住所", "URL", "展示会名", "取得日時", "導入予定時期", "予算", "決裁権",
     "検討中の課題", "メモ"),
    ("会社名", "部署名", "役職", "姓", "名", "姓（カナ）", "名（カナ）", "メールアドレス", "電話番号",
     "携帯電話", "郵便番号", "都道府県", "住所", "URL", "法人番号", "イベント名", "名刺交換日",
     "導入予定時期", "予算", "決裁権", "検討中の課題", "メモ"),
)
# fmt: on
_NEEDS = (
    "リード管理の効率化",
    "名寄せ・データクレンジング",
    "MAとSFAの連携",
    "スコアリング",
    "展示会リードの活用",
    "営業への引き渡し",
    "特になし",
)
_MEMOS = (
    "",
    "",
    "",
    "デモ希望",
    "資料送付希望",
    "来期予算化予定",
    "競合比較中",
    "名刺のみ",
    "デモ希望, 来月再訪",
    "上長に共有予定",
    "至急連絡希望",
)


class Events:
    def __init__(self, env: Env) -> None:
        self._env = env
        self._rng = env.rng("events")
        self._notation = Notation(self._rng)
        self._files: list[tuple[Sink, tuple[str, ...], Show]] = []
        for show in env.catalog.shows:
            header = HEADERS[show.header_style]
            exported = show.start + show.days * DAY + 8 * 3600
            sink = env.registry.sink(
                "events",
                "badge_scans",
                f"{env.clock.file_stamp(exported)}_{show.slug}.csv",
                header,
                "utf-8-sig" if show.bom_utf8 else "cp932",
                crlf=True,
            )
            self._files.append((sink, tuple(normalize_column_name(h) for h in header), show))

    def emit(self, members: list[Member]) -> None:
        for person, journey in members:
            for show, captured in journey.shows:
                self._scan(person, journey, show, captured)

    def _scan(self, person: Person, journey: Journey, show_index: int, captured: int) -> None:
        rng, n, clock = self._rng, self._notation, self._env.clock
        sink, columns, show = self._files[show_index]
        account = person.account_at(captured)
        first, last = n.name(person, Context.CARD)
        first_kana, last_kana = n.kana(person)
        pref = account.prefecture
        japanese = person.is_japanese
        values = {
            "company_name": n.company(account, Context.CARD),
            "department": person.department_ja if japanese else "",
            "title": person.title_ja if japanese else person.title_en,
            "last_name": last,
            "first_name": first,
            "last_name_kana": last_kana,
            "first_name_kana": first_kana,
            "email": ""
            if rng.random() < 0.04
            else n.email(person, person.email_at(captured), Context.CARD, journey.role_mail_user, False),
            "phone": n.phone(person.phone, Context.CARD) if rng.random() < 0.9 else "",
            "mobile_phone": n.phone(person.mobile, Context.CARD) if person.mobile else "",
            "postal_code": self._postcode(account),
            "prefecture": pref.name if pref and rng.random() < 0.8 else "",
            "address": account.address,
            "url": pick(
                rng,
                (f"https://www.{account.domain}/", f"http://{account.domain}", f"www.{account.domain}", ""),
            ),
            "corporate_number": account.corporate_number if rng.random() < 0.4 else "",
            "event_name": show.name,
            "captured_at": clock.jst_minute(captured)[:10]
            if show.header_style == 2
            else clock.jst_minute(captured),
            **self._survey(person, journey),
        }
        if values["address"] and not values["prefecture"] and pref:
            values["address"] = pref.name + account.address  # the prefecture folded into the address
        row = sink.row([values.get(column, "") for column in columns])
        self._env.truth.record("events", "badge_scans", "", sink, row, person, account)

    def _postcode(self, account: Account) -> str:
        code = account.postcode
        if not code:
            return ""
        return pick(self._rng, (code, code, f"〒{code}", code.replace("-", "")))

    def _survey(self, person: Person, journey: Journey) -> dict[str, str]:
        """BANT answers from the booth survey; keener and more senior people answer more."""
        rng, intent = self._rng, journey.intent
        if rng.random() < 0.25:
            return {"memo": pick(rng, _MEMOS)}
        timeline = (
            "3ヶ月以内"
            if intent > 0.5
            else "半年以内"
            if intent > 0.35
            else pick(rng, ("1年以内", "未定", "情報収集中"))
        )
        budget = pick(
            rng,
            ("予算確保済み", "500万円未満", "500～1000万円") if intent > 0.45 else ("検討中", "未定", "なし"),
        )
        authority = (
            "決裁者"
            if person.seniority >= 3
            else "決裁に関与"
            if person.seniority == 2
            else pick(rng, ("情報収集", "なし"))
        )
        return {
            "timeline": timeline,
            "budget": budget,
            "authority": authority,
            "need": pick(rng, _NEEDS),
            "memo": pick(rng, _MEMOS),
        }
