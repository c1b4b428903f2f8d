"""What the load ledger knows about delivered files: which contents were loaded (SHA-256), and
under which path, size and modification time, so a file loaded before is recognised unread."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from orchestration.loading.contract import LandingObject
from orchestration.loading.raw_store import LEDGER_TABLE


def file_fingerprint(path: Path) -> str:
    """`size:mtime_ns`: what tells, without reading a file, that it is the one loaded before."""
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def content_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 22):
            digest.update(chunk)
    return digest.hexdigest()


def loaded_content_hashes(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Content hashes of every file in the load ledger (the ledger must exist)."""
    return {row[0] for row in con.execute(f"select content_hash from {LEDGER_TABLE}").fetchall()}


def fingerprints_loaded(con: duckdb.DuckDBPyConnection, obj: LandingObject) -> set[tuple[str, str]]:
    """(file, fingerprint) of every ledger row of `obj` that records one."""
    rows = con.execute(
        f"select file, file_fingerprint from {LEDGER_TABLE} "
        "where system = ? and object = ? and file_fingerprint is not null",
        [obj.system, obj.name],
    ).fetchall()
    return {(file, fingerprint) for file, fingerprint in rows}


def record_fingerprint(con: duckdb.DuckDBPyConnection, relative: str, digest: str, fingerprint: str) -> None:
    """Gives a ledger row written before fingerprints existed its file's, so the next run skips
    the file unread."""
    con.execute(
        f"update {LEDGER_TABLE} set file_fingerprint = ? "
        "where file = ? and content_hash = ? and file_fingerprint is null",
        [fingerprint, relative, digest],
    )
