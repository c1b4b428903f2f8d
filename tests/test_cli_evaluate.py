"""`leadflow evaluate`: how its arguments reach the evaluation, what it prints and writes, and
its exit code. The evaluation itself is replaced; tests/test_identity_evaluation.py runs it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from orchestration import cli
from orchestration.evaluation import IdentityReport
from orchestration.evaluation import run as evaluation_run
from orchestration.evaluation.run import Evaluation
from orchestration.evaluation.splink_baseline import SplinkResult

GOOD = IdentityReport(
    precision=0.999,
    recall=0.994,
    f1=0.9965,
    japanese_precision=1.0,
    japanese_recall=0.9946,
    japanese_f1=0.9973,
    largest_predicted_cluster=11,
    largest_true_cluster=11,
    comparisons=4491,
    records=4988,
    japanese_records=2614,
    unmatched_records=0,
    predicted_persons=2018,
    true_persons=2000,
)


@pytest.fixture
def evaluated(monkeypatch):
    """Records the arguments `evaluate_sample` is called with and returns `outcome["report"]`."""
    calls: list[dict[str, object]] = []
    outcome = {"report": GOOD}

    def fake_evaluate_sample(people: int, seed: int, root: Path, *, with_splink: bool) -> Evaluation:
        calls.append({"people": people, "seed": seed, "root": root, "with_splink": with_splink})
        splink = SplinkResult(replace(GOOD, precision=0.979, method="Splink 5.0.0"), 75.8)
        return Evaluation(
            people=people,
            seed=seed,
            generate_seconds=None,
            load_seconds=2.0,
            build_seconds=38.0,
            resolution_seconds=16.0,
            leadflow=outcome["report"],
            splink=splink if with_splink else None,
        )

    monkeypatch.setattr(evaluation_run, "evaluate_sample", fake_evaluate_sample)
    return calls, outcome


def test_defaults_are_the_sample_under_data_evaluation(evaluated, capsys):
    calls, _ = evaluated

    assert cli.main(["evaluate"]) == 0

    assert calls == [
        {
            "people": cli.SAMPLE_PEOPLE,
            "seed": cli.SAMPLE_SEED,
            "root": evaluation_run.default_dir(cli.SAMPLE_PEOPLE),
            "with_splink": False,
        }
    ]
    out = capsys.readouterr().out
    assert "precision" in out and "0.9990" in out and "Splink" not in out
    assert "leadflow meets every target" in out


def test_splink_sits_next_to_leadflow_and_benchmarks_are_written(evaluated, tmp_path, capsys):
    calls, _ = evaluated
    benchmarks = tmp_path / "benchmarks.md"

    argv = ["evaluate", "--people", "500", "--seed", "3", "--splink", "--dir", str(tmp_path / "s")]
    assert cli.main([*argv, "--write-benchmarks", str(benchmarks)]) == 0

    assert calls[0] == {"people": 500, "seed": 3, "root": tmp_path / "s", "with_splink": True}
    header = next(line for line in capsys.readouterr().out.splitlines() if "leadflow" in line)
    assert header.split() == ["leadflow", "Splink", "5.0.0"]
    text = benchmarks.read_text(encoding="utf-8")
    assert "| 500 people, seed 3 | leadflow |" in text and "| 500 people, seed 3 | Splink 5.0.0 |" in text
    assert f"`leadflow evaluate --people 500 --seed 3 --splink --dir {tmp_path / 's'}` on " in text


def test_a_missed_target_fails_the_command(evaluated, capsys):
    _, outcome = evaluated
    outcome["report"] = replace(GOOD, japanese_recall=0.9)

    assert cli.main(["evaluate", "--people", "300"]) == 1

    assert "leadflow misses: Japanese recall 0.9000 < 0.97" in capsys.readouterr().out
