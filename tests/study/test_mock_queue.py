"""A mock interview's queue: its length and time when nothing names them, its order, and
the rng it draws with.

Found by the thirty-seventh round's mutation audit of quiz/study/queue.py
(docs/mutation-audits.md): the default count and minutes could change, the final shuffle
of the drawn cards could go, and the session could draw with a fresh unseeded rng instead
of the one it was given, with every study test still passing.
"""

from __future__ import annotations

import random
from datetime import timedelta

from fsrs import Scheduler

from quiz.settings import Settings
from quiz.store import Store
from quiz.study.options import SessionOptions
from quiz.study.queue import plan_mock
from quiz.study.session import Session
from tests.study.fakes import NOW, FakeCard


def test_a_mock_that_names_no_length_is_as_long_as_a_new_users_setting(
    store: Store, scheduler: Scheduler
) -> None:
    cards = [FakeCard(f"c{i}", topic=f"t{i % 3}") for i in range(30)]
    session = Session(
        store,
        cards,
        SessionOptions(mode="mock"),
        now=NOW,
        scheduler=scheduler,
        rng=random.Random(1),
    )
    settings = Settings()
    assert len(session.planned) == settings.mock_questions == 10
    assert session.time_limit == timedelta(minutes=settings.mock_minutes) == timedelta(minutes=20)


def test_a_mock_does_not_ask_its_topics_in_a_fixed_turn() -> None:
    # round-robin draws a, b, a, b ...: without the last shuffle every mock over two topics
    # alternated them, so the next question's topic was always known
    cards = [FakeCard(f"a{i}", topic="a") for i in range(5)] + [
        FakeCard(f"b{i}", topic="b") for i in range(5)
    ]

    def alternates(seed: int) -> bool:
        topics = [card.topic for card in plan_mock(cards, 6, random.Random(seed))]
        return all(one != other for one, other in zip(topics, topics[1:], strict=False))

    assert not all(alternates(seed) for seed in range(10))
    drawn = plan_mock(cards, 6, random.Random(0))
    assert sorted(card.topic for card in drawn) == ["a", "a", "a", "b", "b", "b"]


def test_a_mock_session_draws_its_questions_with_the_rng_it_is_given(
    store: Store, scheduler: Scheduler
) -> None:
    cards = [FakeCard(f"c{i}", topic=f"t{i % 4}") for i in range(30)]

    def drawn(seed: int) -> list[str]:
        options = SessionOptions(mode="mock", limit=5)
        session = Session(
            store, cards, options, now=NOW, scheduler=scheduler, rng=random.Random(seed)
        )
        return [card.id for card in session.planned]

    # the same seed, the same interview: a fresh unseeded rng in its place passed the rest
    assert drawn(3) == drawn(3) == [card.id for card in plan_mock(cards, 5, random.Random(3))]
