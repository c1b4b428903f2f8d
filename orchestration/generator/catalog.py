"""The vendor's marketing calendar: web content, forms, emails, trade shows, webinars and paid
campaigns. Every system refers to the same programs, so a Salesforce campaign, a Marketo program
and an ad platform's utm_campaign can be joined for ROI the way a real marketing team names them.

The vendor is a fictional SaaS company, Orbit Data (オービットデータ株式会社 in Japan), on the
reserved .example domain.
"""

from __future__ import annotations

from dataclasses import dataclass

from orchestration.generator.clock import DAY, Clock

SITE = "www.orbitdata.example"


@dataclass(frozen=True, slots=True)
class Page:
    page_id: int
    path: str  # /resources/whitepaper/lead-scoring-guide: the category is in the path
    category: str
    title: str
    japanese: bool


@dataclass(frozen=True, slots=True)
class Show:
    """A Japanese trade show whose badge scans arrive as one scanner export."""

    name: str
    slug: str
    start: int
    days: int
    header_style: int  # scanner vendors name the same columns differently
    bom_utf8: bool  # one vendor exports UTF-8 with a BOM instead of Shift_JIS


@dataclass(frozen=True, slots=True)
class Webinar:
    webinar_id: str
    title: str
    slug: str
    start: int
    japanese: bool


@dataclass(frozen=True, slots=True)
class Program:
    """A marketing program: a Marketo program and the Salesforce campaign it syncs to."""

    number: int
    name: str
    kind: str  # Marketo program type
    channel: str
    sf_type: str
    start: int
    end: int
    cost: int
    currency: str
    japanese: bool


@dataclass(frozen=True, slots=True)
class AdCampaign:
    platform: str
    campaign_id: str
    name: str
    utm_campaign: str
    currency: str
    daily_budget: float
    cpm: float  # cost per thousand impressions, in the campaign currency
    ctr: float


# fmt: off
_CONTENT = (
    ("whitepaper", "lead-scoring-guide", "The Lead Scoring Guide", "リードスコアリング実践ガイド"),
    ("whitepaper", "identity-resolution-handbook", "Identity Resolution Handbook",
     "名寄せハンドブック"),
    ("whitepaper", "b2b-data-quality-report-2026", "B2B Data Quality Report 2026",
     "B2Bデータ品質レポート2026"),
    ("whitepaper", "abm-playbook", "The ABM Playbook", "ABM実践プレイブック"),
    ("whitepaper", "japan-lead-management-survey", "Japan Lead Management Survey",
     "日本のリード管理実態調査"),
    ("case-study", "fujimoto-seiki", "How Fujimoto Seiki doubled SQLs", "藤本精機様 導入事例"),
    ("case-study", "northwind-retail", "Northwind Retail: one customer view", "ノースウィンド様 導入事例"),
    ("case-study", "kestrel-capital", "Kestrel Capital cut lead response time", "ケストレル様 導入事例"),
    ("blog", "what-is-an-mql", "What is an MQL, really?", "MQLとは何か"),
    ("blog", "sales-handoff-sla", "Designing a sales handoff SLA", "営業引き渡しSLAの設計"),
    ("blog", "demand-waterfall-explained", "The demand waterfall explained",
     "デマンドウォーターフォール解説"),
    ("blog", "dedupe-japanese-names", "Deduplicating Japanese names", "日本語の名寄せの難しさ"),
    ("blog", "utm-best-practices", "UTM parameters that survive", "UTMパラメータの付け方"),
    ("blog", "trade-show-follow-up", "Trade-show follow-up in 48 hours", "展示会フォローは48時間以内に"),
    ("product", "overview", "Product overview", "製品概要"),
    ("product", "identity-resolution", "Identity resolution", "名寄せ機能"),
    ("product", "scoring", "Scoring", "スコアリング機能"),
    ("product", "integrations", "Integrations", "連携"),
    ("pricing", "", "Pricing", "料金プラン"),
    ("pricing", "enterprise", "Enterprise pricing", "エンタープライズ料金"),
    ("demo", "", "Request a demo", "デモのお申し込み"),
    ("contact", "", "Contact us", "お問い合わせ"),
    ("careers", "", "Careers", "採用情報"),
    ("home", "", "Home", "トップページ"),
)
# fmt: on

_SHOWS = (
    ("DX 総合EXPO", "dx-expo"),
    ("マーケティング Week", "marketing-week"),
    ("AI・業務自動化展", "ai-automation"),
    ("データ活用 EXPO", "data-expo"),
    ("営業支援 EXPO", "sales-expo"),
    ("Japan IT Week", "japan-it-week"),
)
_SHOW_DAYS_AGO = (330, 262, 200, 141, 75, 37)

_WEBINARS = (
    ("名寄せから始めるリード管理", "dedupe-first", True),
    ("MA×SFA連携の勘所", "ma-sfa-sync", True),
    ("Lead Scoring That Sales Trusts", "scoring-sales-trusts", False),
    ("展示会リードを商談に変える3つのステップ", "trade-show-to-pipeline", True),
    ("スコアリング設計入門", "scoring-design", True),
    ("From MQL to Pipeline", "mql-to-pipeline", False),
    ("ABM実践セミナー", "abm-seminar", True),
    ("データクレンジング入門", "data-cleansing", True),
    ("Data Quality for RevOps", "data-quality-revops", False),
    ("インサイドセールス立ち上げ講座", "inside-sales", True),
    ("マーケティングROIの可視化", "marketing-roi", True),
    ("ABM Playbook 2026", "abm-playbook-live", False),
)

# fmt: off
_ADS = (
    ("google_ads", "Search - Lead Scoring - US", "search_scoring_us", "USD", 180.0, 28.0, 0.035),
    ("google_ads", "検索 - 名寄せ - JP", "search_dedupe_jp", "JPY", 22_000.0, 3_200.0, 0.03),
    ("linkedin", "ABM - Enterprise - AMER", "li_abm_amer", "USD", 250.0, 42.0, 0.006),
    ("linkedin", "Content - Data Quality Report - EMEA", "li_dq_report_emea", "EUR", 140.0, 35.0, 0.005),
    ("meta", "Retargeting - Webinar - EMEA", "meta_retarget_emea", "EUR", 60.0, 9.0, 0.009),
    ("meta", "Retargeting - Global", "meta_retarget_global", "USD", 70.0, 8.5, 0.01),
    ("yahoo_japan", "YDA - 展示会告知", "yda_tradeshow_jp", "JPY", 15_000.0, 450.0, 0.004),
    ("yahoo_japan", "検索 - リード管理", "yss_lead_mgmt_jp", "JPY", 12_000.0, 2_800.0, 0.028),
)
# fmt: on


def _season(month: int) -> str:
    return "春" if 3 <= month <= 5 else "夏" if 6 <= month <= 8 else "秋" if month <= 11 else "冬"


class Catalog:
    def __init__(self, clock: Clock, people: int) -> None:
        self.pages = tuple(
            Page(
                1000 + i * 2 + int(ja),
                self._path(category, slug, ja),
                category,
                title_ja if ja else title_en,
                ja,
            )
            for i, (category, slug, title_en, title_ja) in enumerate(_CONTENT)
            for ja in (False, True)
        )
        first_show_day = clock.day_start(clock.now)
        self.shows = tuple(
            self._show(clock, name, slug, first_show_day - days_ago * DAY + 1 * 3600, i)
            for i, ((name, slug), days_ago) in enumerate(zip(_SHOWS, _SHOW_DAYS_AGO, strict=True))
        )
        self.webinars = tuple(
            Webinar(
                webinar_id=f"8{(7_919 * (i + 11)) % 10_000:04d}{(104_729 * (i + 3)) % 1_000_000:06d}",
                title=("【ウェビナー】" + title) if japanese else title,
                slug=slug,
                start=first_show_day - (350 - i * 29) * DAY + (5 if japanese else 16) * 3600,
                japanese=japanese,
            )
            for i, (title, slug, japanese) in enumerate(_WEBINARS)
        )
        self.ads = tuple(
            AdCampaign(
                platform,
                f"{7_000_000_000 + i * 1_234_567}",
                name,
                utm,
                currency,
                budget * max(0.25, people / 2_000),
                cpm,
                ctr,
            )
            for i, (platform, name, utm, currency, budget, cpm, ctr) in enumerate(_ADS)
        )
        self.programs = self._programs(clock)
        self._channel_programs: dict[tuple[str, bool], list[int]] = {}

    @staticmethod
    def _path(category: str, slug: str, japanese: bool) -> str:
        prefix = "/jp" if japanese else ""
        if category in ("whitepaper", "case-study"):
            return f"{prefix}/resources/{category}/{slug}"
        if category in ("blog", "product"):
            return f"{prefix}/{category}/{slug}"
        return f"{prefix}/{category}{'/' + slug if slug else ''}" if category != "home" else f"{prefix}/"

    @staticmethod
    def _show(clock: Clock, name: str, slug: str, start: int, index: int) -> Show:
        day = clock.date(start)
        year, month = int(day[:4]), int(day[5:7])
        return Show(f"{name} {year} {_season(month)}", slug, start, 3, index % 3, index == 3)

    def _programs(self, clock: Clock) -> tuple[Program, ...]:
        programs: list[Program] = []

        def add(
            name: str,
            kind: str,
            channel: str,
            sf_type: str,
            start: int,
            end: int,
            cost: int,
            currency: str,
            japanese: bool,
        ) -> None:
            programs.append(
                Program(
                    len(programs) + 1001, name, kind, channel, sf_type, start, end, cost, currency, japanese
                )
            )

        for show in self.shows:
            day = clock.date(show.start)
            add(
                f"{day[:7]} Tradeshow - {show.slug}",
                "Event",
                "Tradeshow",
                "Trade Show",
                show.start - 60 * DAY,
                show.start + show.days * DAY,
                4_500_000,
                "JPY",
                True,
            )
        for webinar in self.webinars:
            day = clock.date(webinar.start)
            add(
                f"{day[:7]} Webinar - {webinar.slug}",
                "Event",
                "Webinar",
                "Webinar",
                webinar.start - 21 * DAY,
                webinar.start + DAY,
                300_000 if webinar.japanese else 4_000,
                "JPY" if webinar.japanese else "USD",
                webinar.japanese,
            )
        year_start = clock.now - 365 * DAY
        add(
            "Nurture - Global - Always On",
            "Engagement",
            "Nurture",
            "Email",
            year_start - 365 * DAY,
            clock.now + 180 * DAY,
            0,
            "USD",
            False,
        )
        add(
            "Newsletter - Monthly",
            "Email",
            "Email Blast",
            "Email",
            year_start - 365 * DAY,
            clock.now + 180 * DAY,
            0,
            "USD",
            False,
        )
        for page in self.pages:
            if page.category == "whitepaper" and not page.japanese:
                add(
                    f"Content - {page.path.rsplit('/', 1)[-1]}",
                    "Default",
                    "Content",
                    "Content",
                    year_start,
                    clock.now + 90 * DAY,
                    12_000,
                    "USD",
                    False,
                )
        add(
            "Content Syndication - TechTarget",
            "Default",
            "Content Syndication",
            "Content Syndication",
            year_start,
            clock.now,
            45_000,
            "USD",
            False,
        )
        for ad in self.ads:
            add(
                f"Paid - {ad.utm_campaign}",
                "Default",
                "Paid Social" if ad.platform in ("linkedin", "meta") else "Paid Search",
                "Advertisement",
                year_start,
                clock.now,
                0,
                ad.currency,
                ad.currency == "JPY",
            )
        return tuple(programs)

    def show_program(self, show: int) -> int:
        return show

    def webinar_program(self, webinar: int) -> int:
        return len(self.shows) + webinar

    @property
    def nurture(self) -> int:
        return len(self.shows) + len(self.webinars)

    @property
    def newsletter(self) -> int:
        return self.nurture + 1

    def channel_programs(self, channel: str, japanese: bool) -> list[int]:
        """Programs a person acquired through `channel` joins: a whitepaper, an ad campaign..."""
        key = (channel, japanese)
        if key not in self._channel_programs:
            wanted = {
                "web_form": ("Content",),
                "content_syndication": ("Content Syndication",),
                "paid": ("Paid Search", "Paid Social"),
            }.get(channel, ())
            found = [i for i, p in enumerate(self.programs) if p.channel in wanted]
            if channel == "paid":
                found = [i for i in found if self.programs[i].japanese == japanese] or found
            self._channel_programs[key] = found
        return self._channel_programs[key]
