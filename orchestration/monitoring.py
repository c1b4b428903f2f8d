"""Thresholds and arithmetic of the run's alarms (asset checks), apart from Dagster so they are
tested directly. Thresholds come from the environment, so an operator tunes them per deployment
without a code change."""

from __future__ import annotations

import os
import statistics
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

# A delivery with more broken lines than this is a broken export, not messy data: stop the run
# before it reaches the marts sales reads. Below the row floor a share says little (one broken
# line of a three-line delta is a third): those rows are kept aside and the run goes on.
DEFAULT_MAX_REJECTED_SHARE = 0.05
DEFAULT_MIN_REJECTED_ROWS = 10
# Daily extracts: a day and a half without a new file means a missed delivery.
DEFAULT_MAX_DELIVERY_AGE_HOURS = 36.0
# Merge-rate alarm: this many times the usual share of records moved by merges, and at least
# this share, so a quiet history does not make every small merge an alarm.
MERGE_RATE_JUMP_FACTOR = 3.0
MERGE_RATE_FLOOR = 0.01


def _env_float(variable: str, default: float) -> float:
    value = os.environ.get(variable)
    return float(value) if value else default


def max_rejected_share() -> float:
    return _env_float("LEADFLOW_MAX_REJECTED_SHARE", DEFAULT_MAX_REJECTED_SHARE)


def min_rejected_rows() -> int:
    return int(_env_float("LEADFLOW_MIN_REJECTED_ROWS", DEFAULT_MIN_REJECTED_ROWS))


def max_delivery_age_hours() -> float:
    return _env_float("LEADFLOW_MAX_DELIVERY_AGE_HOURS", DEFAULT_MAX_DELIVERY_AGE_HOURS)


def rejected_share(rows_loaded: int, rows_rejected: int) -> float:
    delivered = rows_loaded + rows_rejected
    return rows_rejected / delivered if delivered else 0.0


def is_broken_export(rows_loaded: int, rows_rejected: int) -> bool:
    """True when this run's delivery rejected at least the row floor and more than the share."""
    return (
        rows_rejected >= min_rejected_rows()
        and rejected_share(rows_loaded, rows_rejected) > max_rejected_share()
    )


def newest_delivery_age_hours(files: Sequence[Path], now: datetime) -> float | None:
    """Hours since the newest file arrived (its modification time); None when none arrived."""
    if not files:
        return None
    newest = max(path.stat().st_mtime for path in files)
    return max(0.0, (now.timestamp() - newest) / 3600)


def is_merge_rate_jump(current: float, earlier: Sequence[float]) -> bool:
    """True when this run's share of records that merged into another person stands out: above
    the floor and above MERGE_RATE_JUMP_FACTOR x the median of earlier runs. The first runs,
    which issue every id, have no history and raise nothing."""
    if not earlier:
        return False
    return current > max(MERGE_RATE_FLOOR, MERGE_RATE_JUMP_FACTOR * statistics.median(earlier))
