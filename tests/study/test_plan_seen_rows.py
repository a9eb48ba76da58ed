"""The last pass's rows carried from one forecast day to the next (`CarriedRows`, forty-third
round) give the forecast it gave with every day's rows worked out whole.

- On random histories, zones and schedulers the forecast is compared (`==` on its floats:
  `drillbit plan --json` prints them) with the forecast whose days work out every row, and
  with the one through the last pass's own loop (no rows object); the carrying is checked
  to have happened, so the comparison is not of two cold runs.
- A row is carried only for a card in the same state object, at moments that are the
  earlier ones' end: a card answered since, a card answered on the earlier day (left out
  then), other moments, other `steps` and a card listed twice are worked out.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import pytest
from fsrs import Card, Rating

from quiz.study.days import local_date
from quiz.study.plan import Pace, RecallCache, forecast, interview_start
from quiz.study.plan import forecast_days as plan_forecast_days
from quiz.study.plan import placement as plan_placement
from quiz.study.plan import seen_rows as plan_seen_rows
from quiz.study.plan.recall_on_day import recalls_at
from tests.study.test_plan_looks import KINDS, SCHEDULERS, C, _case


class _Counted(plan_seen_rows.CarriedRows):
    """CarriedRows that count the rows carried over every day of a forecast."""

    made: list[_Counted] = []

    def __init__(self) -> None:
        super().__init__()
        self.total = 0
        _Counted.made.append(self)

    def rows(self, *args: object, **kwargs: object) -> plan_seen_rows.SeenRows:
        found = super().rows(*args, **kwargs)  # type: ignore[arg-type]
        self.total += self.carried
        return found


class _Cold(plan_seen_rows.CarriedRows):
    """CarriedRows that never carry: every day's rows worked out whole."""

    def _usable(self, *args: object) -> None:
        return None


@pytest.fixture
def numpy_always(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rows are numpy's: the small cases take that path too."""
    monkeypatch.setattr(plan_placement, "NUMPY_LOOKS", 0)
    monkeypatch.setattr(plan_placement, "NUMPY_LOOKS_LOADED", 0)


@pytest.mark.usefixtures("numpy_always")
def test_the_forecast_with_carried_rows_is_the_one_worked_out_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    carried_somewhere = 0
    for seed in range(40):
        rng = random.Random(4300 + seed)
        scheduler = rng.choice(SCHEDULERS)
        cards, memory, plan, moment, tz, pace = _case(rng)
        plan = replace(plan, interview=plan.interview + timedelta(days=4))
        runs = []
        for rows in (_Counted, _Cold, lambda: None):
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
        carried, cold, plain = runs
        assert carried == cold == plain, seed
        carried_somewhere += _Counted.made[-1].total
    assert carried_somewhere > 1000  # the rows were carried, not all worked out again


_CASE = _case(random.Random(7))
MOMENT_OF_CASE, TZ, PACE = _CASE[3], _CASE[4], _CASE[5]
SCHEDULER = SCHEDULERS[0]
START = interview_start(
    replace(_CASE[2], interview=local_date(MOMENT_OF_CASE, TZ) + timedelta(9)), TZ
)


def _rows(
    carried: plan_seen_rows.CarriedRows,
    cards: list[C],
    memory: dict[str, Card],
    day: int,
    *,
    steps: bool = True,
    pace: Pace = PACE,
) -> plan_seen_rows.SeenRows:
    """The rows `day` days after the case's moment, the interview 9 days after it."""
    when = MOMENT_OF_CASE + timedelta(days=day)
    whens = tuple(when + timedelta(days=offset) for offset in range(9 - day))
    return carried.rows(
        [card for card in cards if card.id in memory],
        memory,
        when,
        whens,
        START,
        tz=TZ,
        scheduler=SCHEDULER,
        pace=pace,
        steps=steps,
        cache=RecallCache(),
    )


def _cold(cards: list[C], memory: dict[str, Card], day: int) -> plan_seen_rows.SeenRows:
    return _rows(_Cold(), cards, memory, day)


def _same(one: plan_seen_rows.SeenRows, other: plan_seen_rows.SeenRows) -> None:
    assert one.now == other.now
    assert one.ids == other.ids
    assert one.known == other.known
    assert one.row_now.tolist() == other.row_now.tolist()
    assert one.costs.tolist() == other.costs.tolist()
    assert one.after.tolist() == other.after.tolist()


def test_only_the_cards_whose_state_moved_are_worked_out() -> None:
    cards, memory = list(_CASE[0]), dict(_CASE[1])
    carried = plan_seen_rows.CarriedRows()
    first = _rows(carried, cards, memory, 0)
    assert carried.carried == 0
    _same(first, _cold(cards, memory, 0))
    # a day on, two cards answered (new state objects): every other row is carried
    answered = first.ids[:2]
    for card_id in answered:
        when = MOMENT_OF_CASE + timedelta(hours=2)
        memory[card_id], _ = SCHEDULER.review_card(memory[card_id], Rating.Good, when)
    second = _rows(carried, cards, memory, 1)
    _same(second, _cold(cards, memory, 1))
    assert carried.carried == len(first.ids) - len(answered)
    assert second.after.shape[1] == first.after.shape[1] - 1
    # the rows carried are the earlier ones without the day gone by
    row = second.ids.index(first.ids[2])
    assert second.after[row].tolist() == first.after[2, 1:].tolist()
    assert second.now == recalls_at(
        [memory[card.id] for card in cards if card.id in memory], START, SCHEDULER
    )


def test_a_card_answered_on_the_earlier_day_gets_its_row_the_next() -> None:
    cards, memory = list(_CASE[0]), dict(_CASE[1])
    seen = [card for card in cards if card.id in memory]
    recent = seen[0].id
    memory[recent], _ = SCHEDULER.review_card(memory[recent], Rating.Good, MOMENT_OF_CASE)
    carried = plan_seen_rows.CarriedRows()
    first = _rows(carried, cards, memory, 0)
    assert recent not in first.ids  # answered today: not a row
    second = _rows(carried, cards, memory, 2)
    assert recent in second.ids
    assert carried.carried > 0
    _same(second, _cold(cards, memory, 2))


def test_other_moments_or_steps_carry_nothing() -> None:
    cards, memory = list(_CASE[0]), dict(_CASE[1])
    carried = plan_seen_rows.CarriedRows()
    _rows(carried, cards, memory, 3)
    _rows(carried, cards, memory, 1)  # earlier than the rows kept
    assert carried.carried == 0
    _rows(carried, cards, memory, 2)
    _rows(carried, cards, memory, 3, steps=False)
    assert carried.carried == 0
    slower = Pace.per_answer(dict.fromkeys(KINDS, 999.0))
    _rows(carried, cards, memory, 4, steps=False, pace=slower)
    assert carried.carried == 0


def test_an_equal_pace_made_again_carries() -> None:
    cards, memory = list(_CASE[0]), dict(_CASE[1])
    carried = plan_seen_rows.CarriedRows()
    first = _rows(carried, cards, memory, 0)
    again = replace(PACE)  # another object, equal (plan_day's default pace is made per call)
    assert again is not PACE
    second = _rows(carried, cards, memory, 1, pace=again)
    assert carried.carried == len(first.ids) > 0  # every row of the day before
    _same(second, _cold(cards, memory, 1))


def test_a_card_listed_twice_carries_nothing_and_counts_twice() -> None:
    cards, memory = list(_CASE[0]), dict(_CASE[1])
    twice = [*cards, next(card for card in cards if card.id in memory)]
    carried = plan_seen_rows.CarriedRows()
    first = _rows(carried, twice, memory, 0)
    assert len(first.now) == len([card for card in twice if card.id in memory])
    second = _rows(carried, twice, memory, 1)
    assert carried.carried == 0
    _same(second, _rows(_Cold(), twice, memory, 1))
