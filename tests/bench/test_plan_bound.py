"""The budgeted bound (bench/plan_bound.py) against fsrs itself and the simpler bound."""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
import pytest
from fsrs import Card, Rating, Scheduler

from bench.plan import RECALLED_RATINGS, START, draw_learner
from bench.plan_bound import CardStart, budget_bound, difficulty_after
from bench.plan_oracle import TrueModel, recall_bound
from tests.bench.fsrs_expected import expected_recall_after

HORIZON = 5
DAY = START + timedelta(days=HORIZON)
"""Midnight starting the interview day."""


def _first_look(truth: Scheduler, rating: Rating, when: datetime) -> Card:
    return truth.review_card(Card(card_id=1, due=when), rating, review_datetime=when)[0]


@pytest.mark.parametrize("rating", [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy])
def test_difficulty_follows_fsrs(rating: Rating) -> None:
    learner = draw_learner(7, 3)
    truth = Scheduler(parameters=learner.params, enable_fuzzing=False)
    model = TrueModel(learner.params)
    for difficulty in (1.0, 4.2, 9.7):
        expected = truth._next_difficulty(difficulty=difficulty, rating=rating)
        assert difficulty_after(model, np.array([difficulty]), rating)[0] == pytest.approx(
            expected, abs=1e-12
        )


@pytest.mark.parametrize("first", [Rating.Again, Rating.Good])
def test_one_review_day_is_fsrss_expected_recall_at_the_better_time_of_day(first: Rating) -> None:
    """One card, one day with room (not the eve): the bound is the better of not reviewing
    and reviewing at either time of day, as fsrs computes them answer by answer."""
    learner = draw_learner(7, 1)
    truth = Scheduler(parameters=learner.params, enable_fuzzing=False)
    looked = START + timedelta(hours=12)
    card = _first_look(truth, first, looked)
    review_day = 2
    later = START + timedelta(days=review_day, hours=13)  # 2 days after the first look
    earlier = START + timedelta(days=review_day, hours=8)  # a day and 20 hours: 1 day
    best = max(
        truth.get_card_retrievability(card, DAY),
        expected_recall_after(truth, card, later, DAY),
        expected_recall_after(truth, card, earlier, DAY),
    )
    start = CardStart(float(card.stability or 0), float(card.difficulty or 0), 0, 20.0)
    room = [0.0] * HORIZON
    room[review_day] = 1_000.0
    bound = budget_bound(TrueModel(learner.params), [start], HORIZON, room, 1, RECALLED_RATINGS, 1)
    assert bound.recall == pytest.approx(best, abs=1e-6)
    assert bound.lowest <= bound.recall + 1e-9


def test_without_room_nothing_is_reviewed() -> None:
    learner = draw_learner(7, 2)
    truth = Scheduler(parameters=learner.params, enable_fuzzing=False)
    cards = [_first_look(truth, r, START + timedelta(hours=8)) for r in Rating]
    starts = [CardStart(float(c.stability or 0), float(c.difficulty or 0), 0, 15.0) for c in cards]
    bound = budget_bound(
        TrueModel(learner.params), starts, HORIZON, [0.0] * HORIZON, 10, RECALLED_RATINGS, 5
    )
    unseen_counts_zero = sum(truth.get_card_retrievability(c, DAY) for c in cards) / 5
    assert bound.recall == pytest.approx(unseen_counts_zero, abs=1e-9)


def _bank(learner_index: int, count: int) -> tuple[TrueModel, list[CardStart], list[float]]:
    """`count` cards first seen over the first two days, rated as the simulation's mix."""
    learner = draw_learner(11, learner_index)
    truth = Scheduler(parameters=learner.params, enable_fuzzing=False)
    rng = np.random.default_rng(learner_index)
    starts, first_recall = [], []
    for n in range(count):
        day = n % 2
        rating = Rating(int(rng.choice([1, 2, 3, 4], p=[0.25, 0.1, 0.55, 0.1])))
        card = _first_look(truth, rating, START + timedelta(days=day, hours=8))
        seconds = 150.0 if n % 10 == 9 else 15.0
        starts.append(
            CardStart(float(card.stability or 0), float(card.difficulty or 0), day, seconds)
        )
        first_recall.append(truth.get_card_retrievability(card, DAY))
    return TrueModel(learner.params), starts, first_recall


def test_with_time_to_spare_it_is_the_bound_without_a_budget() -> None:
    """Unlimited minutes: the best a review can do is a look on the eve (recall 1), so the
    budgeted bound comes down to lifting the weakest cards, the simpler bound."""
    model, starts, first_recall = _bank(0, 30)
    for reviews in (0, 5, 12):
        bound = budget_bound(model, starts, HORIZON, [1e6] * HORIZON, reviews, RECALLED_RATINGS, 30)
        assert bound.recall == pytest.approx(recall_bound(first_recall, reviews, 30), abs=1e-5)


def test_a_tight_eve_lowers_the_bound_and_more_reviews_never_do() -> None:
    model, starts, first_recall = _bank(1, 30)
    room = [0.0, 0.0, 200.0, 200.0, 60.0]  # the eve holds four quick answers
    bounds = [
        budget_bound(model, starts, HORIZON, room, reviews, RECALLED_RATINGS, 30).recall
        for reviews in (4, 8, 16)
    ]
    free = [recall_bound(first_recall, reviews, 30) for reviews in (4, 8, 16)]
    assert bounds == sorted(bounds), "a larger review budget never lowers the bound"
    assert all(b <= f + 1e-6 for b, f in zip(bounds, free, strict=True))
    assert bounds[-1] < free[-1] - 0.01, "sixteen reviews cannot all land on the eve"
    assert bounds[0] > sum(first_recall) / 30, "four reviews on the eve add recall"
