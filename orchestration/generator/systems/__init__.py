"""One emitter per source system; each renders people and accounts in that system's shapes."""

from __future__ import annotations

import random
from dataclasses import dataclass

from orchestration.generator.catalog import Catalog
from orchestration.generator.clock import Clock
from orchestration.generator.journey import Journey
from orchestration.generator.people import Person
from orchestration.generator.truth import Truth
from orchestration.generator.writers import Registry

Member = tuple[Person, Journey]


@dataclass(frozen=True)
class Env:
    """What every emitter shares. Each emitter draws from its own random stream, so a change in
    one system's rendering never shifts the data of another."""

    seed: int
    people: int
    clock: Clock
    catalog: Catalog
    registry: Registry
    truth: Truth

    def rng(self, stream: str) -> random.Random:
        return random.Random(f"{self.seed}:{stream}")


def flag(value: bool) -> str:
    return "true" if value else "false"
