"""Landing files, written as streams: a file opens on its first row and rows go straight to disk.

A `Deliveries` object is one landing object's series of extracts: the full extract and the
weekly deltas. A record goes to the delivery whose window holds its modification stamp, and a
record changed again later is re-sent in a later delta with its new stamp, which is how
incremental CRM/MA exports behave.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

from orchestration.generator.clock import Clock
from orchestration.loading.contract import get_object

_BUFFER = 1 << 20


class Registry:
    """Every landing file written in this run, and row counts per (system, object)."""

    def __init__(self, landing: Path) -> None:
        self.landing = landing
        self.files: list[Path] = []
        self._sinks: list[Sink] = []

    def sink(
        self,
        system: str,
        obj: str,
        filename: str,
        header: Sequence[str] | None = None,
        encoding: str = "utf-8",
        crlf: bool = False,
    ) -> Sink:
        folder = get_object(f"{system}__{obj}").delivery_folder
        path = self.landing / system / folder / filename
        if any(sink.path == path for sink in self._sinks):
            raise ValueError(f"two writers for one landing file: {path}")
        sink = Sink(self, system, obj, path, header, encoding, crlf)
        self._sinks.append(sink)
        return sink

    @property
    def rows(self) -> Counter[tuple[str, str]]:
        counts: Counter[tuple[str, str]] = Counter()
        for sink in self._sinks:
            counts[sink.key] += sink.count
        return +counts  # objects whose files got no rows are left out

    def close(self) -> None:
        for sink in self._sinks:
            sink.close()


class Sink:
    """One landing file (CSV when it has a header, JSON Lines otherwise), opened lazily."""

    def __init__(
        self,
        registry: Registry,
        system: str,
        obj: str,
        path: Path,
        header: Sequence[str] | None,
        encoding: str,
        crlf: bool,
    ) -> None:
        self._registry = registry
        self.key = (system, obj)
        self.path = path
        self.relative = path.relative_to(registry.landing).as_posix()
        self._header = header
        self._encoding = encoding
        self._newline = "\r\n" if crlf else "\n"
        self._handle: IO[str] | None = None
        self._csv: Any = None
        self.count = 0

    def _open(self) -> IO[str]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("w", encoding=self._encoding, newline="", buffering=_BUFFER)
        self._handle = handle
        self._registry.files.append(self.path)
        if self._header is not None:
            self._csv = csv.writer(handle, lineterminator=self._newline)
            self._csv.writerow(self._header)
        return handle

    def row(self, values: Sequence[object]) -> int:
        """Writes a CSV record; returns its 1-based record number in the file."""
        if self._handle is None:
            self._open()
        self._csv.writerow(values)
        self.count += 1
        return self.count

    def line(self, text: str) -> int:
        """Writes one pre-formatted CSV line or JSON document (newline added)."""
        handle = self._handle or self._open()
        handle.write(text + self._newline)
        self.count += 1
        return self.count

    def lines(self, texts: list[str]) -> None:
        """Writes pre-formatted lines that already end in a newline (the high-volume streams)."""
        if texts:
            handle = self._handle or self._open()
            handle.writelines(texts)
            self.count += len(texts)

    def json(self, document: dict[str, Any]) -> int:
        return self.line(json.dumps(document, ensure_ascii=False, separators=(",", ":")))

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


class Deliveries:
    """The full extract and the weekly deltas of one landing object."""

    def __init__(
        self,
        registry: Registry,
        clock: Clock,
        system: str,
        obj: str,
        header: Sequence[str] | None,
        suffix: str = "csv",
    ) -> None:
        self._clock = clock
        self.sinks = tuple(
            registry.sink(system, obj, f"{clock.file_stamp(cutoff)}.{suffix}", header)
            for cutoff in clock.cutoffs
        )

    def at(self, ts: int) -> Sink:
        return self.sinks[self._clock.cutoff_index(ts)]

    def row(self, ts: int, values: Sequence[object]) -> tuple[Sink, int]:
        sink = self.at(ts)
        return sink, sink.row(values)

    def json(self, ts: int, document: dict[str, Any]) -> tuple[Sink, int]:
        sink = self.at(ts)
        return sink, sink.json(document)

    def versions(self, versions: Sequence[tuple[int, Any]]) -> list[tuple[Sink, int]]:
        """Sends each delivery the newest version stamped inside its window.

        `versions` are (stamp, row or JSON document) in stamp order; versions after the last
        cutoff do not exist yet and are dropped.
        """
        newest: dict[int, Any] = {}
        last = self._clock.cutoffs[-1]
        for stamp, payload in versions:
            if stamp <= last:
                newest[self._clock.cutoff_index(stamp)] = payload
        written = []
        for index in sorted(newest):
            sink, payload = self.sinks[index], newest[index]
            number = sink.json(payload) if isinstance(payload, dict) else sink.row(payload)
            written.append((sink, number))
        return written


def versioned(
    row: list[str],
    created: int,
    changes: list[tuple[int, dict[str, str]]],
    index: dict[str, int],
    stamp_column: str,
    stamp: Callable[[int], str],
    now: int,
) -> list[tuple[int, list[str]]]:
    """A CSV record as first written and after each change up to `now`, each change re-stamped."""
    versions = [(created, row)]
    for at, change in sorted(changes, key=lambda item: item[0]):
        if at > now:
            break  # not happened yet at as_of
        row = row.copy()
        for column, value in change.items():
            row[index[column]] = value
        row[index[stamp_column]] = stamp(at)
        versions.append((at, row))
    return versions
