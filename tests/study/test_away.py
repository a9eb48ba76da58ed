"""What Home says to someone back after days away (`quiz.study.away`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, timedelta

from fsrs import Rating, Scheduler

from quiz.store import InterviewPlan, Store
from quiz.study.aside import set_card_aside
from quiz.study.away import away_since
from quiz.study.options import SessionOptions
from quiz.study.session import Session
from tests.study.fakes import NOW, deck

DAY = timedelta(days=1)


def _studied(store: Store, scheduler: Scheduler) -> set[str]:
    """Every card of the deck answered Easy at NOW (each due days later); their ids."""
    session = Session(store, deck(), SessionOptions(), now=NOW, scheduler=scheduler)
    while session.current is not None:
        session.show(now=NOW)
        session.rate(Rating.Easy, now=NOW)
    return {card.id for card in deck()}


def test_five_days_away_says_the_days_and_the_cards_due_meanwhile(
    store: Store, scheduler: Scheduler
) -> None:
    ids = _studied(store, scheduler)
    later = NOW + 60 * DAY
    set_card_aside(store, deck()[0].id, suspend=True, now=NOW, tz=UTC)
    away = away_since(store, ids - {deck()[1].id}, later, tz=UTC)
    assert away is not None
    assert (away.days, away.came_due) == (60, len(ids) - 2), "suspended, not in the bank: out"
    assert away.phrase() == "Last studied 60 days ago: 6 cards came due since."


def test_quiet_after_studying_yesterday_or_never(store: Store, scheduler: Scheduler) -> None:
    assert away_since(store, set(), NOW, tz=UTC) is None, "a first start: nothing to come back to"
    ids = _studied(store, scheduler)
    assert away_since(store, ids, NOW + DAY, tz=UTC) is None
    assert away_since(store, ids, NOW + 2 * DAY, tz=UTC) is not None


def test_under_a_plan_it_says_the_study_days_lost_and_left(
    store: Store, scheduler: Scheduler
) -> None:
    ids = _studied(store, scheduler)
    later = NOW + 5 * DAY
    plan = InterviewPlan((later + 9 * DAY).date(), 30.0, 0.9, NOW)
    away = away_since(store, ids, later, tz=UTC, plan=plan)
    assert away is not None
    assert away.phrase() == (
        "Last studied 5 days ago: no card came due since. The interview plan lost 4 study"
        " days: the 9 study days left carry their cards."
    )
    since_yesterday = replace(plan, created_at=later - DAY)
    away = away_since(store, ids, later, tz=UTC, plan=since_yesterday)
    assert away is not None and away.plan_days_lost == 0, "set yesterday: it lost no day"
    assert away.phrase() == "Last studied 5 days ago: no card came due since."


def test_on_the_interview_day_the_plan_has_no_days_left_to_speak_of(
    store: Store, scheduler: Scheduler
) -> None:
    """The plan ends on its interview day: back that morning after days away, the sentence
    stays the plain one, not "the 0 study days left carry their cards"."""
    ids = _studied(store, scheduler)
    later = NOW + 5 * DAY
    plan = InterviewPlan(later.date(), 30.0, 0.9, NOW)
    away = away_since(store, ids, later, tz=UTC, plan=plan)
    assert away is not None and away.plan_days_left is None
    assert away.phrase() == "Last studied 5 days ago: no card came due since."
