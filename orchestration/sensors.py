"""A sensor on the landing folder: new extract files start a refresh instead of waiting for the
next scheduled morning.

"New" means content the warehouse has not loaded: the loader's ledger holds a hash per loaded
file, so a file copied again under another name, or touched, starts nothing. Hashing every file
on every tick would be wasteful, so the cursor remembers the size and modification time of the
files already judged, and only files whose fingerprint changed are hashed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.jobs import daily_refresh
from orchestration.loading.contract import OBJECTS
from orchestration.loading.ledger import content_hash, file_fingerprint, loaded_content_hashes
from orchestration.loading.loader import discover_files
from orchestration.loading.raw_store import LEDGER_TABLE
from orchestration.resources import Landing, Warehouse

LANDING_SENSOR = "landing_sensor"


@dataclass(frozen=True)
class LandingScan:
    new_files: list[str]
    """Landing-relative paths whose content is not in the ledger."""
    fingerprints: dict[str, str]
    """Every landing file's `size:mtime_ns`, the cursor for the next tick."""


def landing_files(landing_root: Path) -> Iterable[Path]:
    for obj in OBJECTS:
        yield from discover_files(landing_root, obj)


def loaded_hashes(warehouse: Path) -> set[str]:
    """Content hashes in the ledger; empty before the first load. Raises duckdb.IOException
    while a run holds the warehouse's write lock."""
    if not warehouse.exists():
        return set()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        has_ledger = con.execute(
            "select count(*) from information_schema.tables where table_schema || '.' || table_name = ?",
            [LEDGER_TABLE],
        ).fetchone()
        if not has_ledger or not has_ledger[0]:
            return set()
        return loaded_content_hashes(con)


def scan_landing(landing_root: Path, warehouse: Path, previous: dict[str, str]) -> LandingScan:
    fingerprints: dict[str, str] = {}
    changed: list[Path] = []
    for path in landing_files(landing_root):
        relative = path.relative_to(landing_root).as_posix()
        fingerprints[relative] = file_fingerprint(path)
        if previous.get(relative) != fingerprints[relative]:
            changed.append(path)
    if not changed:
        return LandingScan(new_files=[], fingerprints=fingerprints)
    loaded = loaded_hashes(warehouse)
    new_files = sorted(
        path.relative_to(landing_root).as_posix() for path in changed if content_hash(path) not in loaded
    )
    return LandingScan(new_files=new_files, fingerprints=fingerprints)


def _run_key(new_files: list[str], fingerprints: dict[str, str]) -> str:
    """One run per set of arrivals: the same files seen again on a later tick start nothing."""
    digest = hashlib.sha256()
    for relative in new_files:
        digest.update(f"{relative}={fingerprints[relative]}\n".encode())
    return digest.hexdigest()[:32]


@dg.sensor(
    name=LANDING_SENSOR,
    job=daily_refresh,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Starts the daily refresh when extract files the warehouse has not loaded arrive.",
)
def landing_sensor(
    context: dg.SensorEvaluationContext, landing: Landing, warehouse: Warehouse
) -> dg.SensorResult | dg.SkipReason:
    previous: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
    try:
        scan = scan_landing(landing.path, Path(warehouse.path), previous)
    except duckdb.IOException:
        # A run is writing; its end (or the next tick) decides. The cursor stays, so the files
        # are judged again.
        return dg.SkipReason("the warehouse is being written by a run; looking again next tick")
    cursor = json.dumps(scan.fingerprints, sort_keys=True)
    if not scan.new_files:
        return dg.SensorResult(skip_reason=dg.SkipReason("no new extract files"), cursor=cursor)
    shown = ", ".join(scan.new_files[:5]) + (" ..." if len(scan.new_files) > 5 else "")
    context.log.info(f"{len(scan.new_files)} new extract file(s): {shown}")
    return dg.SensorResult(
        run_requests=[
            dg.RunRequest(
                run_key=_run_key(scan.new_files, scan.fingerprints),
                tags={"trigger": "landing", "new_files": str(len(scan.new_files))},
            )
        ],
        cursor=cursor,
    )
