"""The interview plan's pure functions: readiness, pacing, reviews brought forward."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from fsrs import Card, Rating, Scheduler, State

from quiz.store import InterviewPlan, Store
from quiz.study.cards import Filters
from quiz.study.plan import (
    DEFAULT_SECONDS,
    Pace,
    TimedAnswer,
    estimate_pace,
    forecast,
    interview_start,
    plan_day,
    readiness,
    recall_at,
    review_days,
)
from quiz.study.session import Session, SessionOptions

START = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


@dataclass(frozen=True)
class C:
    """A StudyCard with only what the plan reads."""

    id: str
    topic: str = "optim"
    kind: str = "concept"
    title: str = "a card"
    tags: tuple[str, ...] = ()


def learned(scheduler: Scheduler, when: datetime, goods: int) -> Card:
    """A card rated Good `goods` times, each when it fell due (the first at `when`)."""
    card = Card(card_id=1, due=when)
    moment = when
    for _ in range(goods):
        card, _log = scheduler.review_card(card, Rating.Good, review_datetime=moment)
        moment = card.due
    return card


def a_plan(days: int, *, minutes: float = 45.0, target: float = 0.9) -> InterviewPlan:
    return InterviewPlan(
        interview=START.date() + timedelta(days=days),
        minutes_per_day=minutes,
        target=target,
        created_at=START,
    )


# -- readiness -------------------------------------------------------------------------


def test_recall_is_fsrs_own_retrievability_and_zero_when_never_seen(scheduler: Scheduler) -> None:
    card = learned(scheduler, START, 3)
    assert card.last_review is not None
    later = card.last_review + timedelta(days=17)
    assert recall_at(card, later, scheduler) == scheduler.get_card_retrievability(card, later)
    assert 0.0 < recall_at(card, later, scheduler) < 1.0
    assert recall_at(None, later, scheduler) == 0.0


def test_readiness_is_the_mean_over_cards_overall_and_per_topic(scheduler: Scheduler) -> None:
    cards = [C("a", "optim"), C("b", "optim"), C("c", "losses"), C("d", "losses")]
    memory = {"a": learned(scheduler, START, 2), "b": learned(scheduler, START, 4)}
    memory["c"] = learned(scheduler, START + timedelta(days=1), 3)
    moment = START + timedelta(days=30)
    ra, rb, rc = (scheduler.get_card_retrievability(memory[k], moment) for k in "abc")
    found = readiness(cards, memory, moment, scheduler)
    assert found.overall == pytest.approx((ra + rb + rc + 0.0) / 4)
    assert found.by_topic == {
        "losses": pytest.approx((rc + 0.0) / 2),
        "optim": pytest.approx((ra + rb) / 2),
    }
    assert (found.cards, found.seen) == (4, 3)


def test_readiness_falls_as_the_interview_moves_away(scheduler: Scheduler) -> None:
    cards = [C("a")]
    memory = {"a": learned(scheduler, START, 3)}
    near = readiness(cards, memory, START + timedelta(days=10), scheduler).overall
    far = readiness(cards, memory, START + timedelta(days=60), scheduler).overall
    assert far < near


def test_interview_start_is_local_midnight() -> None:
    from zoneinfo import ZoneInfo

    tz = ZoneInfo("Europe/Paris")
    plan = a_plan(10)
    assert interview_start(plan, tz) == datetime(2026, 3, 10, 23, 0, tzinfo=UTC)


# -- pace ------------------------------------------------------------------------------


def test_pace_is_the_mean_time_per_card_and_day_new_and_review_apart() -> None:
    day = date(2026, 3, 1)
    answers = [
        # five new concept cards: two answers each on their first day (learning steps)
        *(TimedAnswer(f"n{i}", "concept", day, s, True) for i in range(5) for s in (20, 10)),
        # five reviews, one with a relearning step; a 5000 s "answer" is a break, left out
        *(TimedAnswer(f"r{i}", "concept", day, 12, False) for i in range(5)),
        TimedAnswer("r0", "concept", day, 6, False),
        TimedAnswer("r1", "concept", day, 5000, False),
        # the same card on another day is another review
        TimedAnswer("r0", "concept", day + timedelta(days=3), 12, False),
        # only four drill reviews: not enough, the default stays
        *(TimedAnswer(f"d{i}", "coding", day, 100, False) for i in range(4)),
    ]
    pace = estimate_pace(answers)
    assert pace.new_seconds("concept") == 30
    assert pace.review_seconds("concept") == pytest.approx((18 + 12 * 5) / 6)
    assert pace.review_seconds("coding") == Pace.default().review_seconds("coding")
    assert Pace.default().review_seconds("coding") == DEFAULT_SECONDS["coding"] * 1.1


# -- pacing ----------------------------------------------------------------------------


def simulate(
    cards: list[C],
    plan: InterviewPlan,
    scheduler: Scheduler,
    pace: Pace,
    rating: Rating = Rating.Good,
) -> tuple[dict[str, Card], list[float], dict[str, list[date]]]:
    """Follow plan mode day by day, answering everything with `rating` at 08:00 UTC.

    Returns the memory at the end, each day's expected seconds and the days on which each
    card was studied. Same-day learning steps are answered at once (they cost nothing
    extra here: the pace counts them in a new card's time).
    """
    memory: dict[str, Card] = {}
    loads: list[float] = []
    studied: dict[str, list[date]] = {}
    day = START
    while True:
        today = plan_day(cards, memory, plan, day, tz=UTC, scheduler=scheduler, pace=pace)
        if today is None:
            return memory, loads, studied
        loads.append(today.seconds)
        moment = day
        for card_id in today.queue:
            card = memory.get(card_id, Card(card_id=1, due=moment))
            card, _ = scheduler.review_card(card, rating, review_datetime=moment)
            while card.due < day + timedelta(hours=1):  # learning steps, same sitting
                moment = card.due
                card, _ = scheduler.review_card(card, rating, review_datetime=moment)
            memory[card_id] = card
            studied.setdefault(card_id, []).append(day.date())
            moment += timedelta(seconds=1)
        day += timedelta(days=1)


def deck(count: int) -> list[C]:
    topics = ("optim", "losses", "attention")
    return [
        C(f"c{i:03d}", topics[i % 3], "coding" if i % 25 == 0 else "concept") for i in range(count)
    ]


def test_every_card_is_seen_before_the_day_and_no_day_goes_over_budget(
    scheduler: Scheduler,
) -> None:
    cards = deck(120)
    plan = a_plan(14, minutes=45)
    pace = Pace.per_answer({"concept": 20.0, "coding": 240.0})
    memory, loads, studied = simulate(cards, plan, scheduler, pace)
    assert len(loads) == 14, "one plan per day until the interview day, then None"
    assert set(memory) == {card.id for card in cards}
    assert max(loads) <= 45 * 60
    # new cards stop before the review-only days at the end
    last_new_day = max(days[0] for days in studied.values())
    assert last_new_day < plan.interview - timedelta(days=review_days(plan, UTC))


def test_new_cards_are_spread_over_the_days_not_front_loaded(scheduler: Scheduler) -> None:
    cards = deck(60)
    plan = a_plan(7, minutes=600)
    today = plan_day(cards, {}, plan, START, tz=UTC, scheduler=scheduler)
    assert today is not None
    assert review_days(plan, UTC) == 1
    assert len(today.new) == 10  # 60 cards over the 6 days before the review day
    seen = {card_id: learned(scheduler, START, 2) for card_id in today.new}
    later = START + timedelta(hours=2)
    again = plan_day(cards, seen, plan, later, tz=UTC, scheduler=scheduler, introduced_today=10)
    assert again is not None and len(again.new) == 0, "a second session today adds no more"


def test_a_tight_budget_caps_the_day(scheduler: Scheduler) -> None:
    cards = deck(60)
    plan = a_plan(7, minutes=5)
    today = plan_day(
        cards,
        {},
        plan,
        START,
        tz=UTC,
        scheduler=scheduler,
        pace=Pace({"concept": 30.0}, {"concept": 60.0, "coding": 600.0}),
    )
    assert today is not None
    assert today.seconds <= 5 * 60 and len(today.new) == 5  # 60 s per new concept card


def test_a_card_with_low_recall_on_the_day_is_brought_forward(scheduler: Scheduler) -> None:
    # Studied long ago: fsrs next shows it after the interview, when recall will be ~0.9;
    # the plan asks for 0.97 on the day, so it is reviewed before.
    card = learned(scheduler, START - timedelta(days=40), 4)
    plan = a_plan(10, target=0.97)
    start = interview_start(plan, UTC)
    assert card.due > start and recall_at(card, start, scheduler) < 0.97
    cards = [C("low"), C("fresh")]
    memory: Mapping[str, Card] = {
        "low": card,
        "fresh": learned(scheduler, START - timedelta(hours=30), 1),
    }
    first = plan_day(cards, memory, plan, START, tz=UTC, scheduler=scheduler)
    assert first is not None and "low" not in first.queue, "room later: it waits for the last days"
    last = plan_day(cards, memory, plan, START + timedelta(days=9), tz=UTC, scheduler=scheduler)
    assert last is not None and last.forward == ("low",)
    # the same card with a lower target is left to fsrs (its recall on the day is enough)
    relaxed = a_plan(10, target=0.85)
    assert recall_at(card, start, scheduler) >= 0.85
    day9 = plan_day(
        cards, {"low": card}, relaxed, START + timedelta(days=1), tz=UTC, scheduler=scheduler
    )
    assert day9 is not None and "low" not in day9.forward


def test_when_the_last_days_are_full_a_low_card_comes_today(scheduler: Scheduler) -> None:
    card = learned(scheduler, START - timedelta(days=40), 4)
    plan = a_plan(3, target=0.97, minutes=1)  # 60 s a day: two 30 s reviews fit
    cards = [C(f"low{i}") for i in range(5)]
    memory = {c.id: card for c in cards}
    today = plan_day(
        cards, memory, plan, START, tz=UTC, scheduler=scheduler, pace=Pace({"concept": 30.0}, {})
    )
    assert today is not None and len(today.forward) == 1, "2 fit a day: the last 2 days take 4"


def test_the_plan_ends_on_the_interview_day(scheduler: Scheduler) -> None:
    plan = a_plan(5)
    on_the_day = START + timedelta(days=5)
    assert plan_day([C("a")], {}, plan, on_the_day, tz=UTC, scheduler=scheduler) is None
    assert (
        plan_day([C("a")], {}, plan, on_the_day + timedelta(days=3), tz=UTC, scheduler=scheduler)
        is None
    )


def test_a_due_session_studies_the_plan_queue_in_its_order(store: Store) -> None:
    cards = [C("a", "optim"), C("b", "losses"), C("c", "optim")]
    planned = Session(store, cards, SessionOptions(plan_queue=("c", "b", "a")), now=START)
    assert [card.id for card in planned.planned] == ["c", "b", "a"]
    narrowed = SessionOptions(plan_queue=("c", "b", "a"), filters=Filters(topic="optim"))
    assert [card.id for card in Session(store, cards, narrowed, now=START).planned] == ["c", "a"]
    plain = Session(store, cards, SessionOptions(), now=START)
    assert [card.id for card in plain.planned] == ["a", "b", "c"], "no plan: the usual due queue"


def test_the_forecast_runs_to_the_day_and_following_the_plan_beats_stopping(
    scheduler: Scheduler,
) -> None:
    cards = deck(40)
    memory = {card.id: learned(scheduler, START - timedelta(days=20), 3) for card in cards[:10]}
    before = dict(memory)
    plan = a_plan(10, minutes=30)
    points = forecast(cards, memory, plan, START, tz=UTC, scheduler=scheduler)
    assert memory == before, "the forecast studies a copy"
    assert [p.day for p in points] == [START.date() + timedelta(days=d) for d in range(1, 11)]
    assert points[-1].day == plan.interview
    idle = [p.idle for p in points]
    assert idle == sorted(idle, reverse=True), "without study, readiness only falls"
    assert points[-1].idle == pytest.approx(
        readiness(cards, memory, interview_start(plan, UTC), scheduler).overall
    )
    assert all(p.followed >= p.idle for p in points)
    assert points[-1].followed > 0.9 > points[-1].idle, "every card seen and reviewed in time"
    assert (
        forecast(cards, memory, plan, START + timedelta(days=10), tz=UTC, scheduler=scheduler) == []
    )


def test_in_the_review_days_a_due_review_waits_for_the_last_day_with_room(
    scheduler: Scheduler,
) -> None:
    card = learned(scheduler, START, 3)
    assert card.state == State.Review
    due_day = card.due.date()
    plan = InterviewPlan(
        interview=due_day + timedelta(days=2),
        minutes_per_day=30.0,
        target=0.9,
        created_at=card.due - timedelta(days=12),
    )
    assert review_days(plan, UTC) == 2  # the due day and the day after are review-only
    now = card.due + timedelta(hours=1)
    today = plan_day([C("a")], {"a": card}, plan, now, tz=UTC, scheduler=scheduler)
    assert today is not None and today.queue == (), "room tomorrow: it waits"
    plain = plan_day(
        [C("a")], {"a": card}, plan, now, tz=UTC, scheduler=scheduler, time_reviews=False
    )
    assert plain is not None and plain.reviews == ("a",), "time_reviews=False: fsrs decides"
    tomorrow = plan_day(
        [C("a")], {"a": card}, plan, now + timedelta(days=1), tz=UTC, scheduler=scheduler
    )
    assert tomorrow is not None and tomorrow.forward == ("a",)
    # before the review-only days a due review is done when due
    early = InterviewPlan(due_day + timedelta(days=5), 30.0, 0.9, card.due - timedelta(days=9))
    before = plan_day([C("a")], {"a": card}, early, now, tz=UTC, scheduler=scheduler)
    assert before is not None and before.reviews == ("a",)
