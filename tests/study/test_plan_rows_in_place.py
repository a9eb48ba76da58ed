"""The seen cards' rows carried in place (`CarriedRows._carried_in_place`, forty-eighth
round): when a forecast day's studied cards are the day before's in the same order, the
rows are gathered by position instead of by card id, and must be the rows the loop gives.

- On random small homes the forecast is compared (`==` on its floats) with the forecast
  whose days work out every row and with the last pass's own loop (no rows object), and
  the positional path is checked to have been taken, so the comparison is not of the
  id-keyed path with itself.
- A day whose cards come in another order, or with a card more, takes the id-keyed path
  and gives the rows worked out whole.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from fsrs import Card, Rating

from quiz.study.plan import RecallCache, forecast
from quiz.study.plan import forecast_days as plan_forecast_days
from quiz.study.plan import placement as plan_placement
from quiz.study.plan import seen_rows as plan_seen_rows
from tests.study.test_plan_looks import SCHEDULERS, _case
from tests.study.test_plan_seen_rows import (
    _CASE,
    MOMENT_OF_CASE,
    SCHEDULER,
    _Cold,
    _rows,
    _same,
)


class _InPlace(plan_seen_rows.CarriedRows):
    """CarriedRows that count the days carried in place and the rows so carried, and check
    every day's rows against the rows worked out whole (with a fresh recall cache)."""

    days = 0
    rows_carried = 0

    def rows(self, *args: Any, **kwargs: Any) -> plan_seen_rows.SeenRows:
        found = super().rows(*args, **kwargs)
        _same(found, _Cold().rows(*args, **{**kwargs, "cache": RecallCache()}))
        return found

    def _carried_in_place(self, *args: Any, **kwargs: Any) -> plan_seen_rows.SeenRows:
        found = super()._carried_in_place(*args, **kwargs)
        _InPlace.days += 1
        _InPlace.rows_carried += self.carried
        return found


@pytest.fixture
def numpy_always(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rows are numpy's: the small cases take that path too."""
    monkeypatch.setattr(plan_placement, "NUMPY_LOOKS", 0)
    monkeypatch.setattr(plan_placement, "NUMPY_LOOKS_LOADED", 0)


@pytest.mark.usefixtures("numpy_always")
def test_the_forecast_with_rows_in_place_is_the_one_worked_out_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _InPlace.days = _InPlace.rows_carried = 0
    for seed in range(40):
        rng = random.Random(4800 + seed)
        scheduler = rng.choice(SCHEDULERS)
        cards, memory, plan, moment, tz, pace = _case(rng)
        plan = replace(plan, interview=plan.interview + timedelta(days=rng.randint(2, 8)))
        runs = []
        for rows in (_InPlace, _Cold, lambda: None):
            monkeypatch.setattr(plan_forecast_days, "CarriedRows", rows)
            runs.append(
                forecast(
                    cards,
                    memory,
                    plan,
                    moment,
                    tz=tz,
                    scheduler=scheduler,
                    pace=pace,
                    recalls=RecallCache(),
                )
            )
        in_place, cold, plain = runs
        assert in_place == cold == plain, seed
    assert _InPlace.days > 20  # the positional path was taken, on many days
    assert _InPlace.rows_carried > 500


def test_answered_cards_in_place_are_worked_out_again() -> None:
    cards, memory = list(_CASE[0]), dict(_CASE[1])
    carried = _InPlace()
    _InPlace.days = 0
    first = _rows(carried, cards, memory, 0)
    for card_id in first.ids[1:4]:
        when = MOMENT_OF_CASE + timedelta(hours=3)
        memory[card_id], _ = SCHEDULER.review_card(memory[card_id], Rating.Again, when)
    second = _rows(carried, cards, memory, 1)
    assert _InPlace.days == 1
    assert carried.carried == len(first.ids) - 3
    _same(second, _rows(_Cold(), cards, memory, 1))
    third = _rows(carried, cards, memory, 3)  # two days on: the answered cards are rows again
    assert _InPlace.days == 2
    _same(third, _rows(_Cold(), cards, memory, 3))
    assert set(first.ids) <= set(third.ids)


def test_cards_in_another_order_or_one_more_take_the_ids() -> None:
    cards, memory = list(_CASE[0]), dict(_CASE[1])
    carried = _InPlace()
    _InPlace.days = 0
    _rows(carried, cards, memory, 0)
    turned = list(reversed(cards))
    second = _rows(carried, turned, memory, 1)
    assert _InPlace.days == 0 and carried.carried > 0  # carried, by card id
    _same(second, _rows(_Cold(), turned, memory, 1))
    unseen = next(card for card in cards if card.id not in memory)
    memory[unseen.id], _ = SCHEDULER.review_card(Card(), Rating.Good, MOMENT_OF_CASE)
    third = _rows(carried, turned, memory, 2)
    assert _InPlace.days == 0
    _same(third, _rows(_Cold(), turned, memory, 2))
