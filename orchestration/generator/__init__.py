"""Synthetic sample data in the landing contract's shapes, with ground truth (see pipeline)."""

from orchestration.generator.pipeline import GenerationSummary, generate

__all__ = ["GenerationSummary", "generate"]
