"""A minimal card that satisfies the StudyCard protocol, and a small deck of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fsrs import Card, State

from quiz.store import Store

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


def save_due(store: Store, card_id: str, state: State, due: datetime) -> None:
    """Save `card_id` in fsrs `state` (a learning one at its first step), due at `due`, as an
    answer given a week before: a schedule the store holds without replaying any review."""
    then = due - timedelta(days=7)
    step = None if state == State.Review else 0
    card = Card(state=state, step=step, stability=7.0, difficulty=5.0, due=due)
    card.last_review = then
    store.record_review(
        card_id=card_id,
        rating=3,
        correct=True,
        reviewed_at=then,
        mode="due",
        card_after=card.to_json(),
    )
