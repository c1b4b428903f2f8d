"""The floor, run as `python -m orchestration.benchmarking.floor <database> <plan.json>` in a fresh
process: DuckDB reading every landing file once into one table per object, nothing else.

The plan (object table -> files) is made by the parent, so this process imports only DuckDB.
Files not in UTF-8 (Shift_JIS badge scans) are transcoded first, since DuckDB reads UTF-8 only:
any load of them must do that too. Prints the seconds it took.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import duckdb


def _utf8(path: str, scratch: Path) -> str:
    data = Path(path).read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        copy = scratch / f"{len(list(scratch.iterdir()))}{Path(path).suffix}"
        copy.write_text(data.decode("cp932"), encoding="utf-8")
        return str(copy)
    return path


def _listed(files: list[str]) -> str:
    return "[" + ", ".join("'" + f.replace("'", "''") + "'" for f in files) + "]"


def read_all(database: Path, plan: dict[str, list[str]]) -> float:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, duckdb.connect(str(database)) as con:
        for table, files in plan.items():
            if all(f.endswith(".jsonl") for f in files):
                reader = f"read_json({_listed(files)}, format = 'newline_delimited', union_by_name = true)"
            else:
                utf8 = [_utf8(f, Path(folder)) for f in files]
                reader = f"read_csv({_listed(utf8)}, header = true, all_varchar = true, union_by_name = true)"
            con.execute(f"create table {table} as select * from {reader}")
    return time.perf_counter() - started


if __name__ == "__main__":
    database, plan = Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
    print(f"{read_all(database, plan):.3f}")
