"""Draws used on every record. `random.Random.choice` rejects and redraws bits to stay exactly
uniform; one float draw is uniform enough for sample data and several times cheaper, which
matters at millions of records."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def pick(rng: random.Random, options: Sequence[T]) -> T:
    return options[int(rng.random() * len(options))]


def weighted(rng: random.Random, options: Sequence[T], cumulative: Sequence[float]) -> T:
    """One of `options`, by cumulative weights (precomputed once, as random.choices would not)."""
    return options[bisect(cumulative, rng.random() * cumulative[-1])]


def between(rng: random.Random, low: int, high: int) -> int:
    """An integer in [low, high), like randrange(low, high) at a fraction of its cost."""
    return low + int(rng.random() * (high - low))
