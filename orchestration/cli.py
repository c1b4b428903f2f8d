"""`leadflow`: the common jobs without the Dagster UI."""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shlex
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from orchestration import settings

SAMPLE_PEOPLE = 2000
SAMPLE_SEED = 42


def _landing_is_empty(landing: Path) -> bool:
    return not landing.exists() or not any(p.is_file() for p in landing.rglob("*"))


def cmd_generate(args: argparse.Namespace) -> int:
    from orchestration.generator import generate

    landing = Path(args.landing) if args.landing else settings.landing_dir()
    truth = Path(args.truth) if args.truth else settings.ground_truth_dir()
    if args.delta_day:
        from orchestration.generator.delta import generate_delta

        delta = generate_delta(landing, args.delta_day, seed=args.seed, share=args.delta_share)
        print(f"generated {sum(delta.rows.values()):,} rows of {delta.day} in {len(delta.files)} files")
        return 0
    if args.if_empty and not _landing_is_empty(landing):
        print(f"landing folder {landing} already has extracts; not generating")
        return 0
    summary = generate(landing, truth, people=args.people, seed=args.seed)
    print(f"generated {summary.files_written} files for {summary.people} people into {landing}")
    print(f"ground truth (never loaded): {truth}")
    return 0


def _dagster_home() -> Path:
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(settings.REPO_ROOT / "data" / "dagster_home")))
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        shutil.copyfile(Path(__file__).with_name("dagster.yaml"), config)
    return home


def cmd_run(args: argparse.Namespace) -> int:
    settings.pin_environment()
    _dagster_home()
    from dagster import DagsterInstance

    from orchestration.dbt_project import ensure_manifest
    from orchestration.reporting import report_path

    ensure_manifest(force=True)
    from orchestration.definitions import defs

    result = defs.resolve_job_def(args.job).execute_in_process(
        instance=DagsterInstance.get(), raise_on_error=False, tags={"team": args.team}
    )
    if not result.success:
        failed = [event.step_key for event in result.all_events if event.is_step_failure]
        print(
            f"run {result.run_id} FAILED at {', '.join(failed)}; published marts left unchanged",
            file=sys.stderr,
        )
        return 1
    publish_dir = settings.publish_dir()
    print(f"run {result.run_id} succeeded")
    print(f"  working warehouse : {settings.warehouse_path()}")
    print(f"  published (BI)    : {publish_dir / 'leadflow.duckdb'} (read-only copy)")
    print(f"  published Parquet : {publish_dir / 'parquet' / 'current'}")
    print(f"  report ({args.team:<6})   : {report_path(args.team)}")
    print(f"  Dagster run log   : DAGSTER_HOME={os.environ['DAGSTER_HOME']} (open with `make dev`)")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from orchestration.publishing.publish import PUBLISHED_DB_NAME
    from orchestration.reporting import report_path
    from orchestration.reporting.build import build_report
    from orchestration.schedules import team_refresh

    refresh = team_refresh(args.team)
    report = build_report(
        settings.publish_dir() / PUBLISHED_DB_NAME,
        Path(args.out) if args.out else report_path(refresh.team),
        team=refresh.team,
        default_region=refresh.report_region,
        language=refresh.language,
    )
    print(f"report with {report.charts} charts for {', '.join(report.regions)}: {report.path}")
    if report.missing_relations:
        print(f"  sections without their marts: {', '.join(report.missing_relations)}", file=sys.stderr)
    return 0


def _evaluate_command(args: argparse.Namespace) -> str:
    """The command line that reproduces this evaluation, as the benchmark notes quote it."""
    parts = ["leadflow", "evaluate", "--people", str(args.people), "--seed", str(args.seed)]
    if args.splink:
        parts.append("--splink")
    if args.dir:
        parts += ["--dir", args.dir]
    return shlex.join(parts)


def cmd_evaluate(args: argparse.Namespace) -> int:
    from orchestration.evaluation import write_benchmark_section
    from orchestration.evaluation.run import (
        benchmark_rows,
        default_dir,
        evaluate_sample,
        format_evaluation,
        machine,
        sample_label,
    )

    root = Path(args.dir) if args.dir else default_dir(args.people)
    evaluation = evaluate_sample(args.people, args.seed, root, with_splink=args.splink)
    print(format_evaluation(evaluation, root))
    if args.write_benchmarks:
        benchmarks = Path(args.write_benchmarks)
        run = f"`{_evaluate_command(args)}` on {machine()}, {datetime.date.today().isoformat()}"
        write_benchmark_section(benchmarks, sample_label(evaluation), benchmark_rows(evaluation), run=run)
        print(f"wrote {benchmarks}")
    return 1 if evaluation.leadflow.failures() else 0


def cmd_bench(args: argparse.Namespace) -> int:
    from orchestration.benchmarking.report import write_results
    from orchestration.benchmarking.run import bench, default_dir

    root = Path(args.dir) if args.dir else default_dir(args.people)
    result = bench(args.people, args.seed, root)
    print(json.dumps(result, indent=2))
    if args.write_benchmarks:
        docs = settings.REPO_ROOT / "docs"
        write_results(result, docs / "benchmarks" / "pipeline.json", docs / "benchmarks.md")
        print(f"wrote {docs / 'benchmarks.md'} and {docs / 'benchmarks' / 'pipeline.json'}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="leadflow", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    generate = commands.add_parser("generate", help="write synthetic landing extracts and ground truth")
    generate.add_argument("--people", type=int, default=SAMPLE_PEOPLE)
    generate.add_argument("--seed", type=int, default=SAMPLE_SEED)
    generate.add_argument("--landing", help="landing root (default: LEADFLOW_LANDING_DIR or data/landing)")
    generate.add_argument("--truth", help="ground-truth folder (default: data/ground_truth)")
    generate.add_argument("--if-empty", action="store_true", help="only when the landing folder is empty")
    generate.add_argument(
        "--delta-day",
        type=datetime.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="instead: add one day of new extracts to an already generated landing folder",
    )
    generate.add_argument(
        "--delta-share", type=int, default=365, metavar="N", help="with --delta-day: 1 row in N is drawn"
    )
    generate.set_defaults(handler=cmd_generate)

    run = commands.add_parser("run", help="run a Dagster job in process (default: daily_refresh)")
    run.add_argument(
        "--job",
        default="daily_refresh",
        choices=("daily_refresh", "scoring_review"),
        help="daily_refresh, or scoring_review: the weekly backtest and calibration reports",
    )
    run.add_argument("--team", default="global", help="team the run serves (its report's region, language)")
    run.set_defaults(handler=cmd_run)

    report = commands.add_parser("report", help="rebuild the HTML report from the published marts")
    report.add_argument("--team", default="global", help="global or japan (orchestration/schedules.py)")
    report.add_argument("--out", help="output file (default: <publish>/reports/<team>.html)")
    report.set_defaults(handler=cmd_report)

    evaluate = commands.add_parser(
        "evaluate",
        help="score identity resolution on a generated sample against its ground truth",
        description="Generates a sample (reused while people and seed match), loads it, builds "
        "identity resolution and prints pairwise precision, recall and F1 against the ground "
        "truth; exits 1 when leadflow misses a target (docs/identity.md).",
    )
    evaluate.add_argument("--people", type=int, default=SAMPLE_PEOPLE)
    evaluate.add_argument("--seed", type=int, default=SAMPLE_SEED)
    evaluate.add_argument("--dir", help="sample folder (default: data/evaluation/<people>)")
    evaluate.add_argument(
        "--splink", action="store_true", help="also run the Splink baseline (needs the dev extra)"
    )
    evaluate.add_argument(
        "--write-benchmarks",
        nargs="?",
        const=str(settings.REPO_ROOT / "docs" / "benchmarks.md"),
        metavar="PATH",
        help="write the figures into the benchmarks file (default: docs/benchmarks.md)",
    )
    evaluate.set_defaults(handler=cmd_evaluate)

    bench = commands.add_parser(
        "bench",
        help="time the pipeline at a size against the floor (DuckDB reading the extracts)",
        description="Generates a sample into its own folder (reused while people and seed match), "
        "measures the machine's compute gauge, the floor, a full build (daily_refresh, then "
        "scoring_review) and an incremental daily_refresh run after one more day of extracts: "
        "per-step and per-layer times, peak memory (docs/benchmarks.md).",
    )
    bench.add_argument("--people", type=int, default=SAMPLE_PEOPLE)
    bench.add_argument("--seed", type=int, default=SAMPLE_SEED)
    bench.add_argument("--dir", help="bench folder (default: data/bench/<people>)")
    bench.add_argument(
        "--write-benchmarks",
        action="store_true",
        help="add the figures to docs/benchmarks.md and docs/benchmarks/pipeline.json",
    )
    bench.set_defaults(handler=cmd_bench)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    raise SystemExit(main())
