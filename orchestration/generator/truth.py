"""Ground truth, written beside (never under) the landing folder: which true person and account
every generated record belongs to, and each person's latent fit, intent and real stage dates.
Identity resolution, scoring and funnel models are evaluated against these files."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import IO

from orchestration.generator.clock import Clock
from orchestration.generator.companies import Account
from orchestration.generator.journey import STAGES, Journey
from orchestration.generator.people import Person
from orchestration.generator.writers import Sink

RECORD_COLUMNS = (
    "system",
    "object",
    "record_id",
    "file",
    "row",
    "true_person_id",
    "true_account_id",
    "is_japanese",
)
# fmt: off
PEOPLE_COLUMNS = (
    "true_person_id", "true_account_id", "previous_account_id", "job_changed_at", "is_japanese",
    "country", "family_name", "given_name", "family_name_kana", "given_name_kana", "email",
    "function", "seniority", "fit", "intent", "channel", "created_at",
    *(f"{stage}_at" for stage in STAGES), "lost_at", "opportunity_amount_usd",
)
# fmt: on
ACCOUNT_COLUMNS = (
    "true_account_id",
    "name",
    "english_name",
    "legal_form",
    "domain",
    "country",
    "is_japanese",
    "industry",
    "employees",
    "corporate_number",
    "prefecture_jis",
)
ACCOUNT_RECORD_COLUMNS = ("system", "object", "record_id", "file", "row", "true_account_id")


def _flag(value: bool) -> str:
    return "true" if value else "false"


class Truth:
    def __init__(self, truth_dir: Path, clock: Clock) -> None:
        truth_dir.mkdir(parents=True, exist_ok=True)
        self._clock = clock
        self.paths = tuple(
            truth_dir / name for name in ("records.csv", "people.csv", "accounts.csv", "account_records.csv")
        )
        self._handles: list[IO[str]] = [
            path.open("w", encoding="utf-8", newline="", buffering=1 << 20) for path in self.paths
        ]
        self._records, self._people, self._accounts, self._account_records = (
            csv.writer(handle, lineterminator="\n") for handle in self._handles
        )
        for writer, header in zip(
            (self._records, self._people, self._accounts, self._account_records),
            (RECORD_COLUMNS, PEOPLE_COLUMNS, ACCOUNT_COLUMNS, ACCOUNT_RECORD_COLUMNS),
            strict=True,
        ):
            writer.writerow(header)

    def record(
        self, system: str, obj: str, record_id: str, sink: Sink, row: int, person: Person, account: Account
    ) -> None:
        """One person-bearing landing row; `account` is the employer when the record was made."""
        self._records.writerow(
            (system, obj, record_id, sink.relative, row, person.pid, account.aid, _flag(person.is_japanese))
        )

    def records(
        self,
        system: str,
        obj: str,
        record_id: str,
        written: list[tuple[Sink, int]],
        person: Person,
        account: Account,
    ) -> None:
        for sink, row in written:
            self.record(system, obj, record_id, sink, row, person, account)

    def account_records(
        self, system: str, obj: str, record_id: str, written: list[tuple[Sink, int]], account: Account
    ) -> None:
        for sink, row in written:
            self._account_records.writerow((system, obj, record_id, sink.relative, row, account.aid))

    def person(self, person: Person, journey: Journey) -> None:
        iso = self._clock.iso

        def stamp(ts: int) -> str:
            return iso(ts) if ts else ""

        lost = journey.closed_at if journey.closed_at and not journey.won else 0
        self._people.writerow(
            (
                person.pid,
                person.account.aid,
                person.prev_account.aid if person.prev_account else "",
                stamp(person.job_changed_at),
                _flag(person.is_japanese),
                person.country.code,
                person.family_kanji or person.family,
                person.given_kanji or person.given,
                person.family_kana,
                person.given_kana,
                person.email,
                person.function,
                person.seniority,
                f"{person.fit:.4f}",
                f"{journey.intent:.4f}",
                journey.channel,
                stamp(journey.created_at),
                *(stamp(journey.stage_at(s)) for s in STAGES),
                stamp(lost),
                journey.amount_usd or "",
            )
        )

    def account(self, account: Account) -> None:
        self._accounts.writerow(
            (
                account.aid,
                account.name,
                account.english,
                account.legal_form,
                account.domain,
                account.country.code,
                _flag(account.is_japanese),
                account.industry.name,
                account.employees,
                account.corporate_number,
                account.prefecture.jis if account.prefecture else "",
            )
        )

    def close(self) -> None:
        for handle in self._handles:
            handle.close()
