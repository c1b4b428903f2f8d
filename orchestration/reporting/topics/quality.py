"""Data quality: what the loader delivered, rejected and staged per source object."""

from __future__ import annotations

import duckdb

from orchestration.reporting.model import Block, Label, Table, fetch, percent
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


def source_quality(con: duckdb.DuckDBPyConnection, region: str | None) -> list[Block]:
    rows = fetch(
        con,
        """
        select
            source_system || '.' || source_object,
            records,
            share_missing_email,
            share_invalid_emails,
            share_missing_phone,
            share_missing_company,
            share_with_type_errors,
            duplicates_merged
        from data_quality.dq_source_quality
        order by source_system, source_object
        """,
    )
    title = Label("Records missing an email, per source object", "ソース別 メール欠損率")
    return [
        Block(
            title,
            bar_chart(
                "missing_email",
                title.both(),
                [
                    Bar(name, share, f"of {records:,}")
                    for name, records, share, *_ in rows
                    if share is not None
                ],
                value_format=percent,
            ),
            Table(
                [
                    Label("Source object", "ソース"),
                    Label("Records", "レコード"),
                    Label("Missing email", "メール欠損"),
                    Label("Invalid email", "不正メール"),
                    Label("Missing phone", "電話欠損"),
                    Label("Missing company", "会社名欠損"),
                    Label("Typing failures", "型変換失敗"),
                    Label("Duplicates merged", "名寄せ統合"),
                ],
                rows,
            ),
        )
    ]
