"""The whole daily_refresh job on a generated sample, then the weekly scoring_review job on top, as
`make run` does (the `env` fixture, tests/sample_pipeline.py). dbt data tests run inside the job
as asset checks: a failing test fails the run, and these tests with it. The job leaves dbt unit
tests out, so they run here against the built warehouse.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pytest
from sample_pipeline import leadflow

from orchestration.benchmarking.join_plans import nested_loops_with_equality
from orchestration.loading.contract import OBJECTS

pytestmark = pytest.mark.e2e


def query(path: str, sql: str) -> list[tuple]:
    with duckdb.connect(path, read_only=True) as con:
        return con.execute(sql).fetchall()


def warehouse(env: dict[str, str]) -> str:
    return env["LEADFLOW_TEST_DUCKDB_PATH"]


def published(env: dict[str, str]) -> str:
    return str(Path(env["LEADFLOW_PUBLISH_DIR"]) / "leadflow.duckdb")


def dbt(env: dict[str, str], tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """dbt on the built warehouse, its target and logs in `tmp_path`."""
    return subprocess.run(
        [
            str(Path(sys.executable).with_name("dbt")),
            *args,
            "--target-path",
            str(tmp_path / "target"),
            "--log-path",
            str(tmp_path / "logs"),
        ],
        env=env,
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        check=False,
    )


def test_every_dbt_unit_test_passes(env, tmp_path):
    result = dbt(env, tmp_path, "test", "--select", "test_type:unit")
    assert result.returncode == 0, f"dbt unit tests failed:\n{result.stdout[-20000:]}"
    passed = re.search(r"PASS=(\d+)", result.stdout)
    assert passed and int(passed.group(1)) > 0, result.stdout[-2000:]


def test_no_model_joins_in_a_nested_loop_where_a_hash_join_fits(env, tmp_path):
    """A nested loop over an equality compares every row with every row: seconds here, hours at
    1M people. Every model's plan, on the built warehouse, hash-joins its equalities."""
    result = dbt(env, tmp_path, "compile", "--select", "resource_type:model")
    assert result.returncode == 0, result.stdout[-2000:]
    models = sorted((tmp_path / "target" / "compiled").rglob("*.sql"))
    assert len(models) > 50
    with duckdb.connect(warehouse(env), read_only=True) as con:
        found = {
            model.stem: nested_loops_with_equality(con, model.read_text(encoding="utf-8")) for model in models
        }
    assert {model: conditions for model, conditions in found.items() if conditions} == {}


def test_every_landing_object_is_loaded_and_staged(env):
    rows = query(
        published(env),
        "select source_system || '__' || source_object, raw_rows, staged_records "
        "from data_quality.dq_source_reconciliation",
    )
    counts = {table: (raw, staged) for table, raw, staged in rows}
    assert set(counts) == {obj.table for obj in OBJECTS}
    assert [table for table, (raw, staged) in counts.items() if raw == 0 or staged == 0] == []


def test_every_delivered_record_is_accounted_for(env):
    unreconciled = query(
        published(env),
        "select source_system, source_object from data_quality.dq_source_reconciliation "
        "where not (is_delivery_reconciled and is_staging_reconciled)",
    )
    assert unreconciled == []


def test_japanese_badge_scans_arrive_as_text_not_mojibake(env):
    [(companies, with_kana)] = query(
        warehouse(env),
        "select count(*) filter (where company_name like '%株式会社%' or company_name like '%㈱%'), "
        "count(*) filter (where family_name_kana is not null) from staging.stg_events__badge_scans",
    )
    assert companies > 0 and with_kana > 0


def test_published_parquet_matches_the_published_database(env):
    parquet = Path(env["LEADFLOW_PUBLISH_DIR"]) / "parquet" / "current" / "dq_source_reconciliation.parquet"
    [(parquet_rows,)] = duckdb.sql(f"select count(*) from '{parquet}'").fetchall()
    [(db_rows,)] = query(published(env), "select count(*) from data_quality.dq_source_reconciliation")
    assert parquet_rows == db_rows == len(OBJECTS)


def test_rerun_without_new_files_changes_nothing(env):
    before = query(warehouse(env), "select count(*) from raw.salesforce__lead")
    marts_before = query(published(env), "select * from data_quality.dq_source_reconciliation order by all")
    leadflow(env, "run")
    assert query(warehouse(env), "select count(*) from raw.salesforce__lead") == before
    assert (
        query(published(env), "select * from data_quality.dq_source_reconciliation order by all")
        == marts_before
    )


def test_a_bad_delta_is_kept_aside_and_the_newest_version_wins(env):
    [(lead_id,)] = query(warehouse(env), "select min(id) from raw.salesforce__lead")
    delta = Path(env["LEADFLOW_LANDING_DIR"]) / "salesforce" / "Lead" / "9999-12-31T0000Z.csv"
    delta.write_text(
        "Id,LastName,Status,SystemModstamp,IsDeleted\n"
        f"{lead_id},Newest,Working,2099-01-01T00:00:00Z,true\n"
        f"{lead_id},Older,Open,2000-01-01T00:00:00Z,false\n"
        "broken,row,with,too,many,fields\n",
        encoding="utf-8",
    )
    reconciliation = (
        "select delivered_rows from data_quality.dq_source_reconciliation "
        "where source_system = 'salesforce' and source_object = 'lead'"
    )
    # BI keeps its read-only connection open while the next run builds and publishes
    with duckdb.connect(published(env), read_only=True) as reader:
        before = reader.execute(reconciliation).fetchall()
        # the run's log goes to a file: a pipe nobody reads while the run lasts would fill and
        # stall it
        log = Path(env["LEADFLOW_PUBLISH_DIR"]).with_name("concurrent_run.log")
        with log.open("w", encoding="utf-8") as output:
            run = subprocess.Popen(
                [sys.executable, "-m", "orchestration.cli", "run"], env=env, stdout=output, stderr=output
            )
            reads_during_run = 0
            while run.poll() is None:
                assert reader.execute(reconciliation).fetchall() == before
                reads_during_run += 1
                time.sleep(0.5)
        assert run.returncode == 0, log.read_text(encoding="utf-8")[-6000:]
        assert reads_during_run > 0
        assert reader.execute(reconciliation).fetchall() == before
    [(delivered_after,)] = query(published(env), reconciliation)
    assert delivered_after == before[0][0] + 3
    assert query(
        warehouse(env),
        f"select last_name, is_deleted from staging.stg_salesforce__lead where lead_id = '{lead_id}'",
    ) == [("Newest", True)]
    [(row, reason)] = query(
        warehouse(env), "select file_row, reason from raw._rejects where file like '%9999-12-31T0000Z.csv'"
    )
    assert row == 3 and "TOO MANY COLUMNS" in reason
    assert query(
        published(env),
        "select is_delivery_reconciled and is_staging_reconciled from data_quality.dq_source_reconciliation "
        "where source_system = 'salesforce' and source_object = 'lead'",
    ) == [(True,)]


# Sales works the handoff queue, so it keeps contact details; every other published mart is
# shared broadly and may hold them only masked.
CONTACT_DETAIL_RELATIONS = {"handoff.fct_handoff_queue"}
UNMASKED_EMAIL = r"^[^*@\s]{2,}@[^@\s]+\.[a-z]+$"


def test_only_the_handoff_queue_publishes_unmasked_emails(env):
    columns = query(
        published(env),
        "select table_schema, table_name, column_name from information_schema.columns "
        "where data_type = 'VARCHAR'",
    )
    unmasked = {}
    for schema, table, column in columns:
        [(count,)] = query(
            published(env),
            f'select count(*) from "{schema}"."{table}" '
            f"where regexp_matches(\"{column}\", '{UNMASKED_EMAIL}')",
        )
        if count:
            unmasked[f"{schema}.{table}.{column}"] = count
    assert {name.rsplit(".", 1)[0] for name in unmasked} == CONTACT_DETAIL_RELATIONS, unmasked
    [(masked,)] = query(published(env), "select count(*) from core.dim_person where email like '_***@%'")
    assert masked > 0


# Every chart the global page must carry; a section losing its mart or its chart fails here.
EXPECTED_GLOBAL_CHARTS = {
    "waterfall",
    "conversion",
    "velocity",
    "cohort_sql_rate_by_channel",
    "period_stage_entries",
    "lead_aging",
    "content_engagement",
    "missing_email",
    "channel_spend_revenue",
    "channel_roi",
    "campaign_spend_revenue",
    "sla_compliance",
    "score_calibration",
    "data_quality",
}
# Figures without a region (loader reconciliation, campaigns) appear on the global page only.
GLOBAL_ONLY_CHARTS = {"data_quality", "missing_email", "campaign_spend_revenue"}
CHROMIUM = os.environ.get("LEADFLOW_CHROMIUM", "/usr/bin/chromium")


@dataclass
class BrowserTab:
    page: Any
    errors: list[str] = field(default_factory=list)
    remote_requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser_tab(tmp_path_factory: pytest.TempPathFactory):
    """Headless Debian Chromium through Playwright, with the flags this closed network needs and
    a fresh profile; collects script errors and every request that leaves the file."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).is_file(), f"{CHROMIUM} missing: `make browser` installs Debian's chromium"
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
            viewport={"width": 1200, "height": 1600},
        )
        tab = BrowserTab(context.new_page())
        tab.page.on("pageerror", lambda error: tab.errors.append(str(error)))
        tab.page.on("console", lambda message: message.type == "error" and tab.errors.append(message.text))
        tab.page.on(
            "request",
            lambda request: request.url.startswith("file:") or tab.remote_requests.append(request.url),
        )
        yield tab
        context.close()


def report_file(env: dict[str, str], team: str) -> Path:
    return Path(env["LEADFLOW_PUBLISH_DIR"]) / "reports" / f"{team}.html"


def charts_in(tab: BrowserTab, region: str) -> set[str]:
    return set(
        tab.page.eval_on_selector_all(
            f'section.region[data-region="{region}"] svg.chart', "nodes => nodes.map(n => n.dataset.chart)"
        )
    )


def test_report_renders_every_chart_in_chromium_without_script_errors(env, browser_tab, tmp_path):
    report = report_file(env, "global")
    browser_tab.page.goto(report.as_uri())
    assert browser_tab.errors == []
    assert browser_tab.remote_requests == []
    assert charts_in(browser_tab, "GLOBAL") >= EXPECTED_GLOBAL_CHARTS
    assert browser_tab.page.locator('section.region[data-region="GLOBAL"] p.missing').count() == 0
    assert browser_tab.page.locator("section.region.active").get_attribute("data-region") == "GLOBAL"
    screenshot = tmp_path / "report.png"
    browser_tab.page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 20_000, "a blank page compresses to a few kB"


def test_each_region_tab_shows_its_own_charts(env, browser_tab):
    browser_tab.page.goto(report_file(env, "global").as_uri())
    regions = browser_tab.page.eval_on_selector_all(
        "nav button[data-region]", "nodes => nodes.map(n => n.dataset.region)"
    )
    assert regions[0] == "GLOBAL" and len(regions) > 2
    for region in regions[1:]:
        browser_tab.page.click(f'nav button[data-region="{region}"]')
        assert browser_tab.page.locator("section.region.active").get_attribute("data-region") == region
        assert charts_in(browser_tab, region) >= EXPECTED_GLOBAL_CHARTS - GLOBAL_ONLY_CHARTS
    assert browser_tab.errors == []


def test_japan_team_report_opens_on_japan_in_japanese(env, browser_tab):
    leadflow(env, "report", "--team", "japan")
    browser_tab.page.goto(report_file(env, "japan").as_uri())
    assert browser_tab.page.locator("section.region.active").get_attribute("data-region") == "JP"
    assert browser_tab.page.locator("html").get_attribute("lang") == "ja"
    heading = browser_tab.page.locator("section.region.active h1 span.ja")
    assert heading.is_visible() and heading.inner_text() == "日本"
    assert not browser_tab.page.locator("section.region.active h1 span.en").is_visible()


@pytest.mark.parametrize(
    ("relation", "stamp", "key", "test_name"),
    [
        (
            "intermediate.int_score_rule_values_accumulated",
            "computed_at",
            "ruleset, person_id, rule_id, changed_at",
            "unique_combination_of_columns",
        ),
        ("staging.stg_marketo__activities", "_staged_at", "activity_id", "unique"),
    ],
)
def test_uniqueness_is_checked_on_the_rows_the_latest_run_wrote(
    env, tmp_path, relation: str, stamp: str, key: str, test_name: str
):
    """A big incremental table's uniqueness test reads only its newest run stamp (where config
    __written_by_latest_run__): a duplicate the latest run wrote fails it, an older row sharing
    its key is another run's (and was checked then)."""
    copy = tmp_path / "warehouse.duckdb"
    shutil.copy(warehouse(env), copy)
    with duckdb.connect(str(copy)) as con:
        written = f"from {relation} where {stamp} = (select max({stamp}) from {relation}) order by {key}"
        # twice the second row, as an earlier run would have left it: counted, it would fail too
        for _ in range(2):
            con.execute(
                f"insert into {relation} "
                f"select * replace ({stamp} - interval 1 day as {stamp}) {written} limit 1 offset 1"
            )
        con.execute(f"insert into {relation} select * {written} limit 1")
    model = relation.split(".")[1]
    result = dbt(
        {**env, "LEADFLOW_TEST_DUCKDB_PATH": str(copy)},
        tmp_path,
        "test",
        "--select",
        f"{model},test_name:{test_name}",
    )
    assert result.returncode == 1, result.stdout[-3000:]
    assert f"FAIL 1 {test_name}_{model}" in result.stdout, result.stdout[-3000:]
    assert "Got 1 result" in result.stdout, result.stdout[-3000:]
