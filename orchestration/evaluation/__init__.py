"""Quality measured against generated ground truth: identity resolution (more to come)."""

from orchestration.evaluation.benchmarks import BenchmarkRow, write_benchmark_section
from orchestration.evaluation.identity import IdentityReport, evaluate_identity, score_clusters

__all__ = ["BenchmarkRow", "IdentityReport", "evaluate_identity", "score_clusters", "write_benchmark_section"]
