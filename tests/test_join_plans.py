"""The check for nested-loop joins that should be hash joins (orchestration/benchmarking/join_plans.py),
shown to catch the shapes that made the 100k build slow and to pass their rewrites."""

from __future__ import annotations

import duckdb
import pytest

from orchestration.benchmarking.join_plans import conjuncts, nested_loops_with_equality


@pytest.fixture
def intervals() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("create table handoffs as select range as person_id, range as handed_off_at from range(2000)")
    con.execute(
        "create table scores as select range % 2000 as person_id, range as valid_from, "
        "case when range < 6000 then range + 1 end as valid_to from range(8000)"
    )
    con.execute(
        "create table records as select range as record_id, 'events' as source_system from range(2000)"
    )
    con.execute("create table scans as select range as scan_id, 'dept' as department from range(2000)")
    return con


def test_conjuncts_split_only_the_top_level_and():
    condition = "(((valid_to IS NULL) OR (t < valid_to)) AND ((t >= valid_from) AND (person_id = person_id)))"
    assert conjuncts(condition) == [
        "(valid_to IS NULL) OR (t < valid_to)",
        "t >= valid_from",
        "person_id = person_id",
    ]
    assert conjuncts("((a = b) OR (c = d))") == ["(a = b) OR (c = d)"]


def test_an_open_interval_written_as_a_disjunction_is_caught(intervals):
    found = nested_loops_with_equality(
        intervals,
        "select * from handoffs left join scores on handoffs.person_id = scores.person_id "
        "and handoffs.handed_off_at >= scores.valid_from "
        "and (scores.valid_to is null or handoffs.handed_off_at < scores.valid_to)",
    )
    assert len(found) == 1 and "person_id = person_id" in found[0]


def test_the_same_interval_with_a_closed_bound_is_a_hash_join(intervals):
    assert not nested_loops_with_equality(
        intervals,
        "select * from handoffs left join scores on handoffs.person_id = scores.person_id "
        "and handoffs.handed_off_at >= scores.valid_from "
        "and handoffs.handed_off_at < coalesce(scores.valid_to, 9223372036854775807)",
    )


def test_a_condition_on_the_kept_side_of_a_left_join_is_caught(intervals):
    sql = (
        "select * from records left join scans on records.source_system = 'events' "
        "and records.record_id = scans.scan_id"
    )
    assert nested_loops_with_equality(intervals, sql)


def test_a_disjunction_of_matches_is_left_alone(intervals):
    # an equality or a fuzzy match (a role address or a typo of one) needs the nested loop
    assert not nested_loops_with_equality(
        intervals,
        "select * from records inner join scans on records.record_id = scans.scan_id "
        "or abs(records.record_id - scans.scan_id) = 1",
    )
