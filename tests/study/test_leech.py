"""A card forgotten at Anki's leech lapses (8, then every 4) is flagged in its answer."""

from __future__ import annotations

from datetime import timedelta

from fsrs import Rating, Scheduler

from quiz.store import Store
from quiz.study.leech import is_leech_lapse, leech_notice
from quiz.study.scheduling import review_card
from quiz.study.session import Session
from tests.study.fakes import NOW, FakeCard

NO_STEPS = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
"""Every Again leaves a card in review, so each is a lapse."""


def test_leech_lapses_are_the_threshold_and_every_half_threshold_after() -> None:
    assert [n for n in range(30) if is_leech_lapse(n)] == [8, 12, 16, 20, 24, 28]
    assert [n for n in range(8) if is_leech_lapse(n, threshold=3)] == [3, 4, 5, 6, 7]
    # an odd threshold: half of 7 is 3 lapses (counted from the threshold, not from 0)
    assert [n for n in range(20) if is_leech_lapse(n, threshold=7)] == [7, 10, 13, 16, 19]


def test_the_notice_names_the_card_its_lapses_and_the_way_out() -> None:
    notice = leech_notice("Why sigmoid", 8)
    assert "'Why sigmoid' is a leech" in notice and "8 times" in notice
    assert "card browser" in notice and "^s suspends" in notice


def _lapsed(store: Store, lapses: int) -> None:
    """sigmoid-why into review (Good), then `lapses` Agains in due sessions, a day apart."""
    moment = NOW - timedelta(days=lapses + 2)
    review_card(store, NO_STEPS, "sigmoid-why", Rating.Good, now=moment, correct=True)
    for day in range(1, lapses + 1):
        at = moment + timedelta(days=day)
        review_card(store, NO_STEPS, "sigmoid-why", Rating.Again, now=at, correct=False)


def _answer_again(store: Store) -> int | None:
    later = NOW + timedelta(days=400)  # due by then, whatever fsrs gave
    session = Session(store, [FakeCard("sigmoid-why")], now=later, scheduler=NO_STEPS)
    assert session.current is not None
    return session.rate(Rating.Again, now=later).leech_lapses


def test_the_eighth_lapse_makes_a_leech(store: Store) -> None:
    _lapsed(store, 7)
    assert store.lapse_count("sigmoid-why") == 7
    assert _answer_again(store) == 8
    assert store.lapse_count("sigmoid-why") == store.lapse_counts()["sigmoid-why"] == 8


def test_the_seventh_and_ninth_lapses_are_not_leech_lapses(store: Store) -> None:
    _lapsed(store, 6)
    assert _answer_again(store) is None
    _lapsed(store, 1)  # an eighth
    assert _answer_again(store) is None, "the ninth"


def test_an_again_while_learning_is_no_lapse(store: Store) -> None:
    _lapsed(store, 7)
    steps = Scheduler(enable_fuzzing=False)  # relearning steps: the next Again is relearning
    review_card(store, steps, "sigmoid-why", Rating.Again, now=NOW, correct=False)
    assert store.lapse_count("sigmoid-why") == 8
    later = NOW + timedelta(days=400)
    session = Session(store, [FakeCard("sigmoid-why")], now=later, scheduler=steps)
    assert session.rate(Rating.Again, now=later).leech_lapses is None, "in relearning"
