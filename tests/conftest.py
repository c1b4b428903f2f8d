"""Shared pytest fixtures: a landing folder and a DuckDB file per test, the sample pipeline once
per session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest
from sample_pipeline import build_sample_pipeline


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


@pytest.fixture(scope="session")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of the sample pipeline, built once for every e2e module (tests/sample_pipeline.py)."""
    return build_sample_pipeline(tmp_path_factory.mktemp("pipeline"))
