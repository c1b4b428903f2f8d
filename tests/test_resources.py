"""The warehouse connection the loader writes through honours the memory bound dbt also uses."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from orchestration.resources import Warehouse


def _memory_limit(con: duckdb.DuckDBPyConnection) -> str:
    return str(con.execute("select current_setting('memory_limit')").fetchall()[0][0])


@pytest.mark.parametrize("limit", ["1GB", "3GB"])
def test_warehouse_connection_takes_the_memory_limit_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: str
) -> None:
    monkeypatch.setenv("LEADFLOW_DUCKDB_MEMORY_LIMIT", limit)
    with duckdb.connect(config={"memory_limit": limit}) as reference:
        expected = _memory_limit(reference)
    with Warehouse(path=str(tmp_path / "warehouse.duckdb")).connect() as con:
        assert _memory_limit(con) == expected


def test_the_default_bound_is_under_8_gb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LEADFLOW_DUCKDB_MEMORY_LIMIT", raising=False)
    with Warehouse(path=str(tmp_path / "warehouse.duckdb")).connect() as con:
        limit = con.execute("select value from duckdb_settings() where name = 'memory_limit'").fetchall()[0][
            0
        ]
    with duckdb.connect(config={"memory_limit": "8GB"}) as reference:
        eight = _memory_limit(reference)
    assert limit != eight and limit.endswith("GiB") and float(limit.split()[0]) < float(eight.split()[0])
