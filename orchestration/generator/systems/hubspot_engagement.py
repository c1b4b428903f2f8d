"""HubSpot engagement exports, flat JSON per line: marketing email events, form submissions and
contact property history. Timestamps here are epoch-millisecond strings, as HubSpot's event and
legacy APIs return them (the CRM objects use ISO 8601)."""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from json.encoder import encode_basestring  # type: ignore[attr-defined]

from orchestration.generator.catalog import SITE
from orchestration.generator.clock import DAY, HOUR
from orchestration.generator.companies import Account
from orchestration.generator.ids import UUID_MASK, UUID_MULTIPLIER, UuidSequence
from orchestration.generator.journey import Journey
from orchestration.generator.people import Person
from orchestration.generator.systems import Env
from orchestration.generator.variants import Context, Notation
from orchestration.generator.writers import Deliveries

_FORMS = {
    "download": ("資料ダウンロード", "/jp/resources/whitepaper/identity-resolution-handbook"),
    "webinar": ("ウェビナー申し込み", "/jp/webinar"),
    "demo": ("デモ・お問い合わせ", "/jp/demo"),
}


class HubSpotEngagement:
    def __init__(self, env: Env) -> None:
        self._env = env
        self._rng = env.rng("hubspot-engagement")
        self._notation = Notation(self._rng)
        self._event_ids = UuidSequence(env.rng("hubspot-event-ids").getrandbits(128))
        clock, registry = env.clock, env.registry
        self._events = Deliveries(registry, clock, "hubspot", "email_events", None, "jsonl")
        self._forms = Deliveries(registry, clock, "hubspot", "form_submissions", None, "jsonl")
        self._history = Deliveries(registry, clock, "hubspot", "contact_property_history", None, "jsonl")
        form_ids = UuidSequence(env.rng("hubspot-form-ids").getrandbits(128))
        self._form_ids = {kind: form_ids() for kind in _FORMS}
        # The Japan newsletter goes out monthly; shows and webinars get an invitation each.
        # Each send keeps the JSON tail its events share: the campaign id (and the click URL).
        sends: list[tuple[int, str, str]] = []
        at = clock.window_start + 2 * DAY + HOUR
        while at < clock.now:
            sends.append((at, str(41_000_000 + len(sends)), f"https://{SITE}/jp/blog/dedupe-japanese-names"))
            at += 30 * DAY
        catalog = env.catalog
        for event_start, slug in [(s.start, "") for s in catalog.shows] + [
            (w.start, w.slug) for w in catalog.webinars if w.japanese
        ]:
            url = f"https://{SITE}/jp/webinar/{slug}" if slug else f"https://{SITE}/jp/events"
            sends.append((event_start - 14 * DAY, str(42_000_000 + len(sends)), url))
        sends.sort()
        self._send_times = [at for at, _, _ in sends]
        self._sends = [
            (
                at,
                f'","emailCampaignId":"{campaign}"}}\n',
                f'","emailCampaignId":"{campaign}","url":{encode_basestring(url)}}}\n',
            )
            for at, campaign, url in sends
        ]

    def history(self, contact_id: str, prop: str, value: str, at: int, source: str) -> None:
        if at <= self._env.clock.now:
            self._history.at(at).line(
                f'{{"contact_id":"{contact_id}","property":"{prop}","value":{encode_basestring(value)},'
                f'"timestamp":"{self._env.clock.millis(at)}","source_type":"{source}"}}'
            )

    def emails(self, journey: Journey, recipient: str, created: int) -> None:
        """SENT, DELIVERED (or BOUNCE), OPEN and CLICK events of the sends this contact got."""
        clock = self._env.clock
        random = self._rng.random
        now = clock.now
        end = min(journey.unsubscribed_at or now, now)
        start = max(created, clock.window_start)
        open_p, click_p = 0.15 + 0.45 * journey.intent, 0.1 + 0.3 * journey.intent
        events: list[tuple[int, str, str]] = []
        append = events.append
        for i in range(bisect_left(self._send_times, start), bisect_right(self._send_times, end)):
            at, rest, click_rest = self._sends[i]
            append((at, "SENT", rest))
            if journey.email_bounces:
                append((at + 60, "BOUNCE", rest))
                break
            append((at + 60, "DELIVERED", rest))
            if random() < open_p:
                opened = at + 300 + int(random() * random() * 2 * DAY)
                append((opened, "OPEN", rest))
                if random() < click_p:
                    append((opened + 30, "CLICK", click_rest))
        if not events:
            return
        # Millions of lines: ids, epoch milliseconds and routing are inlined here on purpose.
        prefix, number = self._event_ids.take(len(events))
        address = f'","recipient":{encode_basestring(recipient)},"created":"'
        first, second, _ = clock.cutoffs
        buffers: tuple[list[str], list[str], list[str]] = ([], [], [])
        for ts, kind, rest in events:
            if ts <= now:
                index = 0 if ts <= first else 1 if ts <= second else 2
                event_id = f"{prefix}{(number * UUID_MULTIPLIER) & UUID_MASK:012x}"
                buffers[index].append(
                    f'{{"id":"{event_id}","type":"{kind}{address}{ts * 1000 + ts % 997}{rest}'
                )
            number += 1
        for sink, lines in zip(self._events.sinks, buffers, strict=True):
            sink.lines(lines)

    def forms(
        self, person: Person, journey: Journey, contact_id: str, created: int, account: Account, primary: bool
    ) -> None:
        """Form submissions, each typed anew by the person (so notations vary between them)."""
        clock = self._env.clock
        submissions: list[tuple[int, str]] = []
        if not primary:
            submissions.append((created - 60, "download"))
        else:
            if journey.channel in ("web_form", "paid"):
                submissions.append((journey.created_at, "download"))
            submissions += [(registered, "webinar") for _, registered, _ in journey.webinars]
            if journey.mql_at:
                submissions.append((journey.mql_at - 120, "demo"))
        for at, kind in submissions:
            if not created - HOUR <= at <= clock.now:
                continue
            self._submission(person, journey, contact_id, at, kind, account)

    def _submission(
        self, person: Person, journey: Journey, contact_id: str, at: int, kind: str, account: Account
    ) -> None:
        n, clock = self._notation, self._env.clock
        email = n.email(
            person, person.email_at(at), Context.JAPAN, journey.role_mail_user, journey.personal_mail_user
        )
        first, last = n.name(person, Context.JAPAN)
        values = {
            "email": email,
            "lastname": last,
            "firstname": first,
            "company": n.company(account, Context.JAPAN),
            "jobtitle": n.title(person, Context.JAPAN),
            "phone": n.phone(person.phone, Context.JAPAN),
        }
        name, path = _FORMS[kind]
        document = {
            "contact_id": contact_id,
            "email": email,
            "form_id": self._form_ids[kind],
            "form_name": name,
            "page_url": f"https://{SITE}{path}",
            "submitted_at": clock.millis(at),
            "values": json.dumps(values, ensure_ascii=False),
        }
        sink, row = self._forms.json(at, document)
        self._env.truth.record("hubspot", "form_submissions", "", sink, row, person, account)
