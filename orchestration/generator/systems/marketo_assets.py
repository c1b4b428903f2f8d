"""The constant parts of Marketo activity rows, escaped once per run: one row "tail" (everything
after the activity date) per email send step, web page, link and form. A visit's tail is split
around the client IP, the only part that differs from lead to lead."""

from __future__ import annotations

import json
from itertools import accumulate

from orchestration.generator.catalog import SITE, Catalog
from orchestration.generator.clock import DAY, Clock

_IP = "@IP@"
# How often each kind of page is visited when nothing special drives the visit.
_GENERAL_WEIGHTS = {"blog": 30, "home": 15, "product": 15, "whitepaper": 10, "case-study": 8,
                    "pricing": 3, "demo": 1, "contact": 1, "careers": 2}  # fmt: skip
_DEVICES = (("Desktop", "Windows", False), ("iPhone", "iOS", True), ("Desktop", "Mac OS", False))


def field(value: str) -> str:
    """A CSV field, quoted only when it has to be."""
    if any(ch in value for ch in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


def attributes(document: dict[str, object]) -> str:
    return field(json.dumps(document, ensure_ascii=False))


def tail(type_id: int, campaign: str, value_id: str, value: str, document: dict[str, object]) -> str:
    """Everything of an activity row after its date, newline included."""
    return f",{type_id},{campaign},{value_id},{field(value)},{attributes(document)}\n"


class EmailSend:
    """One scheduled email: the tails of its send, delivery, bounce, opens, click, unsubscribe."""

    __slots__ = ("bounce", "click", "delivered", "link", "opens", "send", "unsubscribe")

    def __init__(self, number: int, name: str, campaign: int, link_path: str, link: int) -> None:
        run = {"Campaign Run ID": str(90_000 + number), "Choice Number": "0", "Step ID": str(number % 9 + 1)}
        ids = (str(campaign), str(5_000 + number), name)
        self.send = tail(6, *ids, run)
        self.delivered = tail(7, *ids, run)
        self.unsubscribe = tail(9, *ids, run)
        self.bounce = tail(8, *ids, {**run, "Category": "1", "Details": "550 5.1.1 User unknown"})
        self.opens = tuple(
            tail(10, *ids, {**run, "Device": device, "Platform": platform, "Is Mobile Device": mobile})
            for device, platform, mobile in _DEVICES
        )
        url = f"https://{SITE}{link_path}?utm_source=marketo&utm_medium=email"
        self.click = tail(11, *ids, {**run, "Link": url, "Is Mobile Device": False})
        self.link = link  # the page the email's call to action opens


class MarketoAssets:
    def __init__(self, clock: Clock, catalog: Catalog) -> None:
        pages = catalog.pages
        self.visits: list[tuple[str, str]] = []
        for page in pages:
            document = {"Client IP Address": _IP, "Query Parameters": "", "Webpage URL": page.path,
                        "Referrer URL": "https://www.google.com/", "User Agent": "Mozilla/5.0"}  # fmt: skip
            head, rest = tail(1, "", str(page.page_id), SITE + page.path, document).split(_IP)
            self.visits.append((head, rest))
        self.click_links = [
            tail(3, "", str(p.page_id + 50_000), SITE + p.path, {"Link ID": "cta"}) for p in pages
        ]
        self.by_category: dict[tuple[str, bool], list[int]] = {}
        for index, page in enumerate(pages):
            self.by_category.setdefault((page.category, page.japanese), []).append(index)
        # (page indexes, cumulative weights) of ordinary browsing on the global and Japanese site
        self.general: dict[bool, tuple[list[int], list[int]]] = {}
        for japanese in (False, True):
            indexes = [i for i, p in enumerate(pages) if p.japanese == japanese]
            weights = accumulate(_GENERAL_WEIGHTS.get(pages[i].category, 0) for i in indexes)
            self.general[japanese] = (indexes, list(weights))
        content = [i for i, p in enumerate(pages) if p.category in ("whitepaper", "case-study", "blog")]
        schedule: list[tuple[int, EmailSend]] = []
        for program, interval in ((catalog.nurture, 28), (catalog.newsletter, 30)):
            name = catalog.programs[program].name
            at = clock.window_start + (program % 5) * DAY + 14 * 3600
            while at < clock.now:
                number = len(schedule)
                link = content[number % len(content)]
                email_name = f"{name}.Email {number:03d}"
                schedule.append((at, EmailSend(number, email_name, 3_000 + program, pages[link].path, link)))
                at += interval * DAY
        schedule.sort(key=lambda item: item[0])
        self.send_times = [at for at, _ in schedule]
        self.emails = [email for _, email in schedule]
        self.mql_change = tail(13, "", "", "Lead Status", {
            "Attribute Name": "Lead Status", "Old Value": "Inquiry", "New Value": "MQL",
            "Reason": "Score threshold reached", "Source": "Marketo Flow Action"})  # fmt: skip
        self._cache: dict[tuple[object, ...], str] = {}
        self._ip_cache: dict[tuple[object, ...], tuple[str, str]] = {}

    def cached(
        self, type_id: int, campaign: str, value_id: str, value: str, document: dict[str, object]
    ) -> str:
        """tail(), memoized: program steps and sources repeat across millions of leads."""
        key = (type_id, campaign, value_id, value, *document.items())
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = tail(type_id, campaign, value_id, value, document)
        return found

    def with_ip(
        self, type_id: int, value_id: str, value: str, document: dict[str, object]
    ) -> tuple[str, str]:
        """A memoized tail whose "Client IP Address" attribute is filled per lead: (head, rest)."""
        key = (type_id, value_id, value, *document.items())
        found = self._ip_cache.get(key)
        if found is None:
            head, rest = tail(type_id, "", value_id, value, {"Client IP Address": _IP, **document}).split(_IP)
            found = self._ip_cache[key] = (head, rest)
        return found
