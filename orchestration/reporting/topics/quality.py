"""Data quality: what the loader delivered, rejected and staged per source object."""

from __future__ import annotations

import duckdb

from orchestration.reporting.model import Block, Label, Table, fetch
from orchestration.reporting.svg import Bar, bar_chart


def data_quality(con: duckdb.DuckDBPyConnection, region: str | None) -> list[Block]:
    rows = fetch(
        con,
        """
        select
            source_system || '.' || source_object,
            delivered_rows,
            rejected_rows,
            staged_records,
            superseded_versions
        from data_quality.dq_source_reconciliation
        order by rejected_rows desc, 1
        """,
    )
    title = Label("Rejected rows per source object", "ソース別 取込不可行数")
    bars = [Bar(name, rejected, f"of {delivered:,}") for name, delivered, rejected, _, _ in rows]
    return [
        Block(
            title,
            bar_chart("data_quality", title.both(), bars),
            Table(
                [
                    Label("Source object", "ソース"),
                    Label("Delivered rows", "受領行数"),
                    Label("Rejected rows", "取込不可"),
                    Label("Staged records", "整形後レコード"),
                    Label("Superseded versions", "旧版"),
                ],
                rows,
            ),
        )
    ]
