"""The compute gauge, run as `python -m orchestration.benchmarking.gauge <database> [rows]` in a fresh
process: a fixed DuckDB workload of the kind the pipeline spends its time on, so that benches on
different machines can be compared by more than the floor.

The floor reads CSV and JSON; the pipeline mostly writes 32-character ids, joins, groups, runs
windows, rewrites a share of its rows and checkpoints, and the two drift apart between machines
(two benches with the same 116 s floor published the same marts in 194 s and 99 s). The workload
does not depend on the bench's size: `rows` facts of a million persons, with the warehouse's memory
limit. Prints one JSON object, the seconds of each phase.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import duckdb

from orchestration import settings

ROWS = 20_000_000
PERSONS = 1_000_000
# A daily run rewrites the persons a day touched: 2.7% of them at 1M people (the twelfth bench).
REWRITTEN_PERCENT = 3

_PHASES = {
    "write": """
        create table facts as
        select
            md5(cast(i % {persons} as varchar)) as person_id,
            cast(i % 997 as integer) as rule_key,
            timestamp '2024-01-01' + to_seconds(cast(hash(i) % 63072000 as bigint)) as occurred_at,
            cast(hash(i * 7) % 1000 as double) / 10 as points
        from range({rows}) as generated (i)
    """,
    "join_group": """
        create table per_person as
        select
            persons.person_id,
            count(*) as facts,
            sum(facts.points) as points,
            max(facts.occurred_at) as last_at
        from facts
        inner join (
            select md5(cast(i as varchar)) as person_id from range({persons}) as generated (i)
        ) as persons
            on facts.person_id = persons.person_id
        group by persons.person_id
    """,
    "window": """
        create table running as
        select
            person_id,
            occurred_at,
            sum(points) over (
                partition by person_id order by occurred_at rows between unbounded preceding and current row
            ) as running_points
        from facts
    """,
    "rewrite": """
        create temp table rewritten as
        select * from facts where hash(person_id) % 100 < {rewritten_percent};
        delete from facts where person_id in (select person_id from rewritten);
        insert into facts select * from rewritten
    """,
    "checkpoint": "checkpoint",
}


def run_workload(database: Path, rows: int = ROWS) -> dict[str, float]:
    """Seconds of each phase on a new database file; fails if the workload did not produce what
    it should (a gauge that measured less work would flatter the machine)."""
    if database.exists():
        raise FileExistsError(f"{database}: the gauge writes a new database, remove it first")
    seconds = {}
    # Checkpoints wait for the end, as the dbt profile has them (automatic ones would fold the
    # rewrite's checkpoint into its commit).
    config = {"memory_limit": settings.duckdb_memory_limit(), "checkpoint_threshold": "1000GB"}
    with duckdb.connect(str(database), config=config) as con:
        for phase, sql in _PHASES.items():
            started = time.perf_counter()
            con.execute(sql.format(rows=rows, persons=PERSONS, rewritten_percent=REWRITTEN_PERCENT))
            seconds[phase] = round(time.perf_counter() - started, 3)
        persons, running, facts = con.execute(
            "select (select count(*) from per_person), (select count(*) from running),"
            " (select count(*) from facts)"
        ).fetchone()
    expected = (min(rows, PERSONS), rows, rows)
    if (persons, running, facts) != expected:
        raise RuntimeError(f"gauge produced {(persons, running, facts)} rows, expected {expected}")
    return seconds


if __name__ == "__main__":
    arguments = sys.argv[1:]
    print(json.dumps(run_workload(Path(arguments[0]), *(int(a) for a in arguments[1:]))))
