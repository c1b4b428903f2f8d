"""The automated HTML report: every region's and the global page from one published snapshot."""

from __future__ import annotations

from pathlib import Path

from orchestration import settings


def report_path(team: str) -> Path:
    """Where a team's report is published, beside the marts it was built from."""
    return settings.publish_dir() / "reports" / f"{team}.html"
