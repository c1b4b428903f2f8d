"""`generate --delta-day`: one more day of extracts on top of a generated landing folder.

A daily run sees new activities, some new leads and some changed records. Rather than replaying
the journey model for one day (it plans a person's whole history at once), the day is drawn
from what was already delivered, in DuckDB so a million-person landing folder takes seconds:
about 1/365 of the activities (Marketo activities, HubSpot email events and form submissions)
happen again on that day under new ids, about 1/365 of Marketo leads register again as new
leads (same person, so identity resolution has to merge them), and about 1/365 of Salesforce
leads are re-sent with a new modification stamp. Which rows are drawn depends only on the seed,
the day and the files delivered before it, so the same call gives the same files.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

import duckdb

# One day of a year of history.
DAILY_SHARE = 365
_NEW_LEAD_ID_BASE = 1_000_000_000
_TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


@dataclass(frozen=True)
class DeltaSummary:
    day: date
    rows: dict[tuple[str, str], int]  # (system, object) -> data rows written
    files: tuple[Path, ...]


def _earlier_files(landing: Path, system: str, folder: str, name: str) -> list[str]:
    directory = landing / system / folder
    if not directory.is_dir():
        return []
    return sorted(str(p) for p in directory.iterdir() if p.is_file() and p.name < name)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _list(paths: list[str]) -> str:
    return "[" + ", ".join(_literal(p) for p in paths) + "]"


def _drawn(key: str, seed: int, day: date, share: int) -> str:
    """A deterministic 1-in-`share` draw of a row by its key."""
    return f"md5_number({key} || ':{seed}:{day.isoformat()}') % {share} = 0"


def _on_day(column: str, day: date) -> str:
    """The same time of day as `column` (an ISO timestamp text), on `day`."""
    return (
        f"strftime(date '{day.isoformat()}' + (cast({column} as timestamp) "
        f"- date_trunc('day', cast({column} as timestamp))), '{_TIMESTAMP_FORMAT}')"
    )


def _epoch_ms_on_day(column: str, day: date) -> str:
    """The same time of day as `column` (epoch milliseconds as text), on `day`, as text."""
    midnight = int(datetime.combine(day, time(), tzinfo=UTC).timestamp() * 1000)
    return f"cast({midnight} + cast({column} as bigint) % 86400000 as varchar)"


def _queries(day: date, seed: int, share: int) -> dict[tuple[str, str, str], str]:
    """(system, folder, suffix) -> a query over `src` (the earlier files) giving the day's rows."""
    stamp = day.strftime("%Y%m%d")
    return {
        ("marketo", "activities", ".csv"): f"""
            select * replace (
                '{stamp}' || marketoGUID as marketoGUID, {_on_day("activityDate", day)} as activityDate
            )
            from src where {_drawn("marketoGUID", seed, day, share)} order by marketoGUID""",
        ("hubspot", "email_events", ".jsonl"): f"""
            select * replace (
                md5(id || '{stamp}') as id, {_epoch_ms_on_day("created", day)} as created
            )
            from src where {_drawn("id", seed, day, share)} order by id""",
        ("hubspot", "form_submissions", ".jsonl"): f"""
            select * replace ({_epoch_ms_on_day("submitted_at", day)} as submitted_at)
            from src where {_drawn("contact_id || submitted_at", seed, day, share)}
            order by contact_id, submitted_at""",
        ("marketo", "leads", ".csv"): f"""
            select * replace (
                cast({_NEW_LEAD_ID_BASE + (day.toordinal() % 100) * 10_000_000}
                    + row_number() over (order by cast(id as bigint)) as varchar) as id,
                null as sfdcLeadId, null as sfdcContactId,
                {_on_day("createdAt", day)} as createdAt, {_on_day("createdAt", day)} as updatedAt
            )
            from (select * from src qualify row_number() over (partition by id order by updatedAt desc) = 1)
            where {_drawn("id", seed, day, share)} order by cast(id as bigint)""",
        ("salesforce", "Lead", ".csv"): f"""
            select * replace ({_on_day("SystemModstamp", day)} as SystemModstamp)
            from (
                select * from src
                qualify row_number() over (partition by Id order by SystemModstamp desc) = 1
            )
            where {_drawn("Id", seed, day, share)} and IsDeleted = 'false' order by Id""",
    }


def _reader(suffix: str, files: list[str]) -> str:
    if suffix == ".csv":
        return f"read_csv({_list(files)}, header = true, all_varchar = true, union_by_name = true)"
    return f"read_json({_list(files)}, format = 'newline_delimited', union_by_name = true)"


def generate_delta(landing_dir: Path, day: date, seed: int = 42, share: int = DAILY_SHARE) -> DeltaSummary:
    """Writes the extracts of `day` (named `<day>T0600Z`) under `landing_dir`, drawn 1 row in
    `share` from the files delivered before it; a file the day already has is rewritten with the
    same content, an object with no row drawn gets no file."""
    landing = Path(landing_dir).resolve()
    name = f"{day.isoformat()}T0600Z"
    rows: dict[tuple[str, str], int] = {}
    files: list[Path] = []
    with duckdb.connect() as con:
        for (system, folder, suffix), query in _queries(day, seed, share).items():
            earlier = _earlier_files(landing, system, folder, name)
            if not earlier:
                continue
            con.execute(f"create or replace temp view src as select * from {_reader(suffix, earlier)}")
            con.execute(f"create or replace temp table delta as {query}")
            [(count,)] = con.execute("select count(*) from delta").fetchall()
            if not count:
                continue
            target = landing / system / folder / f"{name}{suffix}"
            options = "format csv, header true" if suffix == ".csv" else "format json"
            con.execute(f"copy (select * from delta) to {_literal(str(target))} ({options})")
            rows[(system, folder)] = count
            files.append(target)
    return DeltaSummary(day=day, rows=rows, files=tuple(files))
