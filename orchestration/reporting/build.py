"""Build the HTML report from the published marts, the same snapshot BI tools read."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from orchestration.reporting.html import RegionPage, TopicPage, render_page
from orchestration.reporting.model import Label, Section
from orchestration.reporting.sections import SECTIONS

GLOBAL = "GLOBAL"
_REGION_LABELS = {
    GLOBAL: Label("Global", "全世界"),
    "JP": Label("Japan", "日本"),
    "AMER": Label("Americas", "北米・南米"),
    "EMEA": Label("Europe, Middle East, Africa", "欧州・中東・アフリカ"),
    "APAC": Label("Asia Pacific", "アジア太平洋"),
}


@dataclass(frozen=True)
class Report:
    path: Path
    regions: tuple[str, ...]
    charts: int
    missing_relations: tuple[str, ...]


def _published_relations(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute("select table_schema || '.' || table_name from information_schema.tables").fetchall()
    return {name for (name,) in rows}


def _regions(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Regions with people, in a fixed order; persons without a known region only count globally."""
    rows = con.execute(
        "select distinct geo_region from core.dim_person where geo_region in (select unnest(?))",
        [[code for code in _REGION_LABELS if code != GLOBAL]],
    ).fetchall()
    present = {code for (code,) in rows}
    return [code for code in _REGION_LABELS if code in present]


def _as_of(con: duckdb.DuckDBPyConnection) -> str:
    """The newest touchpoint: the same clock scoring and the handoff queue are taken at."""
    (newest,) = con.execute("select max(occurred_at) from engagement.fct_touchpoints").fetchone()
    return "unknown" if newest is None else newest.isoformat(sep=" ", timespec="minutes") + " UTC"


def _topic(
    con: duckdb.DuckDBPyConnection, section: Section, region: str | None, published: set[str]
) -> TopicPage:
    missing = [relation for relation in section.requires if relation not in published]
    blocks = [] if missing else section.build(con, region)
    return TopicPage(section.key, section.title, blocks, missing)


def build_report(
    published_database: Path, output: Path, *, team: str, default_region: str = GLOBAL, language: str = "en"
) -> Report:
    """Reads `published_database` read-only and writes the report to `output` by rename, so a
    reader of the previous report never sees half a file."""
    if not published_database.is_file():
        raise FileNotFoundError(f"{published_database}: no publication yet; run the daily_refresh job first")
    with duckdb.connect(str(published_database), read_only=True) as con:
        published = _published_relations(con)
        regions = _regions(con)
        pages = [
            RegionPage(
                code,
                _REGION_LABELS[code],
                [
                    _topic(con, section, None if code == GLOBAL else code, published)
                    for section in SECTIONS
                    if code == GLOBAL or not section.global_only
                ],
            )
            for code in [GLOBAL, *regions]
        ]
        html = render_page(
            pages,
            team=team,
            default_region=default_region if default_region in {GLOBAL, *regions} else GLOBAL,
            language=language,
            as_of=_as_of(con),
            built_at=datetime.now(UTC),
        )
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".next")
    partial.write_text(html, encoding="utf-8")
    os.replace(partial, output)
    missing = sorted({relation for page in pages for topic in page.topics for relation in topic.missing})
    return Report(output, (GLOBAL, *regions), html.count('class="chart"'), tuple(missing))
