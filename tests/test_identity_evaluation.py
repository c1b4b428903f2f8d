"""The identity evaluation: its pairwise arithmetic on a hand-made resolution, the benchmark
section it writes, and the real resolution on a generated sample against the quality bars."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from orchestration.evaluation import BenchmarkRow, evaluate_identity, score_clusters, write_benchmark_section
from orchestration.evaluation.sample import build_identity, load_landing
from orchestration.generator import generate

TRUTH_HEADER = (
    "system",
    "object",
    "record_id",
    "file",
    "row",
    "true_person_id",
    "true_account_id",
    "is_japanese",
)


def write_truth(truth_dir: Path, rows: list[tuple[str, ...]]) -> Path:
    truth_dir.mkdir()
    with (truth_dir / "records.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(TRUTH_HEADER)
        writer.writerows(rows)
    return truth_dir


def hand_made_warehouse(path: Path) -> Path:
    """Person T1 (Japanese, 4 records) is split in two and glued to one record of T2."""
    with duckdb.connect(str(path)) as con:
        con.execute("create schema core; create schema intermediate")
        con.execute(
            "create table core.bridge_person_records as select * from (values "
            "('salesforce', 'lead', 'L1', 'salesforce/Lead/a.csv', 1, 'p1'),"
            "('hubspot', 'contacts', '2', 'hubspot/contacts/a.jsonl', 1, 'p1'),"
            "('hubspot', 'contacts', '3', 'hubspot/contacts/a.jsonl', 2, 'p2'),"
            "('marketo', 'leads', '4', 'marketo/leads/a.csv', 1, 'p1'),"
            "('marketo', 'leads', '5', 'marketo/leads/a.csv', 2, 'p3'),"
            "('events', 'badge_scans', 'h7', 'events/badge_scans/a.csv', 9, 'p1')"
            ") as t(source_system, source_object, source_record_id, _file, _row, person_id)"
        )
        con.execute(
            "create table intermediate.int_person_edges_matched as "
            "select * from (values ('a', 'b'), ('c', 'd')) as t(node_a, node_b)"
        )
        con.execute(
            "create table intermediate.int_person_group_edges_matched as "
            "select * from (values ('a', 'c', 'phone_and_name'), ('a', 'c', 'name_and_account')) "
            "as t(node_a, node_b, match_rule)"
        )
    return path


def tiny_person_records(tmp_path: Path) -> tuple[Path, Path]:
    """20 people with distinct names, emails and phones, 4 records each: a Salesforce lead, the
    Marketo lead synced to it, a HubSpot contact without email and a form submission of it."""
    records, truth = [], []
    for i in range(20):
        first, last, company = f"given{i}", f"family{chr(97 + i)}", f"acme {i % 4}"
        email, phone = f"{first}.{last}@acme{i % 4}.com", f"+8131234{i:04d}"
        person = [
            ("salesforce", "lead", f"L{i}", email, phone, first, last, company, None, None),
            ("marketo", "leads", f"M{i}", email, None, first, last, company, f"L{i}", None),
            ("hubspot", "contacts", f"H{i}", None, phone, first, last, company, None, None),
            ("hubspot", "form_submissions", f"F{i}", email, None, None, None, None, None, f"H{i}"),
        ]
        records += person
        truth += [(*record[:3], "unused.csv", "1", f"T{i}", "A", str(i < 10).lower()) for record in person]
    warehouse = tmp_path / "wh.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute("create schema intermediate")
        con.execute(
            "create table records (source_system varchar, source_object varchar, source_record_id varchar, "
            "email varchar, phone varchar, first_name_normalized varchar, last_name_normalized varchar, "
            "company_name_normalized varchar, sfdc_lead_id varchar, hubspot_contact_id varchar)"
        )
        con.executemany("insert into records values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", records)
        con.execute(
            "create table intermediate.int_person_records_unioned as select "
            "concat_ws(':', source_system, source_object, source_record_id) as record_key, *, "
            "split_part(email, '@', 2) as email_domain, null::varchar as mobile_phone, "
            "null::varchar as sfdc_contact_id, null::varchar as converted_contact_id, "
            "'unused.csv' as _file, 1 as _row from records"
        )
    return warehouse, write_truth(tmp_path / "truth", truth)


def test_pairwise_scores_count_pairs_of_records(tmp_path):
    truth = write_truth(
        tmp_path / "truth",
        [
            ("salesforce", "lead", "L1", "salesforce/Lead/a.csv", "1", "T1", "A1", "true"),
            ("salesforce", "lead", "L1", "salesforce/Lead/b.csv", "4", "T1", "A1", "true"),  # a later version
            ("hubspot", "contacts", "2", "hubspot/contacts/a.jsonl", "1", "T1", "A1", "true"),
            ("hubspot", "contacts", "3", "hubspot/contacts/a.jsonl", "2", "T1", "A1", "true"),
            ("events", "badge_scans", "", "events/badge_scans/a.csv", "9", "T1", "A1", "true"),
            ("marketo", "leads", "4", "marketo/leads/a.csv", "1", "T2", "A2", "false"),
            ("marketo", "leads", "5", "marketo/leads/a.csv", "2", "T2", "A2", "false"),
            ("webinars", "attendance", "", "webinars/attendance/a.csv", "3", "T3", "A3", "false"),
        ],
    )
    report = evaluate_identity(hand_made_warehouse(tmp_path / "wh.duckdb"), truth)

    # predicted pairs: p1 = {L1, 2, h7, 4} -> 6; true pairs: T1 = 4 records -> 6, T2 -> 1;
    # correct: {L1, 2, h7} of T1 in p1 -> 3. The webinar row is missing: a person of its own.
    assert (report.precision, report.recall) == (pytest.approx(3 / 6), pytest.approx(3 / 7))
    assert report.f1 == pytest.approx(2 * 0.5 * (3 / 7) / (0.5 + 3 / 7))
    assert (report.japanese_precision, report.japanese_recall) == (1.0, pytest.approx(3 / 6))
    assert (report.records, report.japanese_records, report.unmatched_records) == (7, 4, 1)
    assert (report.largest_predicted_cluster, report.largest_true_cluster) == (4, 4)
    assert (report.predicted_persons, report.true_persons) == (3, 3)
    assert report.comparisons == 3
    assert any(failure.startswith("precision") for failure in report.failures())


def test_missing_truth_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="leadflow generate"):
        evaluate_identity(tmp_path / "wh.duckdb", tmp_path)


def test_any_clusters_table_is_scored_like_the_bridge(tmp_path):
    truth = write_truth(
        tmp_path / "truth",
        [
            ("salesforce", "lead", "L1", "salesforce/Lead/a.csv", "1", "T1", "A1", "true"),
            ("hubspot", "contacts", "2", "hubspot/contacts/a.jsonl", "1", "T1", "A1", "true"),
            ("marketo", "leads", "4", "marketo/leads/a.csv", "1", "T2", "A2", "false"),
            ("marketo", "leads", "5", "marketo/leads/a.csv", "2", "T2", "A2", "false"),
        ],
    )
    warehouse = hand_made_warehouse(tmp_path / "wh.duckdb")
    with duckdb.connect(str(warehouse)) as con:
        # the bridge's records under other cluster ids, integers as Splink gives them
        con.execute(
            "create table splink_like as select source_system, source_object, source_record_id, "
            "_file, _row, dense_rank() over (order by person_id) * 7 as cluster_id "
            "from core.bridge_person_records"
        )
        report = score_clusters(con, "splink_like", truth, comparisons=5, method="other")

    assert report == replace(evaluate_identity(warehouse, truth), comparisons=5, method="other")


def test_benchmark_section_keeps_other_samples_methods_and_sections(tmp_path):
    truth = write_truth(
        tmp_path / "truth",
        [("salesforce", "lead", "L1", "salesforce/Lead/a.csv", "1", "T1", "A1", "true")],
    )
    report = evaluate_identity(hand_made_warehouse(tmp_path / "wh.duckdb"), truth)
    splink = replace(report, method="Splink 5.0.0")
    benchmarks = tmp_path / "benchmarks.md"
    benchmarks.write_text("# Benchmarks\n\n## Scale\n\nkept as is\n", encoding="utf-8")

    write_benchmark_section(
        benchmarks, "2,000 people", [BenchmarkRow(report, 5, 12), BenchmarkRow(splink, 20)], run="`one`"
    )
    write_benchmark_section(benchmarks, "100,000 people", [BenchmarkRow(report, 150, 300)], run="`two`")
    write_benchmark_section(benchmarks, "2,000 people", [BenchmarkRow(report, 4, 11)], run="`three`")

    text = benchmarks.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks\n\n## Scale\n\nkept as is\n\n## Identity resolution\n")
    rows = [line.split(" | ") for line in text.splitlines() if line.startswith(("| 2,000", "| 100,000"))]
    assert [(row[0], row[1], row[-2], row[-1]) for row in rows] == [
        ("| 2,000 people", "leadflow", "4 s", "11 s |"),
        ("| 2,000 people", "Splink 5.0.0", "20 s", "- |"),
        ("| 100,000 people", "leadflow", "150 s", "300 s |"),
    ]
    assert "- **2,000 people**: `three`" in text and "- **100,000 people**: `two`" in text
    assert "`one`" not in text
    assert text.count("## Identity resolution") == 1


def test_splink_baseline_is_scored_on_the_same_records(tmp_path):
    pytest.importorskip("splink")
    from orchestration.evaluation.splink_baseline import run_splink

    warehouse, truth = tiny_person_records(tmp_path)

    result = run_splink(warehouse, truth, tmp_path / "work", seed=1)

    report = result.report
    assert report.method.startswith("Splink ")
    assert (report.records, report.unmatched_records, report.true_persons) == (80, 0, 20)
    # every blocked pair shares an email, phone, CRM link or name and company of one person
    assert report.precision == 1.0 and report.recall > 0
    assert report.largest_predicted_cluster <= 4
    assert 0 < report.comparisons <= 120 and result.seconds > 0


@pytest.mark.e2e
def test_resolution_meets_the_quality_bars_on_a_generated_sample(tmp_path):
    generate(tmp_path / "landing", tmp_path / "truth", people=300, seed=7)
    warehouse = tmp_path / "warehouse.duckdb"
    load_landing(warehouse, tmp_path / "landing", batch_id="sample")
    build_identity(warehouse, tmp_path)  # with the identity data tests: convergence, chaining, keys

    report = evaluate_identity(warehouse, tmp_path / "truth")

    assert report.unmatched_records == 0
    assert report.records > 2 * report.true_persons
    assert report.failures() == [], report
