"""The sample pipeline the e2e tests share: generated data, the daily_refresh job and the weekly
scoring_review job on top, as `make run` does, in a temporary folder on the test target.

Runs `leadflow` in a subprocess, as `make run` does, so the environment (target, paths) is the
one a user gets.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SAMPLE_PEOPLE = 300


def leadflow(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "orchestration.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"leadflow {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


def build_sample_pipeline(root: Path) -> dict[str, str]:
    """Generates the sample into `root`, runs both jobs there, returns the environment they ran in."""
    environment = {
        **os.environ,
        "LEADFLOW_TARGET": "test",
        "LEADFLOW_TEST_DUCKDB_PATH": str(root / "warehouse.duckdb"),
        "LEADFLOW_LANDING_DIR": str(root / "landing"),
        "LEADFLOW_TRUTH_DIR": str(root / "truth"),
        "LEADFLOW_PUBLISH_DIR": str(root / "publish"),
        "DAGSTER_HOME": str(root / "dagster_home"),
    }
    leadflow(environment, "generate", "--people", str(SAMPLE_PEOPLE), "--seed", "7")
    leadflow(environment, "run")
    leadflow(environment, "run", "--job", "scoring_review")
    return environment
