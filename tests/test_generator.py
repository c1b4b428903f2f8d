"""The sample-data generator: deterministic, in the landing contract's real shapes, with a ground
truth that covers every person-bearing record."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from orchestration.generator import GenerationSummary, generate
from orchestration.loading.contract import OBJECTS, LandingObject
from orchestration.loading.naming import normalize_column_name

PEOPLE = 300
# fmt: off
PERSON_BEARING = {
    ("salesforce", "lead"), ("salesforce", "contact"), ("marketo", "leads"), ("hubspot", "contacts"),
    ("events", "badge_scans"), ("webinars", "attendance"), ("hubspot", "form_submissions"),
}
# fmt: on


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> GenerationSummary:
    root = tmp_path_factory.mktemp("sample")
    return generate(root / "landing", root / "truth", people=PEOPLE, seed=42)


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp932")


def _files(sample: GenerationSummary, obj: LandingObject) -> list[Path]:
    folder = sample.landing_dir / obj.system / obj.delivery_folder
    return sorted(p for p in folder.iterdir() if p.is_file()) if folder.exists() else []


def _csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(_decode(path), newline="")))


def _flatten(document: dict[str, object]) -> dict[str, object]:
    flat: dict[str, object] = {}
    for key, value in document.items():
        if key == "properties" and isinstance(value, dict):
            flat.update(value)
        elif key == "associations" and isinstance(value, dict):
            flat.update({f"associations_{target}": links for target, links in value.items()})
        else:
            flat[key] = value
    return flat


def _columns(path: Path) -> set[str]:
    if path.suffix == ".jsonl":
        names: set[str] = set()
        for line in path.read_text(encoding="utf-8").splitlines():
            names.update(normalize_column_name(k) for k in _flatten(json.loads(line)))
        return names
    return {normalize_column_name(h) for h in _csv_rows(path)[0]}


def _records(path: Path) -> list[dict[str, str]]:
    """Data records of a landing file, keyed by canonical column name."""
    if path.suffix == ".jsonl":
        return [
            {normalize_column_name(k): v for k, v in _flatten(json.loads(line)).items()}  # type: ignore[misc]
            for line in path.read_text(encoding="utf-8").splitlines()
        ]
    header, *rows = _csv_rows(path)
    columns = [normalize_column_name(h) for h in header]
    return [dict(zip(columns, row, strict=True)) for row in rows]


def _all_text(sample: GenerationSummary) -> str:
    return "\n".join(_decode(path) for path in sample.files)


def _truth(sample: GenerationSummary, name: str) -> list[dict[str, str]]:
    with (sample.truth_dir / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_gives_byte_identical_files_and_another_seed_does_not(
    sample: GenerationSummary, tmp_path: Path
) -> None:
    again = generate(tmp_path / "a" / "landing", tmp_path / "a" / "truth", people=PEOPLE, seed=42)
    other = generate(tmp_path / "b" / "landing", tmp_path / "b" / "truth", people=PEOPLE, seed=7)
    first = _snapshot(sample.landing_dir)
    assert first == _snapshot(again.landing_dir)
    assert _snapshot(sample.truth_dir) == _snapshot(again.truth_dir)
    changed = _snapshot(other.landing_dir)
    shared = set(first) & set(changed)
    assert sum(first[name] != changed[name] for name in shared) > len(shared) // 2


def test_every_contract_object_has_files_with_its_columns(sample: GenerationSummary) -> None:
    for obj in OBJECTS:
        files = _files(sample, obj)
        assert files, f"no file for {obj.table}"
        seen: set[str] = set()
        for path in files:
            columns = _columns(path)
            assert set(obj.required) <= columns, f"{path} lacks {set(obj.required) - columns}"
            seen |= columns
        assert set(obj.columns) <= seen, f"{obj.table} never delivers {set(obj.columns) - seen}"


def test_files_are_named_by_sortable_delivery_time_and_crm_objects_get_deltas(
    sample: GenerationSummary,
) -> None:
    stamp = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{4}Z(_[a-z0-9-]+)?\.(csv|jsonl)$")
    assert all(stamp.match(path.name) for path in sample.files)
    for system, name in [
        ("salesforce", "lead"),
        ("salesforce", "contact"),
        ("salesforce", "account"),
        ("salesforce", "opportunity"),
        ("marketo", "leads"),
        ("hubspot", "contacts"),
    ]:
        obj = next(o for o in OBJECTS if (o.system, o.name) == (system, name))
        assert len(_files(sample, obj)) >= 2, f"{obj.table} has no delta"


def test_deltas_resend_changed_records_and_soft_deletes(sample: GenerationSummary) -> None:
    lead = next(o for o in OBJECTS if o.table == "salesforce__lead")
    full, *deltas = _files(sample, lead)
    full_stamps = {r["id"]: r["system_modstamp"] for r in _records(full)}
    delta_rows = [r for path in deltas for r in _records(path)]
    assert any(r["id"] in full_stamps and r["system_modstamp"] > full_stamps[r["id"]] for r in delta_rows)
    assert any(r["is_deleted"] == "true" for r in delta_rows)
    contacts = next(o for o in OBJECTS if o.table == "hubspot__contacts")
    documents = [
        json.loads(line) for p in _files(sample, contacts) for line in p.read_text("utf-8").splitlines()
    ]
    assert any(d["archived"] is True for d in documents)
    assert len({d["id"] for d in documents}) < len(documents)  # re-sent with a newer updatedAt


def test_badge_scans_are_shift_jis_with_japanese_headers_and_one_utf8_bom_file(
    sample: GenerationSummary,
) -> None:
    badge = next(o for o in OBJECTS if o.table == "events__badge_scans")
    shift_jis, bom = [], []
    for path in _files(sample, badge):
        data = path.read_bytes()
        if data.startswith(b"\xef\xbb\xbf"):
            bom.append(path)
            continue
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        text = data.decode("cp932")
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text)
        assert "captured_at" in {normalize_column_name(h) for h in text.splitlines()[0].split(",")}
        shift_jis.append(path)
    assert len(shift_jis) >= 4
    assert len(bom) == 1


def test_every_csv_is_structurally_valid(sample: GenerationSummary) -> None:
    for path in sample.files:
        if path.suffix == ".csv":
            header, *rows = _csv_rows(path)
            assert rows, f"{path} has no rows"
            assert all(len(row) == len(header) for row in rows), f"ragged rows in {path}"


def test_ground_truth_covers_every_person_bearing_record(sample: GenerationSummary) -> None:
    truth = _truth(sample, "records.csv")
    per_object = Counter((r["system"], r["object"]) for r in truth)
    for key in PERSON_BEARING:
        assert per_object[key] == sample.rows[key], key
    assert set(per_object) == PERSON_BEARING
    by_location = {(r["file"], int(r["row"])): r for r in truth}
    for obj in OBJECTS:
        if (obj.system, obj.name) not in PERSON_BEARING:
            continue
        for path in _files(sample, obj):
            relative = path.relative_to(sample.landing_dir).as_posix()
            for number, record in enumerate(_records(path), start=1):
                entry = by_location[(relative, number)]
                if "id" in record:
                    assert entry["record_id"] == str(record["id"])
    people = {r["true_person_id"] for r in _truth(sample, "people.csv")}
    accounts = {r["true_account_id"] for r in _truth(sample, "accounts.csv")}
    assert len(people) == PEOPLE
    assert {r["true_person_id"] for r in truth} <= people
    assert {r["true_account_id"] for r in truth} <= accounts
    assert not sample.truth_dir.is_relative_to(sample.landing_dir)


def test_the_same_person_appears_in_several_systems_and_several_times(sample: GenerationSummary) -> None:
    truth = _truth(sample, "records.csv")
    systems: defaultdict[str, set[str]] = defaultdict(set)
    for r in truth:
        systems[r["true_person_id"]].add(r["system"])
    assert sum(len(s) > 1 for s in systems.values()) / PEOPLE > 0.4
    marketo = Counter((r["true_person_id"], r["record_id"]) for r in truth if r["system"] == "marketo")
    leads_per_person = Counter(person for person, _ in marketo)
    assert any(count > 1 for count in leads_per_person.values())  # duplicates within one system
    japanese = {r["true_person_id"] for r in _truth(sample, "people.csv") if r["is_japanese"] == "true"}
    assert 0.3 < len(japanese) / PEOPLE < 0.45
    assert any(systems[p] >= {"hubspot", "events"} for p in japanese)


def test_japanese_notation_variants_occur(sample: GenerationSummary) -> None:
    text = _all_text(sample)
    assert re.search(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]", text)  # full-width ASCII
    assert re.search(r"[\uff66-\uff9d]", text)  # half-width katakana
    assert "㈱" in text or "(株)" in text or "（株）" in text
    assert re.search(r"株式会社[^,\s\"]+", text) and re.search(r"[^,\s\"]+株式会社", text)  # 前株 and 後株
    assert re.search(r"\+81[ -]?\d", text)
    assert re.search(r"\b0\d{1,3}-\d{2,4}-\d{4}\b", text)
    assert re.search(r"[\u30a0-\u30ff]{2,}", text) and re.search(r"[\u4e00-\u9fff]{2,}", text)
    assert re.search(r"\b(Sato|Suzuki|Takahashi|Tanaka|Watanabe|Ito|Yamamoto|Nakamura)\b", text)
    assert re.search(r"[A-Za-z0-9._%-]+\+[a-z]+@", text)  # plus-addressing
    assert re.search(r"@(gmail\.com|yahoo\.co\.jp|outlook\.com)", text, re.IGNORECASE)
    assert re.search(r"(info|sales|marketing|contact|office)@", text)


def test_hubspot_lines_are_crm_v3_objects(sample: GenerationSummary) -> None:
    for obj in OBJECTS:
        if obj.system != "hubspot":
            continue
        for path in _files(sample, obj):
            for line in path.read_text(encoding="utf-8").splitlines():
                document = json.loads(line)
                if obj.name in ("contacts", "companies", "deals"):
                    assert {"id", "properties", "createdAt", "updatedAt", "archived"} <= set(document)
                    assert isinstance(document["archived"], bool)
                    assert all(v is None or isinstance(v, str) for v in document["properties"].values())
                    assert re.match(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", document["updatedAt"])
                else:
                    assert not any(isinstance(v, dict | list) for v in document.values())
                if obj.name == "deals":
                    links = document["associations"]["contacts"]["results"]
                    assert links and all(link["type"] == "deal_to_contact" for link in links)


def test_ad_spend_comes_in_several_currencies_and_platforms(sample: GenerationSummary) -> None:
    spend = next(o for o in OBJECTS if o.table == "ads__spend")
    rows = [r for path in _files(sample, spend) for r in _records(path)]
    assert {r["currency"] for r in rows} == {"JPY", "USD", "EUR"}
    assert {r["platform"] for r in rows} == {"google_ads", "linkedin", "meta", "yahoo_japan"}


def test_funnel_follows_b2b_rates_and_stage_order(sample: GenerationSummary) -> None:
    people = _truth(sample, "people.csv")
    reached = Counter(stage for p in people for stage in ("inquiry", "mql", "sql", "won") if p[f"{stage}_at"])
    assert 0.08 < reached["mql"] / reached["inquiry"] < 0.25
    assert 0.2 < reached["sql"] / reached["mql"] < 0.6
    for p in people:
        stamps = [p[f"{s}_at"] for s in ("inquiry", "mql", "sal", "sql", "won") if p[f"{s}_at"]]
        assert stamps == sorted(stamps)


def test_truth_folder_inside_landing_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="must not live under"):
        generate(tmp_path / "landing", tmp_path / "landing" / "truth", people=10)
