"""Incremental daily runs and a full refresh give equal marts.

A sample is loaded and built, one more day of extracts is added (`generate --delta-day`: new
activities, new leads that merge into known people, changed leads), loaded and built again,
incrementally; the day also re-delivers a few known Marketo activities with a changed value,
HubSpot contacts and Marketo program memberships, so the incremental staging must take their
newest version and count it. One of those contacts now has another person's email, so the
daily grouping must split it from its old group and merge it into the other. Two re-delivered
activities stop being behaviour (now an email send, now without a parseable time): the
incremental touchpoint stream must drop them. Another contact now names no company, and a
Marketo program is re-sent under another channel, so touches classified before must report
under the new one. A Shift_JIS badge-scan export re-sends a known scan written ㈱ instead of
株式会社 and brings a new one: the badge scans, staged again only on a day that delivers them,
must count the second version. A copy of that warehouse is then rebuilt with `--full-refresh` (the id logs
are never fully refreshed, so both keep the same ids), and every published mart and every
incremental model must hold the same rows in both, compared as multisets both ways (without the
columns stamped with the run's start).

The daily_refresh job does the same load and build plus every dbt test and the publish copy;
test_pipeline_e2e.py runs it. Here the loader and `dbt build` without tests are called directly,
which keeps this test a few minutes long.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import NamedTuple

import duckdb
import pytest
from incremental_redeliveries import (
    DROPPED_ACTIVITIES,
    REDELIVERED_ACTIVITIES,
    REDELIVERED_RECORDS,
    REDELIVERED_SCAN_MEMO,
    REDELIVERED_STATUS,
    REDELIVERED_TITLE,
    MovedContact,
    contact_sharing_its_email,
    rechannel_program,
    redeliver_activities,
    redeliver_badge_scans,
    redeliver_records,
)

from orchestration.evaluation.sample import dbt, load_landing
from orchestration.generator import generate
from orchestration.generator.delta import generate_delta
from orchestration.publishing.publish import Publication, Relation, publish, relations_to_publish

pytestmark = pytest.mark.e2e

SAMPLE_PEOPLE = 200
SEED = 7
DAY = date(2026, 11, 24)
# One day of a year is a handful of rows at this size: a larger draw makes sure the day brings
# new leads, changed leads and late activities for the incremental models to pick up.
DELTA_SHARE = 20
_NO_TESTS = ("--exclude-resource-type", "test", "unit_test")
# When the run that wrote a row (or its touch, touch_computed_at) started (macro run_timestamp):
# differs between any two runs.
RUN_CLOCK_COLUMNS = ("computed_at", "changed_at", "_staged_at", "touch_computed_at", "keyed_at", "unioned_at")
# Logs that remember what went (a person no longer scorable): a full refresh starts them anew, so
# only their current rows are compared.
CURRENT_ROWS = {
    "int_person_score_inputs_logged": "inputs_fingerprint is not null",
    "int_person_profile_inputs_logged": "inputs_fingerprint is not null",
}
# Fingerprints that hash run stamps (the touchpoints' computed_at): only their keys compare.
STAMPED_FINGERPRINTS = {"int_person_profile_inputs_logged": ("inputs_fingerprint",)}
# A staging table whose source the day does not deliver; a marker on one of its rows must
# survive the day's run (and is taken off before the comparison with the full refresh).
UNDELIVERED_STAGING = "staging.stg_salesforce__account"
MARKER = "#kept"


def _rows_only_on_each_side(con: duckdb.DuckDBPyConnection, left: str, right: str) -> tuple[int, int]:
    """Rows of each select that the other lacks, duplicates counted."""
    [counts] = con.execute(
        f"select (select count(*) from ({left} except all {right})), "
        f"(select count(*) from ({right} except all {left}))"
    ).fetchall()
    return counts


def _incremental_models(manifest_path: Path) -> list[Relation]:
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    return [
        Relation(node["schema"], node["alias"])
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["config"]["materialized"] == "incremental"
    ]


def _marketo_touchpoints(warehouse: Path) -> set[str]:
    """The Marketo activities in the stored touchpoint stream."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {
            str(activity_id)
            for (activity_id,) in con.execute(
                "select source_event_id from intermediate.int_touchpoints_unioned"
                " where source_object = 'activities'"
            ).fetchall()
        }


class Built(NamedTuple):
    warehouse: Path
    refreshed: Path
    manifest: Path
    moved: MovedContact
    dropped_activities: list[str]
    touchpoints_before: set[str]
    new_scan_email: str
    undelivered_markers_kept: int
    publication: Publication
    """The daily run's publication, written over the first run's."""


def _mark_a_row(warehouse: Path) -> None:
    with duckdb.connect(str(warehouse)) as con:
        con.execute(
            f"update {UNDELIVERED_STAGING} set _batch_id = _batch_id || '{MARKER}'"
            f" where rowid = (select min(rowid) from {UNDELIVERED_STAGING})"
        )


def _unmark(warehouse: Path) -> int:
    """Takes the marker off; returns how many rows still held it."""
    with duckdb.connect(str(warehouse)) as con:
        [(kept,)] = con.execute(
            f"update {UNDELIVERED_STAGING} set _batch_id = replace(_batch_id, '{MARKER}', '')"
            f" where _batch_id like '%{MARKER}'"
        ).fetchall()
    return int(kept)


def _publish(warehouse: Path, manifest: Path, publish_dir: Path) -> Publication:
    with duckdb.connect(str(warehouse)) as con:
        return publish(con, relations_to_publish(manifest), publish_dir)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The warehouse after an incremental run, its full refresh, the dbt manifest, the contact
    whose email the day changed, the activities it dropped and the Marketo touchpoints before."""
    root = tmp_path_factory.mktemp("incremental")
    landing, warehouse, work = root / "landing", root / "warehouse.duckdb", root / "work"
    generate(landing, root / "truth", people=SAMPLE_PEOPLE, seed=SEED)
    load_landing(warehouse, landing, batch_id="day-1")
    dbt(warehouse, "build", *_NO_TESTS, work_dir=work)
    manifest = work / "target" / "manifest.json"
    _publish(warehouse, manifest, root / "publish")
    touchpoints_before = _marketo_touchpoints(warehouse)
    generate_delta(landing, DAY, seed=SEED, share=DELTA_SHARE)
    dropped_activities = redeliver_activities(landing, DAY)
    moved = redeliver_records(landing, DAY, contact_sharing_its_email(warehouse))
    rechannel_program(landing, DAY)
    new_scan_email = redeliver_badge_scans(landing, DAY)
    assert load_landing(warehouse, landing, batch_id="day-2") > 0
    _mark_a_row(warehouse)
    dbt(warehouse, "build", *_NO_TESTS, work_dir=work)
    undelivered_markers_kept = _unmark(warehouse)
    publication = _publish(warehouse, manifest, root / "publish")
    refreshed = root / "refreshed.duckdb"
    shutil.copyfile(warehouse, refreshed)
    dbt(refreshed, "build", "--full-refresh", *_NO_TESTS, work_dir=root / "refresh")
    return Built(
        warehouse,
        refreshed,
        manifest,
        moved,
        dropped_activities,
        touchpoints_before,
        new_scan_email,
        undelivered_markers_kept,
        publication,
    )


def test_the_day_reached_the_incremental_marts(built: Built):
    warehouse = built.warehouse
    with duckdb.connect(str(warehouse), read_only=True) as con:
        [(touchpoints,)] = con.execute(
            "select count(*) from engagement.fct_touchpoints "
            f"where cast(occurred_at as date) = date '{DAY.isoformat()}'"
        ).fetchall()
    assert touchpoints > 0


def test_the_day_rewrote_only_the_persons_it_changed(built: Built):
    """dim_person, like the profile models, rewrites the persons whose profile inputs the day
    changed (int_person_profile_inputs_logged): the contact's old and new person among them, not
    every person."""
    with duckdb.connect(str(built.warehouse), read_only=True) as con:
        [(rewritten, persons, moved_rewritten)] = con.execute(
            "with latest as (select max(computed_at) as computed_at from core.dim_person)"
            " select count(*) filter (where person.computed_at = latest.computed_at), count(*),"
            "  count(*) filter (where person.computed_at = latest.computed_at and person.person_id in"
            "   (select person_id from core.bridge_person_records where record_key in (?, ?)))"
            " from core.dim_person as person cross join latest",
            [built.moved.record_key, built.moved.joined_record_key],
        ).fetchall()
    assert 0 < rewritten < persons
    assert moved_rewritten >= 1


def test_redelivered_activities_are_staged_in_their_newest_version(built: Built):
    warehouse = built.warehouse
    with duckdb.connect(str(warehouse), read_only=True) as con:
        [(redelivered, versions)] = con.execute(
            "select count(*), min(_version_count) from staging.stg_marketo__activities "
            "where primary_attribute_value = 'redelivered'"
        ).fetchall()
    assert (redelivered, versions) == (REDELIVERED_ACTIVITIES, 2)


def test_redelivered_records_are_staged_in_their_newest_version(built: Built):
    warehouse = built.warehouse
    with duckdb.connect(str(warehouse), read_only=True) as con:
        [(contacts,)] = con.execute(
            "select count(*) from staging.stg_hubspot__contacts where job_title = ?", [REDELIVERED_TITLE]
        ).fetchall()
        [(members,)] = con.execute(
            "select count(*) from staging.stg_marketo__program_members where progression_status = ?",
            [REDELIVERED_STATUS],
        ).fetchall()
    assert (contacts, members) == (REDELIVERED_RECORDS, REDELIVERED_RECORDS)


def test_a_redelivered_badge_scan_is_staged_again_in_its_newest_version(built: Built):
    with duckdb.connect(str(built.warehouse), read_only=True) as con:
        resent = con.execute(
            "select left(company_name_raw, 1), _version_count from staging.stg_events__badge_scans"
            " where memo = ?",
            [REDELIVERED_SCAN_MEMO],
        ).fetchall()
        [(new,)] = con.execute(
            "select count(*) from staging.stg_events__badge_scans where email_raw = ?", [built.new_scan_email]
        ).fetchall()
    assert (resent, new) == ([("㈱", 2)], 1)


def test_a_staging_table_whose_source_the_day_did_not_deliver_is_not_rewritten(built: Built):
    assert built.undelivered_markers_kept == 1


def test_activities_redelivered_as_no_behaviour_leave_the_touchpoints(built: Built):
    dropped = set(built.dropped_activities)
    assert len(dropped) == len(DROPPED_ACTIVITIES)
    assert dropped <= built.touchpoints_before, "the dropped activities were no touchpoints before the day"
    assert not dropped & _marketo_touchpoints(built.warehouse)
    with duckdb.connect(str(built.warehouse), read_only=True) as con:
        [(published,)] = con.execute(
            "select count(*) from engagement.fct_touchpoints"
            f" where source_object = 'activities' and source_event_id in ({', '.join('?' * len(dropped))})",
            sorted(dropped),
        ).fetchall()
    assert published == 0


def test_a_changed_email_moves_the_record_to_its_new_group(built: Built):
    """The daily run groups only the changed groups: the contact must still leave the group of
    its old address (records of other systems keep it) and join the other contact's."""
    moved = built.moved
    with duckdb.connect(str(built.warehouse), read_only=True) as con:
        [(moved_group,)] = con.execute(
            "select group_key from intermediate.int_person_groups_linked where record_key = ?",
            [moved.record_key],
        ).fetchall()
        [(joined_group,)] = con.execute(
            "select group_key from intermediate.int_person_groups_linked where record_key = ?",
            [moved.joined_record_key],
        ).fetchall()
        old_address_groups = {
            group
            for (group,) in con.execute(
                "select distinct groups.group_key from intermediate.int_person_records_keyed as keyed"
                " inner join intermediate.int_person_groups_linked as groups using (record_key)"
                " where keyed.email = lower(trim(?)) and keyed.record_key <> ?",
                [moved.old_email, moved.record_key],
            ).fetchall()
        }
    assert old_address_groups, "no other record holds the old address: the split is not tested"
    assert moved_group == joined_group
    assert moved_group not in old_address_groups


def test_a_record_that_names_no_company_leaves_the_company_records(built: Built):
    """The daily batch takes only changed records and writes those that still name a company: a
    post-hook must delete the rest."""
    with duckdb.connect(str(built.warehouse), read_only=True) as con:
        [(keyed,)] = con.execute(
            "select count(*) from intermediate.int_person_records_keyed where record_key = ?",
            [built.moved.left_company_record_key],
        ).fetchall()
        [(company_records,)] = con.execute(
            "select count(*) from intermediate.int_account_records_unioned where record_key = ?",
            [built.moved.left_company_record_key],
        ).fetchall()
    assert (keyed, company_records) == (1, 0)


def test_incremental_run_and_full_refresh_give_equal_marts(built: Built):
    warehouse, refreshed, manifest = built.warehouse, built.refreshed, built.manifest
    published = relations_to_publish(manifest)
    assert published, "no published mart"
    incremental_models = _incremental_models(manifest)
    assert any(relation.schema == "staging" for relation in incremental_models)
    published_sql = {relation.sql for relation in published}
    relations = published + [r for r in incremental_models if r.sql not in published_sql]
    differing = {}
    with duckdb.connect(str(refreshed), read_only=True) as con:
        con.execute(f"attach '{warehouse}' as incremental (read_only)")
        for relation in relations:
            clock = [
                name
                for (name,) in con.execute(
                    "select distinct column_name from information_schema.columns"
                    " where table_schema = ? and table_name = ?",
                    [relation.schema, relation.name],
                ).fetchall()
                if name in RUN_CLOCK_COLUMNS or name in STAMPED_FINGERPRINTS.get(relation.name, ())
            ]
            columns = f"* exclude ({', '.join(clock)})" if clock else "*"
            current = f" where {CURRENT_ROWS[relation.name]}" if relation.name in CURRENT_ROWS else ""
            incremental = f"select {columns} from incremental.{relation.sql}{current}"
            full = f"select {columns} from {relation.sql}{current}"
            only_incremental, only_full = _rows_only_on_each_side(con, incremental, full)
            if only_incremental or only_full:
                differing[relation.sql] = (only_incremental, only_full)
    assert differing == {}, "rows only in the incremental run / only in the full refresh: " + str(differing)


def test_the_daily_publication_holds_what_the_warehouse_holds(built: Built):
    """Written over the first run's publication, by changed keys, changed rows or whole copies:
    every published relation must equal its mart as BI receives it."""
    differing = {}
    with duckdb.connect(str(built.warehouse), read_only=True) as con:
        con.execute(f"attach '{built.publication.database}' as publication (read_only)")
        for relation in relations_to_publish(built.manifest):
            warehouse, published = relation.published_select, f"select * from publication.{relation.sql}"
            only_warehouse, only_published = _rows_only_on_each_side(con, warehouse, published)
            if only_warehouse or only_published:
                differing[relation.key] = (only_warehouse, only_published)
    # the day touches a few of the touchpoints, stamped by the run that wrote them: compared by key
    assert built.publication.methods["engagement.fct_touchpoints"] == "keys"
    assert differing == {}, "rows only in the warehouse / only in the publication: " + str(differing)
