"""person_id stays stable across daily runs: build, deliver a delta that adds a record to one
person, merges two others and brings a new one, build again, and compare."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from orchestration.evaluation.sample import build_identity, load_landing
from orchestration.generator import generate

pytestmark = pytest.mark.e2e

# Salesforce sync stamps in the delta are newer than anything the generator writes.
DELTA_STAMP = "2026-11-30T06:00:00Z"


def query(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def person_ids(warehouse: Path) -> dict[str, str]:
    return dict(query(warehouse, "select record_key, person_id from core.bridge_person_records"))


def pick_people(warehouse: Path) -> tuple[tuple[str, str], tuple[str, str], tuple[str, str]]:
    """(person_id, work email) of A and C, and (person_id, Salesforce lead id) of B: three
    different persons, none of them an oldest-id tie-break accident (any three will do)."""
    emails = query(
        warehouse,
        """
        select bridge.person_id, min(keyed.email)
        from core.bridge_person_records as bridge
        inner join intermediate.int_person_records_keyed as keyed using (record_key)
        where keyed.email is not null and not keyed.is_role_email and not keyed.is_free_mail
        group by bridge.person_id
        order by bridge.person_id
        limit 2
        """,
    )
    leads = query(
        warehouse,
        f"""
        select person_id, min(source_record_id)
        from core.bridge_person_records
        where source_system = 'salesforce' and source_object = 'lead'
            and person_id not in ('{emails[0][0]}', '{emails[1][0]}')
        group by person_id
        order by person_id
        limit 1
        """,
    )
    return emails[0], leads[0], emails[1]


def deliver_marketo_delta(landing: Path, rows: list[dict[str, str]]) -> None:
    path = landing / "marketo" / "leads" / "2026-11-30T0600Z.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(
            handle, ["id", "email", "firstName", "lastName", "sfdcLeadId", "createdAt", "updatedAt"]
        )
        writer.writeheader()
        for row in rows:
            writer.writerow({"createdAt": DELTA_STAMP, "updatedAt": DELTA_STAMP, **row})


def test_person_ids_survive_new_records_merges_and_reruns(tmp_path):
    landing, warehouse = tmp_path / "landing", tmp_path / "warehouse.duckdb"
    generate(landing, tmp_path / "truth", people=150, seed=11)
    load_landing(warehouse, landing, batch_id="day-1")
    build_identity(warehouse, tmp_path, with_tests=False)
    before = person_ids(warehouse)
    (person_a, email_a), (person_b, lead_b), (person_c, email_c) = pick_people(warehouse)

    deliver_marketo_delta(
        landing,
        [
            # names A's work address and B's Salesforce lead: A and B are one human after all
            {"id": "9000001", "email": email_a, "sfdcLeadId": lead_b},
            # C again, under another Marketo id
            {"id": "9000002", "email": email_c},
            # somebody new
            {
                "id": "9000003",
                "email": "brand.new@example-newco.com",
                "firstName": "Nova",
                "lastName": "Newman",
            },
        ],
    )
    load_landing(warehouse, landing, batch_id="day-2")
    build_identity(warehouse, tmp_path)  # with data tests: ids stay one per cluster
    after = person_ids(warehouse)

    merged = {person_a, person_b}
    unchanged = {key: pid for key, pid in before.items() if pid not in merged}
    assert {key: after[key] for key in unchanged} == unchanged
    survivor = min(merged)  # both issued in the first run: the smaller id survives
    assert {after[key] for key, pid in before.items() if pid in merged} == {survivor}
    assert after["marketo:leads:9000001"] == survivor
    assert after["marketo:leads:9000002"] == person_c
    assert after["marketo:leads:9000003"] not in set(before.values())
    changes = query(
        warehouse, "select previous_person_id, person_id, change_type from core.fct_person_id_changes"
    )
    assert changes == [(max(merged), survivor, "merge")]

    build_identity(warehouse, tmp_path, with_tests=False)  # a rerun without new data changes nothing
    assert person_ids(warehouse) == after
    assert query(warehouse, "select count(*) from core.fct_person_id_changes") == [(1,)]
