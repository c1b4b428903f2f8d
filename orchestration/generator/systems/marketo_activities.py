"""Marketo activities: the behaviour stream (about 30 rows per person, so tens of millions at
scale). Volume, recency and the share of pricing and demo pages all rise with a person's intent.

Speed matters here more than anywhere: the constant part of every row is escaped once up front
(marketo_assets), a lead's rows are collected as (time, tail) pairs, and one tight loop sorts,
dates and routes them to the deliveries.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from orchestration.generator.chance import between, pick
from orchestration.generator.clock import DAY
from orchestration.generator.journey import Journey
from orchestration.generator.systems import Env
from orchestration.generator.systems.marketo_assets import MarketoAssets, tail
from orchestration.generator.writers import Deliveries

HEADER = ("marketoGUID", "leadId", "activityDate", "activityTypeId", "campaignId",
          "primaryAttributeValueId", "primaryAttributeValue", "attributes")  # fmt: skip
# fmt: off
ACTIVITY_TYPES = (
    (1, "Visit Webpage"), (2, "Fill Out Form"), (3, "Click Link"), (6, "Send Email"),
    (7, "Email Delivered"), (8, "Email Bounced"), (9, "Unsubscribe Email"), (10, "Open Email"),
    (11, "Click Email"), (12, "New Lead"), (13, "Change Data Value"),
    (104, "Change Status in Progression"),
)
# fmt: on
_LATE_SHARE = 0.05  # activities logged just before a cutoff that only reach the next delivery

Rows = list[tuple[int, str]]  # (activity time, the row after its date)


class MarketoActivities:
    def __init__(self, env: Env) -> None:
        self._env = env
        self._rng = env.rng("marketo-activities")
        self._out = Deliveries(env.registry, env.clock, "marketo", "activities", HEADER)
        self._guid = 100_000_000
        self._assets = MarketoAssets(env.clock, env.catalog)

    def _flush(self, lead_id: int, rows: Rows) -> None:
        """Dates, numbers and routes one lead's rows; rows after as_of have not happened yet."""
        clock = self._env.clock
        base, days, times = clock.iso_tables()
        first, second, now = clock.cutoffs
        random = self._rng.random
        buffers: tuple[list[str], list[str], list[str]] = ([], [], [])
        guid, lead = self._guid, f",{lead_id},"
        rows.sort()
        for ts, rest in rows:
            if ts > now:
                break
            guid += 1
            day, second_of_day = divmod(ts - base, DAY)
            if ts <= first:
                index = 1 if ts > first - 2 * DAY and random() < _LATE_SHARE else 0
            else:
                index = 1 if ts <= second else 2
            buffers[index].append(f"{guid}{lead}{days[day]}{times[second_of_day]}Z{rest}")
        self._guid = guid
        for sink, lines in zip(self._out.sinks, buffers, strict=True):
            sink.lines(lines)

    def emit(self, lead_id: int, journey: Journey, created: int, japanese_site: bool, careers: bool) -> int:
        """Writes one lead's activities; returns the time of its first hard bounce (0 if none)."""
        clock = self._env.clock
        start = max(created, clock.window_start)
        end = min(journey.unsubscribed_at or clock.now, clock.now)
        ip = f"{(198, 203)[lead_id % 2]}.{(51, 0)[lead_id % 2]}.{(100, 113)[lead_id % 2]}.{lead_id % 254 + 1}"
        rows: Rows = []
        if created >= clock.window_start:
            source = "Web form fillout" if journey.inquiry_at == journey.created_at else "List import"
            document = {"Source Type": source, "Lead Source": journey.channel}
            value = journey.channel.replace("_", " ").title()
            rows.append((created, self._assets.cached(12, "", "", value, document)))
        bounced = self._emails_for(rows, journey, start, end, ip)
        self._visits(rows, journey, start, end, ip, japanese_site, careers)
        self._moments(rows, journey, start, ip, japanese_site)
        if start <= journey.unsubscribed_at <= clock.now:
            assets = self._assets
            email = assets.emails[max(0, bisect_right(assets.send_times, journey.unsubscribed_at) - 1)]
            rows.append((journey.unsubscribed_at, email.unsubscribe))
        self._flush(lead_id, rows)
        return bounced

    def _emails_for(self, rows: Rows, journey: Journey, start: int, end: int, ip: str) -> int:
        random = self._rng.random
        append = rows.append
        visit = self._assets.visits
        open_p = 0.1 + 0.45 * journey.intent
        click_p = 0.08 + 0.35 * journey.intent
        sends, emails = self._assets.send_times, self._assets.emails
        for i in range(bisect_left(sends, start), bisect_right(sends, end)):
            at, email = sends[i], emails[i]
            append((at, email.send))
            if journey.email_bounces:
                append((at + 90, email.bounce))
                return at + 90  # Marketo stops mailing an address after a hard bounce
            append((at + 60 + int(random() * 240), email.delivered))
            if random() < open_p:
                opened = at + 300 + int(random() * random() * 3 * DAY)
                append((opened, email.opens[int(random() * 3)]))
                if random() < click_p:
                    clicked = opened + 5 + int(random() * 600)
                    append((clicked, email.click))
                    head, rest = visit[email.link]
                    append((clicked + 3, head + ip + rest))
        return 0

    def _visits(
        self, rows: Rows, journey: Journey, start: int, end: int, ip: str, japanese_site: bool, careers: bool
    ) -> None:
        rng = self._rng
        random = rng.random
        append = rows.append
        span = end - start
        if span <= 0:
            return
        intent = journey.intent
        count = int(rng.expovariate(1) * (2 + 40 * intent**1.3) * span / (365 * DAY))
        assets = self._assets
        indexes, cumulative = assets.general[japanese_site]
        total = cumulative[-1]
        hot = assets.by_category[("pricing", japanese_site)] + assets.by_category[("demo", japanese_site)]
        careers_page = assets.by_category[("careers", japanese_site)][0]
        pricing_p = 0.03 + 0.3 * intent
        skew = 1 / (1 + 2 * intent)  # keen people visit more recently
        visit, click_link = assets.visits, assets.click_links
        for _ in range(count):
            at = start + int(span * random() ** skew)
            r = random()
            if r < pricing_p:
                page = hot[int(random() * len(hot))]
            elif careers and r < pricing_p + 0.3:
                page = careers_page
            else:
                page = indexes[bisect_left(cumulative, random() * total)]
            head, rest = visit[page]
            append((at, head + ip + rest))
            if random() < 0.05:
                append((at + 20, click_link[page]))

    def _moments(self, rows: Rows, journey: Journey, start: int, ip: str, japanese_site: bool) -> None:
        """Forms and program steps around the journey's milestones."""
        rng, catalog, assets = self._rng, self._env.catalog, self._assets
        for index, joined, status, success in journey.programs:
            if joined < start:
                continue
            program = catalog.programs[index]
            ids = (str(3_000 + index), str(program.number), program.name)
            webinar = program.channel == "Webinar"
            if program.channel in ("Webinar", "Content", "Paid Search", "Paid Social"):
                form = "Webinar Registration" if webinar else "Content Download"
                page = {"Webpage ID": str(1_000 + index), "Query Parameters": ""}
                head, rest = assets.with_ip(2, str(2_000 + index), form, page)
                rows.append((joined, head + ip + rest))
            first = "Registered" if webinar else status
            step = {"New Status": first, "Old Status": "Not in Program", "Success": success and not webinar}
            rows.append((joined + 30, assets.cached(104, *ids, step)))
            if webinar:
                held = catalog.webinars[index - len(catalog.shows)].start + 3_600
                step = {"New Status": status, "Old Status": "Registered", "Success": success}
                rows.append((held, assets.cached(104, *ids, step)))
        if journey.mql_at >= start:
            # The visits and the hand-raiser form that tip a lead over the MQL threshold.
            categories = assets.by_category
            hot = categories[("pricing", japanese_site)] + categories[("case-study", japanese_site)]
            for _ in range(rng.randint(2, 5)):
                head, rest = assets.visits[pick(rng, hot)]
                rows.append((journey.mql_at - between(rng, 600, 7 * DAY), head + ip + rest))
            form = pick(rng, ("Demo Request", "Contact Us", "Pricing Inquiry"))
            head, rest = assets.with_ip(
                2, str(2_900 + len(form)), form, {"Query Parameters": "utm_source=google"}
            )
            rows.append((journey.mql_at - 120, head + ip + rest))
            rows.append((journey.mql_at, assets.mql_change))

    def change(self, lead_id: int, at: int, attribute: str, old: str, new: str) -> None:
        """A Change Data Value activity for a field edit written elsewhere (job change)."""
        document = {"Attribute Name": attribute, "Old Value": old, "New Value": new,
                    "Reason": "Form fill-out", "Source": "Web form fillout"}  # fmt: skip
        self._flush(lead_id, [(at, tail(13, "", "", attribute, document))])
