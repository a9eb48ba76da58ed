"""A minimal card that satisfies the StudyCard protocol, and a small deck of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class FakeCard:
    """Only what the study layer reads."""

    id: str
    kind: str = "concept"
    topic: str = "optim"
    title: str = "A card"
    tags: tuple[str, ...] = ()
    pack: str = "nn"


def deck() -> list[FakeCard]:
    """Eight cards over three topics and all four kinds, in content order."""
    return [
        FakeCard("sigmoid-why", "concept", "activations", "Why sigmoid", ("sigmoid",)),
        FakeCard("sigmoid-bound", "numeric", "activations", "Bound on sigmoid'", ("sigmoid",)),
        FakeCard("relu-dead", "choice", "activations", "Dead ReLUs", ("relu",)),
        FakeCard("adam-bias", "concept", "optim", "Adam bias correction", ("adam",)),
        FakeCard("adam-step", "coding", "optim", "Adam step", ("adam", "drill")),
        FakeCard("lr-scaling", "numeric", "optim", "Linear scaling rule", ()),
        FakeCard("bn-where", "concept", "normalization", "Where batch norm goes", ("bn",)),
        FakeCard("bn-forward", "coding", "normalization", "Batch norm forward", ("bn", "drill")),
    ]


@dataclass
class Clock:
    """A clock the test moves by hand."""

    now: datetime = NOW

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)
