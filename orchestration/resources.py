"""Dagster resources: the one DuckDB warehouse file and the landing folder."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb

from orchestration import settings


class Warehouse(dg.ConfigurableResource):
    """The working DuckDB file. One writer at a time: the job runs its steps in one process
    and the instance admits one run at a time (see dagster.yaml)."""

    path: str

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(self.path, config={"memory_limit": settings.duckdb_memory_limit()})
        try:
            yield con
        finally:
            con.close()


class Landing(dg.ConfigurableResource):
    """The landing root: `<root>/<system>/<object>/<extract file>` (docs/landing_contract.md)."""

    root: str

    @property
    def path(self) -> Path:
        return Path(self.root)


def default_resources() -> dict[str, dg.ConfigurableResource]:
    return {
        "warehouse": Warehouse(path=str(settings.warehouse_path())),
        "landing": Landing(root=str(settings.landing_dir())),
    }
