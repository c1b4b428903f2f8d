"""Time as integer epoch seconds, formatted the way each source system writes it.

Formatting goes through per-day and per-second lookup tables: tens of millions of activity
timestamps are formatted per run, and datetime.strftime would dominate the run time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

DAY = 86_400
HOUR = 3_600
JST_OFFSET = 9 * HOUR
EXTRACT_HOUR = 6  # deliveries run at 06:00 UTC (15:00 in Tokyo)
HISTORY_YEARS = 3
_FUTURE_DAYS = 400  # open opportunities carry expected close dates up to a year ahead


class Clock:
    def __init__(self, as_of: date) -> None:
        first = as_of - timedelta(days=HISTORY_YEARS * 366 + 2)
        self.as_of = as_of
        self._base = int(datetime(first.year, first.month, first.day, tzinfo=UTC).timestamp())
        self.now = int(datetime(as_of.year, as_of.month, as_of.day, EXTRACT_HOUR, tzinfo=UTC).timestamp())
        days = [first + timedelta(days=i) for i in range((as_of - first).days + _FUTURE_DAYS)]
        self._iso = [d.isoformat() for d in days]
        self._slash = [d.strftime("%Y/%m/%d") for d in days]
        self._us = [d.strftime("%m/%d/%Y") for d in days]
        self._tod = [f"T{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}" for s in range(DAY)]
        self._hm = [f"{m // 60:02d}:{m % 60:02d}" for m in range(24 * 60)]
        self.history_start = self._base + 2 * DAY
        self.window_start = self.now - 365 * DAY  # activity history the MA tool still holds
        # Extract deliveries: a full extract two weeks back, then weekly deltas up to as_of.
        self.cutoffs = (self.now - 14 * DAY, self.now - 7 * DAY, self.now)

    def iso_tables(self) -> tuple[int, list[str], list[str]]:
        """(base, day strings, "THH:MM:SS" strings) for hot loops that format timestamps inline:
        the ISO form of ts is days[d] + times[s] + "Z" with d, s = divmod(ts - base, DAY)."""
        return self._base, self._iso, self._tod

    def iso(self, ts: int) -> str:
        """2026-03-14T09:21:05Z (Marketo, webinar platforms)."""
        day, second = divmod(ts - self._base, DAY)
        return self._iso[day] + self._tod[second] + "Z"

    def sf(self, ts: int) -> str:
        """2026-03-14T09:21:05.000Z (Salesforce Bulk API)."""
        day, second = divmod(ts - self._base, DAY)
        return self._iso[day] + self._tod[second] + ".000Z"

    def hs(self, ts: int) -> str:
        """2026-03-14T09:21:05.412Z (HubSpot CRM API v3, with milliseconds)."""
        day, second = divmod(ts - self._base, DAY)
        return f"{self._iso[day]}{self._tod[second]}.{ts % 997:03d}Z"

    @staticmethod
    def millis(ts: int) -> str:
        """Epoch milliseconds as HubSpot's legacy and event APIs return them."""
        return str(ts * 1000 + ts % 997)

    def date(self, ts: int) -> str:
        return self._iso[(ts - self._base) // DAY]

    def slash_date(self, ts: int) -> str:
        return self._slash[(ts - self._base) // DAY]

    def us_date(self, ts: int) -> str:
        return self._us[(ts - self._base) // DAY]

    def jst_minute(self, ts: int) -> str:
        """2026/10/15 14:03 in Tokyo time, as card scanners print capture times."""
        day, second = divmod(ts + JST_OFFSET - self._base, DAY)
        return f"{self._slash[day]} {self._hm[second // 60]}"

    def file_stamp(self, ts: int) -> str:
        """Sortable delivery name: 2026-11-23T0600Z."""
        day, second = divmod(ts - self._base, DAY)
        return f"{self._iso[day]}T{second // 3600:02d}{second // 60 % 60:02d}Z"

    def next_month_start(self, ts: int) -> int:
        day = date.fromisoformat(self.date(ts))
        first = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
        return int(datetime(first.year, first.month, 1, tzinfo=UTC).timestamp())

    def day_start(self, ts: int) -> int:
        return ts - (ts - self._base) % DAY

    def cutoff_index(self, ts: int) -> int:
        """Which delivery first carries something stamped at ts (0 = the full extract)."""
        first, second, _ = self.cutoffs
        return 0 if ts <= first else 1 if ts <= second else 2
