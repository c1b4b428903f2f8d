"""Shared pytest fixtures: a landing folder and a DuckDB file per test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest


@pytest.fixture
def landing(tmp_path: Path) -> Path:
    root = tmp_path / "landing"
    root.mkdir()
    return root


@pytest.fixture
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    yield connection
    connection.close()


@pytest.fixture
def deliver(landing: Path) -> Callable[..., Path]:
    """Writes a file into `<landing>/<system>/<folder>/<name>` as bytes or encoded text."""

    def _deliver(system: str, folder: str, name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = landing / system / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return path

    return _deliver
