"""Nested-loop joins that could have been hash joins, read from DuckDB's plan of a query.

DuckDB hash-joins on equalities between the two sides. A join condition that also holds a
disjunction (`valid_to is null or t < valid_to`) or a condition on the kept side of a left join
alone makes it fall back to a nested loop over the whole condition, equality included: every row
of one side compared with every row of the other. On the sample that costs seconds, at 1M people
hours (int_handoffs_identified took 414 s at 100k). This finds such joins before a large run does.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import duckdb

_NESTED_LOOPS = {"BLOCKWISE_NL_JOIN", "NESTED_LOOP_JOIN"}
# `a = b` between two column names: a hash key the planner did not use (literals are filters)
_COLUMN_EQUALITY = re.compile(r"^\(?\s*([A-Za-z_][\w.]*)\s*=\s*([A-Za-z_][\w.]*)\s*\)?$")


def _strip_parentheses(text: str) -> str:
    text = text.strip()
    while text.startswith("(") and text.endswith(")") and _closing_of_first(text) == len(text) - 1:
        text = text[1:-1].strip()
    return text


def _closing_of_first(text: str) -> int:
    depth = 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return index
    return -1


def conjuncts(condition: str) -> list[str]:
    """The top-level AND terms of a condition as DuckDB prints it, nested ANDs flattened."""
    text, depth, start, terms = _strip_parentheses(condition), 0, 0, []
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and text.startswith(" AND ", index):
            terms.append(text[start:index])
            start = index + len(" AND ")
    terms.append(text[start:])
    if len(terms) == 1:
        return [text]
    return [term for part in terms for term in conjuncts(part)]


def _operators(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("children", []):
        yield from _operators(child)


def nested_loops_with_equality(con: duckdb.DuckDBPyConnection, sql: str) -> list[str]:
    """The conditions of the nested-loop joins in the plan of `sql` that hold a column equality
    as a top-level conjunct."""
    [(_, plan)] = con.execute(f"explain (format json) {sql}").fetchall()
    found = []
    for root in json.loads(plan):
        for operator in _operators(root):
            if operator["name"].strip() not in _NESTED_LOOPS:
                continue
            info = operator.get("extra_info", {})
            condition = info.get("Condition") or info.get("Conditions") or ""
            condition = " AND ".join(condition) if isinstance(condition, list) else condition
            if any(_COLUMN_EQUALITY.match(_strip_parentheses(term)) for term in conjuncts(condition)):
                found.append(condition)
    return found
