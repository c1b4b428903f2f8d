"""The latent side of a person: intent, how they came in, how far down the demand waterfall they
got and when, and which systems therefore hold records of them. Nothing here is written to the
landing files directly; the systems render it, and the ground truth records it.

Rates follow B2B norms: roughly 10-20% of inquiries become MQLs, a third of MQLs become SQLs
(opportunities) and 20-30% of opportunities are won. Fit and intent drive every step, so a
scoring model trained on the behaviour has something real to find.
"""

from __future__ import annotations

import math
import random
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate

from orchestration.generator.catalog import Catalog
from orchestration.generator.chance import between, pick, weighted
from orchestration.generator.clock import DAY, Clock
from orchestration.generator.people import Person

STAGES = ("inquiry", "mql", "sal", "sql", "won")

# Acquisition channels and their weights for the Japan team and the global team.
_JP_CHANNELS = {"trade_show": 30, "webinar": 18, "web_form": 30, "paid": 10, "list_import": 12}
# fmt: off
_GLOBAL_CHANNELS = {
    "web_form": 38, "paid": 18, "webinar": 10, "content_syndication": 12, "trade_show": 4,
    "list_import": 10, "sales_outbound": 8,
}
# fmt: on


def _cumulative(weights: dict[str, int]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    return tuple(weights), tuple(accumulate(weights.values()))


_CHANNELS = {True: _cumulative(_JP_CHANNELS), False: _cumulative(_GLOBAL_CHANNELS)}
OUTBOUND = frozenset({"list_import", "sales_outbound"})


@dataclass(slots=True)
class Journey:
    intent: float
    channel: str
    created_at: int
    inquiry_at: int = 0  # 0 = stage not reached
    mql_at: int = 0
    sal_at: int = 0
    sql_at: int = 0
    closed_at: int = 0  # opportunity closed (won or lost); 0 while open or without one
    won: bool = False
    amount_usd: int = 0
    channel_japanese: bool = False  # acquired by the Japan team's campaigns
    unsubscribed_at: int = 0
    email_bounces: bool = False
    personal_mail_user: bool = False  # gives a free-mail address instead of the work one
    role_mail_user: bool = False  # gives info@ / sales@ instead of the work one
    in_marketo: bool = False
    marketo_duplicate: bool = False
    in_salesforce: bool = False
    salesforce_duplicate: bool = False
    in_hubspot: bool = False
    hubspot_duplicate: bool = False
    shows: list[tuple[int, int]] = field(default_factory=list)  # (show, captured at)
    webinars: list[tuple[int, int, bool]] = field(default_factory=list)  # (webinar, registered, attended)
    # (program, joined at, progression status, reached success): the memberships every system
    # reflects in its own way (Marketo program members, Salesforce campaign members).
    programs: list[tuple[int, int, str, bool]] = field(default_factory=list)

    def stage_at(self, stage: str) -> int:
        if stage == "won":
            return self.closed_at if self.won else 0
        return int(getattr(self, f"{stage}_at"))


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


class JourneyPlanner:
    def __init__(self, rng: random.Random, clock: Clock, catalog: Catalog) -> None:
        self._rng = rng
        self._clock = clock
        self._catalog = catalog
        self._show_starts = [show.start for show in catalog.shows]
        self._webinar_starts = [webinar.start for webinar in catalog.webinars]
        self._team_webinars = {
            japanese: [i for i, w in enumerate(catalog.webinars) if w.japanese == japanese]
            for japanese in (True, False)
        }
        self._start = rng.random()
        self._credit: dict[str, float] = {}

    def _show_after(self, after: int) -> int | None:
        index = bisect_left(self._show_starts, after)
        if index == len(self._show_starts) or self._show_starts[index] > self._clock.now:
            return None
        return index

    def _webinar_after(self, after: int, japanese: bool) -> int | None:
        for index, webinar in enumerate(self._catalog.webinars):
            if webinar.start >= after and webinar.japanese == japanese and webinar.start < self._clock.now:
                return index
        return None

    def plan(self, person: Person) -> Journey:
        rng, clock = self._rng, self._clock
        intent = rng.betavariate(1.3, 3.5) * (0.4 if person.function == "other" else 1.0)
        japan_team = person.country.code == "JP"
        channels = _CHANNELS[japan_team]
        channel = weighted(rng, *channels)
        if rng.random() < 0.3:
            created = clock.history_start + int(rng.random() * (clock.window_start - clock.history_start))
        else:
            created = clock.window_start + int(rng.random() * (clock.now - clock.window_start))
        journey = Journey(intent=intent, channel=channel, created_at=created, channel_japanese=japan_team)
        if channel == "trade_show" and japan_team:
            show = self._show_after(created)
            if show is None:
                journey.channel = "web_form"
            else:
                journey.created_at = self._scan(journey, show)
        elif channel == "webinar":
            webinar = self._webinar_after(created, japan_team)
            if webinar is None:
                journey.channel = "web_form"
            else:
                journey.created_at = self._register(journey, webinar, between(rng, 2, 20) * DAY)
        self._stages(person, journey)
        self._footprint(person, journey)
        self._memberships(journey)
        return journey

    def _scan(self, journey: Journey, show: int) -> int:
        # Scans happen over the show's three days, 10:00-17:00 in Tokyo.
        at = self._show_starts[show] + between(self._rng, 0, 3) * DAY + between(self._rng, 0, 7 * 3600)
        journey.shows.append((show, at))
        return at

    def _register(self, journey: Journey, webinar: int, lead_time: int) -> int:
        at = self._webinar_starts[webinar] - lead_time
        attended = self._rng.random() < 0.45 + 0.4 * journey.intent
        journey.webinars.append((webinar, at, attended))
        return at

    def _passes(self, step: str, probability: float) -> bool:
        """Systematic sampling: each person passes with exactly `probability`, but the running
        total keeps the count of passes within one of its expectation, so even a sample of a few
        hundred people reaches every stage and has duplicates (and every landing object gets
        records)."""
        credit = self._credit.get(step, self._start) + probability
        self._credit[step] = credit - 1 if credit >= 1 else credit
        return credit >= 1

    def _stages(self, person: Person, journey: Journey) -> None:
        rng, now = self._rng, self._clock.now
        fit, intent = person.fit, journey.intent
        inquiry = journey.created_at
        if journey.channel in OUTBOUND:
            # Cold records become inquiries only when the person raises a hand later.
            inquiry = inquiry + int(rng.expovariate(1 / 60) * DAY) if intent > 0.3 else 0
        if not inquiry or inquiry > now:
            return
        journey.inquiry_at = inquiry
        # The Japan team's funnel is sampled apart from the global one: both get their deals.
        team = "japan" if person.account.is_japanese else "global"
        if not self._passes(f"mql {team}", _sigmoid((0.5 * fit + 0.5 * intent - 0.54) * 11)):
            return
        at = inquiry + int(rng.expovariate(1 / 25) * DAY * (1.4 - intent)) + 3600
        if at > now:
            return
        journey.mql_at = at
        if not self._passes(f"sal {team}", 0.8):
            return  # rejected by sales development, back to nurture
        at += int(rng.expovariate(1 / 1.2) * DAY) + 1800
        if at > now:
            return
        journey.sal_at = at
        if not self._passes(f"sql {team}", 0.45 * (0.55 + 0.8 * fit)):
            return
        at += int(rng.expovariate(1 / 12) * DAY) + 3600
        if at > now:
            return
        journey.sql_at = at
        size = person.account.employees
        base = 15_000 if size < 200 else 45_000 if size < 2_000 else 120_000
        journey.amount_usd = int(base * rng.lognormvariate(0, 0.5) / 500) * 500
        close = at + int(rng.uniform(30, 150) * DAY)
        if close <= now:
            journey.closed_at = close
            journey.won = self._passes(f"won {team}", 0.12 + 0.25 * fit)

    def _footprint(self, person: Person, journey: Journey) -> None:
        rng = self._rng
        account_jp = person.account.is_japanese
        japan_team = person.country.code == "JP"
        journey.personal_mail_user = rng.random() < 0.08
        journey.role_mail_user = rng.random() < 0.04
        journey.email_bounces = rng.random() < 0.02
        if rng.random() < 0.04 + 0.1 * (1 - journey.intent):
            unsubscribed = journey.created_at + int(rng.expovariate(1 / 120) * DAY)
            journey.unsubscribed_at = unsubscribed if unsubscribed <= self._clock.now else 0
        if person.is_japanese and account_jp:
            marketo_p, hubspot_p, show_p, webinar_p = 0.18, 0.9, 0.15, 0.15
        elif japan_team:
            marketo_p, hubspot_p, show_p, webinar_p = 0.7, 0.5, 0.15, 0.15
        else:
            marketo_p, hubspot_p, show_p, webinar_p = 0.93, 0.02, 0.0, 0.06
        journey.in_marketo = rng.random() < marketo_p or journey.channel == "content_syndication"
        # The Japan team runs its deals in HubSpot, so its opportunities are HubSpot contacts.
        journey.in_hubspot = rng.random() < hubspot_p or (account_jp and journey.sql_at > 0)
        if not account_jp:
            # Marketo syncs MQLs (and a share of the rest) to Salesforce; sales also keys in
            # leads of its own, and opportunities always live in Salesforce.
            journey.in_marketo = journey.in_marketo or journey.mql_at > 0
            synced = journey.in_marketo and (journey.mql_at > 0 or rng.random() < 0.45)
            journey.in_salesforce = synced or journey.sql_at > 0 or rng.random() < 0.06
        else:
            journey.in_salesforce = journey.in_marketo and rng.random() < 0.5
        journey.marketo_duplicate = journey.in_marketo and self._passes("marketo_duplicate", 0.06)
        journey.salesforce_duplicate = journey.in_salesforce and self._passes("salesforce_duplicate", 0.05)
        journey.hubspot_duplicate = journey.in_hubspot and self._passes("hubspot_duplicate", 0.07)
        # Keen people come back: to later shows of the season and to more webinars.
        now, created, intent = self._clock.now, journey.created_at, journey.intent
        if show_p:
            seen = {show for show, _ in journey.shows}
            for show, start in enumerate(self._show_starts):
                if created < start <= now and show not in seen and rng.random() < show_p * (0.5 + intent):
                    self._scan(journey, show)
        seen = {webinar for webinar, _, _ in journey.webinars}
        for index in self._team_webinars[japan_team]:
            start = self._webinar_starts[index]
            if created < start <= now and index not in seen and rng.random() < webinar_p * (0.3 + intent):
                self._register(journey, index, between(rng, 1, 15) * DAY)
        known = journey.in_marketo or journey.in_salesforce or journey.in_hubspot
        if not (known or journey.shows or journey.webinars):
            # Everyone generated is known to at least one system of their own team.
            journey.in_hubspot = account_jp
            journey.in_marketo = not account_jp

    def _memberships(self, journey: Journey) -> None:
        catalog, rng = self._catalog, self._rng
        for show, at in journey.shows:
            journey.programs.append((catalog.show_program(show), at, "Visited Booth", True))
        for webinar, registered, attended in journey.webinars:
            status = "Attended" if attended else "No Show"
            journey.programs.append((catalog.webinar_program(webinar), registered, status, attended))
        acquired = catalog.channel_programs(journey.channel, journey.channel_japanese)
        if acquired:
            journey.programs.append((pick(rng, acquired), journey.created_at, "Responded", True))
