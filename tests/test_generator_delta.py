"""`generate --delta-day`: one more day of extracts, drawn deterministically from what was
delivered, with new ids, on that day, in the landing contract's shapes."""

from __future__ import annotations

import csv
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from orchestration.generator import generate
from orchestration.generator.delta import generate_delta

DAY = date(2026, 11, 24)
NAME = "2026-11-24T0600Z"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("base")
    generate(root / "landing", root / "truth", people=300, seed=42)
    return root / "landing"


@pytest.fixture
def landing(base: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(base, tmp_path / "landing"))


def _rows(path: Path) -> list[dict[str, str]]:
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _earlier(landing: Path, folder: str, key: str) -> list[str]:
    return [
        row[key] for path in sorted((landing / folder).iterdir()) if path.name < NAME for row in _rows(path)
    ]


def test_same_seed_and_day_give_the_same_files_and_another_day_does_not(landing: Path, tmp_path: Path):
    other = Path(shutil.copytree(landing, tmp_path / "other"))
    first = generate_delta(landing, DAY, seed=42)
    again = generate_delta(landing, DAY, seed=42)  # the day's own files are not drawn from
    assert first.files and [p.read_bytes() for p in first.files] == [p.read_bytes() for p in again.files]
    later = generate_delta(other, date(2026, 11, 25), seed=42)
    assert {p.name for p in first.files} == {f"{NAME}{p.suffix}" for p in first.files}
    marketo = [p for p in later.files if p.parent.name == "activities"]
    assert _rows(marketo[0]) != _rows(landing / "marketo" / "activities" / f"{NAME}.csv")


def test_about_one_activity_in_365_happens_again_on_the_day_under_a_new_id(landing: Path):
    earlier = _earlier(landing, "marketo/activities", "marketoGUID")
    delta = generate_delta(landing, DAY, seed=42)
    rows = _rows(landing / "marketo" / "activities" / f"{NAME}.csv")
    # binomial(n, 1/365): the bounds hold but for a few standard deviations' luck
    assert len(earlier) / 365 / 2 < len(rows) < len(earlier) / 365 * 2
    assert delta.rows[("marketo", "activities")] == len(rows)
    assert all(row["activityDate"].startswith("2026-11-24T") for row in rows)
    assert not {row["marketoGUID"] for row in rows} & set(earlier)
    events = _rows(landing / "hubspot" / "email_events" / f"{NAME}.jsonl")
    assert events and not {row["id"] for row in events} & set(_earlier(landing, "hubspot/email_events", "id"))
    midnight, next_midnight = 1795478400000, 1795564800000  # 2026-11-24 and -25 00:00 UTC
    assert all(midnight <= int(row["created"]) < next_midnight for row in events)


def test_new_leads_are_known_people_under_new_ids_and_changed_leads_keep_theirs(landing: Path):
    generate_delta(landing, DAY, seed=42, share=20)
    leads = _rows(landing / "marketo" / "leads" / f"{NAME}.csv")
    assert leads and not {row["id"] for row in leads} & set(_earlier(landing, "marketo/leads", "id"))
    assert {row["email"] for row in leads} <= set(_earlier(landing, "marketo/leads", "email"))
    assert all(row["createdAt"].startswith("2026-11-24T") and not row["sfdcLeadId"] for row in leads)
    changed = _rows(landing / "salesforce" / "Lead" / f"{NAME}.csv")
    assert changed and {row["Id"] for row in changed} <= set(_earlier(landing, "salesforce/Lead", "Id"))
    assert all(row["SystemModstamp"].startswith("2026-11-24T") for row in changed)
