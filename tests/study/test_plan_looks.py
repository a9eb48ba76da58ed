"""The last pass built as columns places what the `Look` objects placed (twenty-first round).

Until the twenty-first round `last_pass` made a `Look` object per (card, day), some 213,000
for a heavy home's forecast, read back into columns by `fewest_looks`; it now builds the
columns directly, asks each card's recall after a review on every day left at once
(`RecallCache.after_reviews`) and works out a card's local date of last review only when it
may be today. `_old_last_pass` is the last pass as it was, with the plain ranking and walk
(`tests/study/test_plan_speed.py`); the new one is compared with it, and the forecast,
`plan_day` and `study_ahead` made with each, on random memory states. The forecast's
points were `readiness(...).overall` (compared with fsrs's own in
`tests/study/test_plan_recall_fast.py`); they are now its mean without the topics
(`_overall`). Equality is exact.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest
from fsrs import Card, Scheduler, State

from quiz.store import InterviewPlan
from quiz.study import plan as plan_module
from quiz.study.cards import StudyCard
from quiz.study.days import local_date
from quiz.study.plan import (
    DayPlan,
    LastPass,
    Pace,
    RecallCache,
    forecast,
    last_pass,
    plan_day,
    readiness,
    study_ahead,
)
from quiz.study.plan import curve as plan_curve
from quiz.study.plan import day_selection as plan_day_selection
from quiz.study.plan import forecast_days as plan_forecast_days
from quiz.study.plan import looks as plan_looks
from quiz.study.plan import placement as plan_placement
from quiz.study.plan import recall_on_day as plan_recall_on_day
from tests.study.test_plan_speed import CHUNKS, Look, _plain_fewest_looks

KINDS = ("concept", "choice", "numeric", "coding")
ZONES: tuple[tzinfo, ...] = (
    UTC,
    ZoneInfo("America/New_York"),  # its clocks go forward on 2026-03-08, within the plans
    ZoneInfo("Pacific/Chatham"),  # +13:45: a local date far from UTC's
    timezone(timedelta(hours=-11, minutes=-30)),
)
MOMENT = datetime(2026, 3, 5, 23, 40, tzinfo=UTC)
SCHEDULERS = (
    Scheduler(enable_fuzzing=False),  # a lapse relearned the same day (with steps)
    Scheduler(enable_fuzzing=False, relearning_steps=()),  # the quick review path
    Scheduler(enable_fuzzing=False, relearning_steps=(timedelta(days=1),)),
)


@dataclass(frozen=True)
class C:
    """A StudyCard with only what the plan reads."""

    id: str
    kind: str = "concept"
    topic: str = "optim"
    title: str = "a card"
    tags: tuple[str, ...] = ()
    pack: str = "nn"


def _old_last_pass(
    studied: Sequence[StudyCard],
    unseen: Sequence[StudyCard],
    memory: Mapping[str, Card],
    plan: InterviewPlan,
    moment: datetime,
    *,
    tz: tzinfo,
    scheduler: Scheduler,
    pace: Pace,
    today_left: float,
    margin: float = plan_recall_on_day.READINESS_MARGIN,
    steps: bool = True,
    recalls: RecallCache | None = None,
    carried: object = None,
) -> LastPass:
    """`last_pass` as it was before the twenty-first round: a `Look` per (card, day)
    (every day's rows worked out whole: `carried` is not read)."""
    recall_at = plan_module.recall_at
    today = local_date(moment, tz)
    start = plan_module.interview_start(plan, tz)
    days_left = max(1, (plan.interview - today).days)
    budget = plan.minutes_per_day * 60.0
    room = [today_left] + [budget] * (days_left - 1)
    offers: list[Look] = []
    ready = sum(recall_at(memory[card.id], start, scheduler) for card in studied)
    goal = (plan.target + margin) * (len(studied) + len(unseen))
    gains: dict[tuple[object, ...], list[float]] = {}
    for card in studied:
        known = memory[card.id]
        if known.last_review is None or local_date(known.last_review, tz) >= today:
            continue
        key = (known.state, known.stability, known.difficulty, known.last_review)
        if key not in gains:
            now_recall = recall_at(known, start, scheduler)
            gains[key] = [
                plan_curve._recall_after_review(
                    known, moment + timedelta(days=offset), start, scheduler, steps=steps
                )
                - now_recall
                for offset in range(days_left)
            ]
        cost = pace.review_seconds(card.kind, steps=steps)
        for offset, gain in enumerate(gains[key]):
            if gain > 0:
                offers.append(Look(card.id, offset, gain, cost, new=False))
    first_look = [
        plan_curve.recall_after_first_look(
            moment + timedelta(days=offset), start, scheduler, steps=steps
        )
        for offset in range(days_left if unseen else 0)
    ]
    for card in unseen:
        cost = pace.new_seconds(card.kind, steps=steps)
        for offset, gain in enumerate(first_look):
            offers.append(Look(card.id, offset, gain, cost, new=True))
    placement = _plain_fewest_looks(offers, room, ready, goal, [])
    count = len(studied) + len(unseen)
    return LastPass(
        days=placement.days,
        new=placement.new,
        predicted=placement.ready / count if count else 0.0,
    )


def _old_overall(
    cards: Sequence[StudyCard], memory: Mapping[str, Card], moment: datetime, scheduler: Scheduler
) -> float:
    return readiness(cards, memory, moment, scheduler).overall


def _memory(rng: random.Random, cards: Sequence[C], moment: datetime) -> dict[str, Card]:
    """Random fsrs states for most of `cards` (the rest unseen): reviews from months ago to
    minutes ago (today's are skipped by the last pass), around the 3 days before `moment`
    the local date is worked out for, cards in their steps, and cards sharing a state."""
    memory: dict[str, Card] = {}
    shared: list[Card] = []
    for card in cards:
        roll = rng.random()
        if roll < 0.12:
            continue  # never seen
        if roll < 0.25 and shared:
            memory[card.id] = rng.choice(shared)  # the same state as another card
            continue
        ago = rng.choice(
            [
                timedelta(minutes=rng.randint(1, 600)),
                timedelta(days=3) + timedelta(minutes=rng.randint(-90, 90)),
                timedelta(days=3),
                timedelta(days=rng.uniform(0.5, 4)),
                timedelta(days=rng.uniform(1, 90)),
            ]
        )
        state = rng.choice([State.Review] * 6 + [State.Learning, State.Relearning])
        known = Card(
            card_id=1,
            state=state,
            step=None if state == State.Review else rng.choice([0, 1]),
            stability=rng.choice([0.4, 1.3, 2.0, 6.5, 30.0, 120.0]) * rng.uniform(0.9, 1.1),
            difficulty=rng.uniform(1.0, 10.0),
            due=moment + timedelta(hours=rng.randint(-200, 200)),
            last_review=moment - ago,
        )
        memory[card.id] = known
        shared.append(known)
    return memory


def _case(
    rng: random.Random,
) -> tuple[list[C], dict[str, Card], InterviewPlan, datetime, tzinfo, Pace]:
    tz = rng.choice(ZONES)
    moment = MOMENT + timedelta(minutes=rng.randint(0, 1440))
    cards = [C(f"c{number:03d}", rng.choice(KINDS)) for number in range(rng.randint(15, 110))]
    memory = _memory(rng, cards, moment)
    today = local_date(moment, tz)
    plan = InterviewPlan(
        interview=today + timedelta(days=rng.randint(1, 9)),
        minutes_per_day=rng.choice([5.0, 15.0, 30.0, 90.0]),
        target=rng.choice([0.8, 0.9, 0.97]),
        created_at=moment - timedelta(days=2),
    )
    seconds = {kind: rng.choice([8.0, 20.0, 45.0, 240.0]) for kind in KINDS}
    pace = Pace.per_answer(seconds)
    return cards, memory, plan, moment, tz, pace


@pytest.mark.parametrize("numpy_from", [0, 10**9])  # numpy used, or not
@pytest.mark.parametrize("seed", range(12))
def test_the_last_pass_places_what_the_look_objects_placed(
    seed: int, numpy_from: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plan_placement, "NUMPY_LOOKS", numpy_from)
    monkeypatch.setattr(plan_placement, "NUMPY_LOOKS_LOADED", numpy_from)
    monkeypatch.setattr(plan_placement, "LIVE_CHUNK", CHUNKS[seed % len(CHUNKS)])
    rng = random.Random(seed)
    scheduler = rng.choice(SCHEDULERS)
    cards, memory, plan, moment, tz, pace = _case(rng)
    studied = [card for card in cards if card.id in memory]
    unseen = [card for card in cards if card.id not in memory]
    recalls = RecallCache()
    for day in range(3):  # a cache shared by days, as the forecast's
        when = moment + timedelta(days=day)
        if local_date(when, tz) >= plan.interview:
            break
        for steps in (False, True):
            args = (studied, rng.choice([unseen, []]), memory, plan, when)
            options = {
                "tz": tz,
                "scheduler": scheduler,
                "pace": pace,
                "today_left": rng.choice([0.0, 100.0, 900.0]),
                "margin": rng.choice([0.03, 0.5]),
                "steps": steps,
            }
            kept = rng.choice([recalls, recalls, None])
            quick = last_pass(*args, **options, recalls=kept)  # type: ignore[arg-type]
            assert quick == _old_last_pass(*args, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", range(10))
def test_the_forecast_plan_day_and_study_ahead_are_what_the_look_objects_gave(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(1000 + seed)
    numpy_from = rng.choice([0, 10**9])
    monkeypatch.setattr(plan_placement, "NUMPY_LOOKS", numpy_from)
    monkeypatch.setattr(plan_placement, "NUMPY_LOOKS_LOADED", numpy_from)
    monkeypatch.setattr(plan_placement, "LIVE_CHUNK", CHUNKS[seed % len(CHUNKS)])
    scheduler = rng.choice(SCHEDULERS)
    cards, memory, plan, moment, tz, pace = _case(rng)

    def made() -> tuple[object, ...]:
        points = forecast(cards, memory, plan, moment, tz=tz, scheduler=scheduler, pace=pace)
        day = plan_day(cards, memory, plan, moment, tz=tz, scheduler=scheduler, pace=pace)
        spent = rng.choice([0.0, 600.0])
        later = plan_day(
            cards,
            memory,
            plan,
            moment,
            tz=tz,
            scheduler=scheduler,
            pace=pace,
            spent_seconds=spent,
        )
        empty = DayPlan((), (), (), 0.0, 1, 0)
        ahead = study_ahead(
            empty,
            cards,
            memory,
            plan,
            moment,
            tz=tz,
            scheduler=scheduler,
            pace=pace,
            spent_seconds=spent,
        )
        return points, day, later, ahead

    state = rng.getstate()
    quick = made()
    rng.setstate(state)
    with monkeypatch.context() as old:
        old.setattr(plan_day_selection, "last_pass", _old_last_pass)  # plan_day's
        # the forecast's points as they were: readiness's overall figure
        old.setattr(plan_forecast_days, "_overall", _old_overall)
        before = made()
    assert quick == before


@pytest.mark.parametrize("seed", range(10))
def test_the_looks_built_as_a_matrix_are_the_loop_s(seed: int) -> None:
    """The twenty-third round builds a heavy pass's looks from a matrix of gains: its
    positive cells in row-major order must be the loop's looks, in the loop's order."""
    rng = random.Random(300 + seed)
    days = rng.randint(1, 6)
    reviews = plan_looks.SeenCardReviews()
    for number in range(rng.randint(0, 40)):
        now = rng.choice([0.0, 0.3, 0.5, rng.random()])
        # gains below, at and above 0; rows shared by cards, as cards in one state share
        row = [rng.choice([now, now - 0.1, now + 1e-12, rng.random()]) for _ in range(days)]
        reviews.after.append(rng.choice([row, *reviews.after[-1:]]))
        reviews.now.append(now)
        reviews.numbers.append(number)
        reviews.costs.append(rng.choice([8.0, 20.0, 240.0]))
    firsts = [rng.random() * rng.choice([0.0, 1.0]) for _ in range(days)]
    count = len(reviews.numbers)
    unseen = [(count + k, rng.choice([8.0, 45.0])) for k in range(rng.randint(0, 5))]
    plain, matrix = plan_looks.CandidateLooks(), plan_looks.CandidateLooks()
    plan_looks.add_looks(plain, reviews, firsts, unseen, vectorised=False)
    plan_looks.add_looks(matrix, reviews, firsts, unseen, vectorised=True)
    assert matrix.arrays is not None
    for made in (matrix.cards, matrix.arrays.cards.tolist()):
        assert made == plain.cards
    for made in (matrix.days, matrix.arrays.days.tolist()):
        assert made == plain.days
    for made in (matrix.gains, matrix.arrays.gains.tolist()):
        assert made == plain.gains  # the same floats, bit for bit
    for made in (matrix.costs, matrix.arrays.costs.tolist()):
        assert made == plain.costs
