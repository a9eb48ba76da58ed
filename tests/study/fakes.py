"""A minimal card that satisfies the StudyCard protocol, and a small deck of them."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from fsrs import Card, Rating, Scheduler, State

from quiz.store import Store
from quiz.study.aside import set_card_aside
from quiz.study.scheduling import review_card

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


def other_write(
    other: Store, cards: Sequence[FakeCard], rng: random.Random, now: datetime, tz: tzinfo
) -> str:
    """Another drillbit's write, for the fake-clock walks of a session beside another
    process: an answer, a suspend, a bury or a card put back, of one of `cards`."""
    card = rng.choice(cards).id
    what = rng.choice(["answer", "answer", "suspend", "bury", "unhide", "unhide"])
    if what == "answer":
        if card in other.hidden_ids(now):
            what = "unhide"
        else:
            rating = rng.choice(list(Rating))
            scheduler = Scheduler(enable_fuzzing=False)
            review_card(other, scheduler, card, rating, now=now, correct=rating != Rating.Again)
    if what in ("suspend", "bury"):
        set_card_aside(other, card, suspend=what == "suspend", now=now, tz=tz)
    if what == "unhide":
        hidden = sorted(other.hidden_ids(now))
        if not hidden:
            return "other nothing"
        card = rng.choice(hidden)
        other.set_flag(card, suspended=False, buried_until=None, now=now)
    return f"other {what} {card}"
