"""Paid media spend: daily cost, impressions and clicks per ad campaign, delivered monthly.
Each platform bills in its own currency (JPY, USD, EUR), so ROI needs dated FX rates."""

from __future__ import annotations

from orchestration.generator.clock import DAY
from orchestration.generator.systems import Env
from orchestration.generator.writers import Sink

HEADER = (
    "date",
    "platform",
    "campaign_id",
    "campaign_name",
    "utm_campaign",
    "cost",
    "currency",
    "impressions",
    "clicks",
)


def emit_spend(env: Env) -> None:
    rng, clock = env.rng("ads"), env.clock
    sink: Sink | None = None
    month = ""
    day = clock.day_start(clock.window_start)
    while day < clock.day_start(clock.now):
        date = clock.date(day)
        if date[:7] != month:
            month = date[:7]
            # A month's spend arrives on the 2nd of the next month, the running month at as_of.
            delivered = min(clock.now, clock.next_month_start(day) + DAY + 6 * 3600)
            sink = env.registry.sink("ads", "spend", f"{clock.file_stamp(delivered)}.csv", HEADER)
        assert sink is not None
        weekend = (day // DAY + 4) % 7 >= 5  # 1970-01-01 was a Thursday
        for ad in env.catalog.ads:
            cost = ad.daily_budget * rng.uniform(0.7, 1.1) * (0.6 if weekend else 1.0)
            impressions = int(cost / ad.cpm * 1000)
            clicks = int(impressions * ad.ctr * rng.uniform(0.7, 1.3))
            text = str(round(cost)) if ad.currency == "JPY" else f"{cost:.2f}"
            sink.row(
                (
                    date,
                    ad.platform,
                    ad.campaign_id,
                    ad.name,
                    ad.utm_campaign,
                    text,
                    ad.currency,
                    impressions,
                    clicks,
                )
            )
        day += DAY
