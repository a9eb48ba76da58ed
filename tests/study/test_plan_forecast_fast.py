"""The forecast's points and plan_day's due cards, made quicker, are what they were
(twenty-second round).

- `_DayRecalls` keeps the cards' last reviews and stabilities as numpy columns and works
  out the forgetting curve's base for all of them at once; it is compared with `_overall`
  (readiness's overall mean, itself compared with fsrs's own in
  `tests/study/test_plan_recall_fast.py`) on random states and moments, cards changing
  between points as the forecast changes them.
- plan_day sorts only the due cards plan mode may take (those in a step of today's
  answers), and `takes_steps` finds the unseen and stepping cards in one pass; each is
  compared with the code as it was on random states.
- The forecast with the columns is the forecast without them.

Equality is exact (`==` on floats): `drillbit plan --json` prints these.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta, tzinfo

import pytest
from fsrs import Card, Scheduler
from fsrs.scheduler import DEFAULT_PARAMETERS

from quiz.store import InterviewPlan
from quiz.study.cards import StudyCard
from quiz.study.days import local_date
from quiz.study.plan import Pace, final_days, forecast, pass_days, plan_day, steps_fit, takes_steps
from quiz.study.plan import curve as plan_curve
from quiz.study.plan import forecast_days as plan_forecast_days
from quiz.study.plan import new_cards as plan_new_cards
from quiz.study.plan import recall_on_day as plan_recall_on_day
from tests.study.test_plan_looks import SCHEDULERS, ZONES, _case, _memory

OTHER_DECAY = Scheduler(parameters=(*DEFAULT_PARAMETERS[:20], 0.5), enable_fuzzing=False)


@pytest.fixture
def numpy_always(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan_forecast_days, "NUMPY_CARDS", 0)
    monkeypatch.setattr(plan_forecast_days, "NUMPY_CARDS_LOADED", 0)


@pytest.mark.usefixtures("numpy_always")
@pytest.mark.parametrize("seed", range(8))
def test_the_day_recalls_are_the_overall_mean_to_the_bit(seed: int) -> None:
    rng = random.Random(seed)
    cards, memory, _plan, moment, _tz, _pace = _case(rng)
    scheduler = rng.choice([*SCHEDULERS, OTHER_DECAY])
    # far back and far ahead, before a review (floored at 0 days), tiny and huge stabilities
    memory[cards[0].id] = Card(
        1, stability=0.001, difficulty=5.0, due=moment, last_review=moment - timedelta(900)
    )
    memory[cards[1].id] = Card(1, stability=1e9, difficulty=5.0, due=moment, last_review=moment)
    kept = dict(memory)
    recalls = plan_forecast_days._DayRecalls(cards, kept, scheduler)
    assert recalls._vectorised
    for day in range(12):
        when = moment + timedelta(days=rng.choice([-3, 0, 1, 7, 400]), hours=rng.randint(-30, 30))
        assert recalls.overall(when) == plan_forecast_days._overall(cards, kept, when, scheduler)
        assert recalls.overall(when.astimezone(rng.choice(ZONES))) == plan_forecast_days._overall(
            cards, kept, when, scheduler
        )
        for card in rng.sample(cards, 5):  # a day's answers change a few cards
            changed = _memory(rng, [card], when + timedelta(days=day)).get(card.id)
            if changed is None:
                kept.pop(card.id, None)
            else:
                kept[card.id] = changed
            recalls.update(card.id)


def test_a_card_listed_twice_counts_twice_and_changes_in_both_places(numpy_always: None) -> None:
    moment = datetime(2026, 3, 5, 9, tzinfo=UTC)
    scheduler = Scheduler(enable_fuzzing=False)
    cards = [_card("a"), _card("b"), _card("a")]
    kept: dict[str, Card] = {"b": Card(1, stability=3.0, difficulty=5.0, due=moment)}
    kept["b"].last_review = moment - timedelta(days=4)
    recalls = plan_forecast_days._DayRecalls(cards, kept, scheduler)
    assert recalls.overall(moment) == plan_forecast_days._overall(cards, kept, moment, scheduler)
    kept["a"] = Card(1, stability=2.0, difficulty=5.0, due=moment)
    kept["a"].last_review = moment - timedelta(days=1)
    recalls.update("a")
    assert recalls.overall(moment) == plan_forecast_days._overall(cards, kept, moment, scheduler)
    assert recalls.overall(moment) > 0.0


def _card(card_id: str) -> StudyCard:
    from tests.study.test_plan_looks import C

    return C(card_id)


def test_without_the_curve_constants_the_points_are_readiness_own(
    numpy_always: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(5)
    cards, memory, _plan, moment, _tz, _pace = _case(rng)
    scheduler = Scheduler(enable_fuzzing=False)
    for module in (plan_curve, plan_recall_on_day, plan_forecast_days):  # every user of it
        monkeypatch.setattr(module, "forgetting_curve", lambda scheduler: None)
    recalls = plan_forecast_days._DayRecalls(cards, memory, scheduler)
    assert not recalls._vectorised
    assert recalls.overall(moment) == plan_forecast_days._overall(cards, memory, moment, scheduler)


@pytest.mark.parametrize("seed", range(10))
def test_the_forecast_with_the_day_recalls_is_the_forecast_without(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(300 + seed)
    scheduler = rng.choice(SCHEDULERS)
    cards, memory, plan, moment, tz, pace = _case(rng)
    with monkeypatch.context() as quick:
        quick.setattr(plan_forecast_days, "NUMPY_CARDS", 0)
        quick.setattr(plan_forecast_days, "NUMPY_CARDS_LOADED", 0)
        fast = forecast(cards, memory, plan, moment, tz=tz, scheduler=scheduler, pace=pace)
    with monkeypatch.context() as plain:
        plain.setattr(plan_forecast_days, "NUMPY_CARDS", 10**9)
        plain.setattr(plan_forecast_days, "NUMPY_CARDS_LOADED", 10**9)
        slow = forecast(cards, memory, plan, moment, tz=tz, scheduler=scheduler, pace=pace)
    assert fast == slow


def _old_reviews(
    cards: Sequence[StudyCard],
    memory: Mapping[str, Card],
    plan: InterviewPlan,
    moment: datetime,
    tz: tzinfo,
    pace: Pace,
    *,
    spent: float,
    steps: bool,
    time_reviews: bool,
) -> tuple[str, ...]:
    """plan_day's due reviews as they were worked out: every due card sorted, then those
    plan mode does not take skipped (no new card is imposed: nothing comes before them)."""
    today = local_date(moment, tz)
    studied = [card for card in cards if card.id in memory]
    kinds = {card.id: card.kind for card in cards}
    left = plan.minutes_per_day * 60.0 - spent
    due = [
        card_id
        for _, card_id in sorted(
            (memory[card.id].due, card.id) for card in studied if memory[card.id].due <= moment
        )
    ]
    reviews: list[str] = []
    for card_id in due:
        stepping = plan_new_cards.stepping_today(memory[card_id], today, tz)
        if time_reviews and not (steps and stepping):
            continue
        cost = pace.review_seconds(kinds[card_id])
        if cost <= left + 1e-9:
            reviews.append(card_id)
            left -= cost
    return tuple(reviews)


def _old_takes_steps(
    cards: Sequence[StudyCard],
    memory: Mapping[str, Card],
    plan: InterviewPlan,
    now: datetime,
    *,
    tz: tzinfo,
    pace: Pace,
    spent_seconds: float = 0.0,
) -> bool:
    today = local_date(now, tz)
    days_left = (plan.interview - today).days
    if days_left <= 0:
        return True
    left = plan.minutes_per_day * 60.0 - spent_seconds
    unseen = [card for card in cards if card.id not in memory]
    stepping = [
        (card, memory[card.id])
        for card in cards
        if card.id in memory and plan_new_cards.stepping_today(memory[card.id], today, tz)
    ]
    if not steps_fit(
        unseen, stepping, plan, days_left, final_days(cards, plan, days_left, pace), left, pace
    ):
        return False
    return days_left > pass_days(cards, unseen, plan, days_left, left, pace)


@pytest.mark.parametrize("seed", range(16))
def test_plan_day_takes_the_due_cards_it_took_and_decides_steps_alike(seed: int) -> None:
    rng = random.Random(700 + seed)
    scheduler = rng.choice(SCHEDULERS)
    cards, memory, plan, moment, tz, pace = _case(rng)
    for spent in (0.0, 300.0):
        assert takes_steps(
            cards, memory, plan, moment, tz=tz, pace=pace, spent_seconds=spent
        ) == _old_takes_steps(cards, memory, plan, moment, tz=tz, pace=pace, spent_seconds=spent)
        for steps in (True, False):
            for time_reviews in (True, False):
                day = plan_day(
                    cards,
                    memory,
                    plan,
                    moment,
                    tz=tz,
                    scheduler=scheduler,
                    pace=pace,
                    spent_seconds=spent,
                    same_day_steps=steps,
                    time_reviews=time_reviews,
                )
                assert day is not None
                expected = _old_reviews(
                    cards,
                    memory,
                    plan,
                    moment,
                    tz,
                    pace,
                    spent=spent,
                    steps=steps,
                    time_reviews=time_reviews,
                )
                assert day.reviews == expected


@pytest.mark.parametrize("vectorised", [True, False])
@pytest.mark.parametrize("seed", range(3))
def test_a_copy_for_the_followed_memory_moves_apart_from_the_idle_one(
    seed: int, vectorised: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The forecast's followed points start as a copy of the idle ones (fortieth round):
    each must then follow its own memory, to the bit, whatever the other's changes."""
    if vectorised:
        monkeypatch.setattr(plan_forecast_days, "NUMPY_CARDS", 0)
        monkeypatch.setattr(plan_forecast_days, "NUMPY_CARDS_LOADED", 0)
    rng = random.Random(seed)
    cards, memory, _plan, moment, _tz, _pace = _case(rng)
    scheduler = rng.choice(SCHEDULERS)
    idle = plan_forecast_days._DayRecalls(cards, memory, scheduler)
    followed = dict(memory)
    copied = idle.copy_for(followed)
    assert copied.overall(moment) == idle.overall(moment)
    for day in range(1, 6):
        when = moment + timedelta(days=day)
        for card in rng.sample(cards, 6):
            changed = _memory(rng, [card], when).get(card.id)
            if changed is not None:
                followed[card.id] = changed
                copied.update(card.id)
        assert copied.overall(when) == plan_forecast_days._overall(cards, followed, when, scheduler)
        assert idle.overall(when) == plan_forecast_days._overall(cards, memory, when, scheduler)
