"""The pieces every report topic is made of: bilingual labels, tables, chart blocks, and the
region filter that cuts the global page and each region's page from the same marts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import duckdb


@dataclass(frozen=True)
class Label:
    en: str
    ja: str

    def both(self) -> str:
        return f"{self.en} / {self.ja}"


@dataclass(frozen=True)
class Table:
    columns: Sequence[Label]
    rows: Sequence[Sequence[object]]


@dataclass(frozen=True)
class Block:
    """One chart with the table behind it (or only a table)."""

    title: Label
    chart: str | None = None
    table: Table | None = None


@dataclass(frozen=True)
class Section:
    key: str
    title: Label
    requires: Sequence[str]
    """Published relations (schema.name) the section reads."""
    build: Callable[[duckdb.DuckDBPyConnection, str | None], list[Block]] = field(repr=False)
    global_only: bool = False
    """Figures that have no region (the loader's reconciliation) appear on the global page only."""


def percent(value: float) -> str:
    return f"{value:.1%}"


def region_filter(region: str | None, column: str = "geo_region") -> tuple[str, list[object]]:
    """A where clause and its parameters: no filter for the global page."""
    if region is None:
        return "true", []
    return f"{column} = ?", [region]


def fetch(con: duckdb.DuckDBPyConnection, sql: str, parameters: Sequence[object] = ()) -> list[tuple]:
    return con.execute(sql, list(parameters)).fetchall()
