"""Webinar platform exports: one CSV per webinar with registrants and their attendance.
Registrants type their own details, so notations vary most here."""

from __future__ import annotations

from orchestration.generator.chance import between
from orchestration.generator.clock import HOUR
from orchestration.generator.journey import Journey
from orchestration.generator.people import Person
from orchestration.generator.systems import Env, Member
from orchestration.generator.variants import Context, Notation
from orchestration.generator.writers import Sink

HEADER = (
    "webinar_id",
    "webinar_title",
    "email",
    "first_name",
    "last_name",
    "company",
    "job_title",
    "country",
    "registered_at",
    "attended",
    "join_time",
    "leave_time",
    "duration_minutes",
)


class Webinars:
    def __init__(self, env: Env) -> None:
        self._env = env
        self._rng = env.rng("webinars")
        self._notation = Notation(self._rng)
        self._sinks: list[Sink] = [
            env.registry.sink(
                "webinars", "attendance", f"{env.clock.file_stamp(w.start + 3 * HOUR)}_{w.slug}.csv", HEADER
            )
            for w in env.catalog.webinars
        ]
        self._rows = 0

    def emit(self, members: list[Member]) -> None:
        for person, journey in members:
            for webinar, registered, attended in journey.webinars:
                self._row(person, journey, webinar, registered, attended)

    def _row(self, person: Person, journey: Journey, index: int, registered: int, attended: bool) -> None:
        rng, n, clock = self._rng, self._notation, self._env.clock
        webinar = self._env.catalog.webinars[index]
        context = Context.JAPAN if webinar.japanese else Context.GLOBAL
        account = person.account_at(registered)
        first, last = n.name(person, context)
        email = n.email(
            person, person.email_at(registered), context, journey.role_mail_user, journey.personal_mail_user
        )
        join = leave = duration = ""
        if attended:
            joined = webinar.start + between(rng, -300, 900)
            minutes = max(3, min(75, int(rng.gauss(35 + 30 * journey.intent, 12))))
            join, leave, duration = clock.iso(joined), clock.iso(joined + minutes * 60), str(minutes)
        self._rows += 1
        # A few registration times come from a form plug-in that writes local time with slashes.
        registered_text = clock.jst_minute(registered) if self._rows % 41 == 17 else clock.iso(registered)
        sink = self._sinks[index]
        row = sink.row(
            (
                webinar.webinar_id,
                webinar.title,
                email,
                first,
                last,
                n.company(account, context),
                n.title(person, context),
                n.country(person.country, context),
                registered_text,
                "Yes" if attended else "No",
                join,
                leave,
                duration,
            )
        )
        self._env.truth.record("webinars", "attendance", "", sink, row, person, account)
