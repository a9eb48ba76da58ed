"""Today's selection kept once the day is decided (`quiz.study.plan_decided`): after every
answer, undo, bury, wait, plan edit or settings change of a random history (fixed seeds)
`today_decision` with the kept selection equals a cold one, `==` on the day, the queue and
the pace; and the kept one is given again only while nothing it was worked out from moved."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating, Scheduler

import quiz.study.plan_today
from quiz.store import Store
from quiz.study.cards import StudyCard
from quiz.study.plan_decided import DayInputs, Decided, forget_decided
from quiz.study.plan_today import today_decision
from tests.study.test_plan import START, a_mixed_deck, plan_session, yesterday_s_plan

CARDS = a_mixed_deck(60)
SEEN = CARDS[:30]
"""The cards `_decided` answers the day before: with only these, a short plan has no new card."""
SCHEDULERS = (
    Scheduler(enable_fuzzing=False),
    Scheduler(enable_fuzzing=False, desired_retention=0.8),
    Scheduler(enable_fuzzing=False, learning_steps=()),
)


@pytest.fixture
def worked_out(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[DayInputs]]:
    """Each time the selection was worked out whole (not given from the kept one)."""
    forget_decided()
    made: list[DayInputs] = []
    real = quiz.study.plan_today._select

    def counting(day: DayInputs) -> Decided:
        made.append(day)
        return real(day)

    monkeypatch.setattr(quiz.study.plan_today, "_select", counting)
    yield made
    forget_decided()


def _both(store: Store, moment: datetime, scheduler: Scheduler) -> tuple[object, object]:
    """(today's decision with whatever is kept, a cold one)."""
    plan = store.interview_plan()
    assert plan is not None
    kept = today_decision(store, CARDS, plan, moment, tz=UTC, scheduler=scheduler)
    forget_decided()
    cold = today_decision(store, CARDS, plan, moment, tz=UTC, scheduler=scheduler)
    return kept, cold


@pytest.mark.parametrize("seed", range(8))
def test_the_kept_selection_is_the_cold_one(
    store: Store, worked_out: list[DayInputs], seed: int
) -> None:
    rng = random.Random(seed)
    store.set_interview_plan(yesterday_s_plan(rng.choice([3, 6, 12]), minutes=rng.choice([8, 20])))
    scheduler = SCHEDULERS[0]
    moment = START
    session = plan_session(store, CARDS, moment, scheduler)
    kept_given = 0
    for step in range(40):
        action = rng.choices(
            ["answer", "wait", "undo", "bury", "minutes", "settings", "again"],
            weights=[10, 2, 2, 1, 1, 1, 3],
        )[0]
        if action == "answer" and session.current is not None:
            session.show(now=moment)
            moment += timedelta(seconds=rng.randint(3, 90))
            rating = rng.choice([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy])
            if session.current.kind == "coding":
                session.answer_drill(
                    passed=rating > Rating.Again, hints_used=0, failed_attempts=0, now=moment
                )
            else:
                session.rate(rating, now=moment, duration_ms=30_000)
        elif action == "wait":
            moment += timedelta(hours=rng.choice([1, 9, 20]))
            session = plan_session(store, CARDS, moment, scheduler)
        elif action == "undo" and (done := store.reviews(since=moment - timedelta(days=1))):
            # the day's first answer undone moves the moment the day is decided at
            store.undo_review(done[rng.choice([0, -1])].id, now=moment)
            session = plan_session(store, CARDS, moment, scheduler)
        elif action == "bury":
            card = rng.choice(CARDS)
            store.bury(card.id, until=moment + timedelta(days=1), now=moment)
        elif action == "minutes":
            plan = store.interview_plan()
            assert plan is not None
            store.set_interview_plan(replace(plan, minutes_per_day=rng.choice([5.0, 8.0, 25.0])))
        elif action == "settings":
            scheduler = rng.choice(SCHEDULERS)
        before = len(worked_out)
        kept, cold = _both(store, moment, scheduler)
        assert kept == cold, f"seed {seed}, step {step}: {action}"
        kept_given += len(worked_out) == before + 1  # only the cold one worked it out
    assert kept_given >= 5, "the scenario gives the kept selection again"


def _decided(store: Store, scheduler: Scheduler, days: int = 6) -> datetime:
    """A plan with yesterday's answers, today decided by its first answer: the moment
    after it."""
    store.set_interview_plan(yesterday_s_plan(days, minutes=20))
    for number, card in enumerate(CARDS[:30]):
        when = START - timedelta(days=1, minutes=number)
        session = plan_session(store, [card], when, scheduler)
        if session.current is not None:
            session.show(now=when)
            session.rate(
                Rating.Again if number % 4 == 0 else Rating.Good, now=when, duration_ms=20_000
            )
    session = plan_session(store, CARDS, START, scheduler)
    assert session.current is not None
    session.show(now=START)
    session.rate(Rating.Good, now=START + timedelta(seconds=30), duration_ms=30_000)
    return START + timedelta(minutes=5)


def _decision(
    store: Store, moment: datetime, scheduler: Scheduler, cards: Sequence[StudyCard] = CARDS
) -> object:
    plan = store.interview_plan()
    assert plan is not None
    return today_decision(store, cards, plan, moment, tz=UTC, scheduler=scheduler)


def test_other_settings_work_it_out_again(store: Store, worked_out: list[DayInputs]) -> None:
    """The last pass's curve is fsrs's with the scheduler's parameters."""
    moment = _decided(store, SCHEDULERS[0], days=2)
    worked_out.clear()
    first = _decision(store, moment, SCHEDULERS[0], SEEN)
    assert _decision(store, moment + timedelta(minutes=1), SCHEDULERS[0], SEEN) == first
    assert len(worked_out) == 1, "nothing moved: the kept selection"
    weights = list(SCHEDULERS[0].parameters)
    weights[8] += 0.9  # recall stability grows faster: every review's recall changes
    weights[11] -= 0.5
    faster = Scheduler(parameters=tuple(weights), enable_fuzzing=False)
    other = _decision(store, moment, faster, SEEN)
    assert len(worked_out) == 2
    forget_decided()
    assert other == _decision(store, moment, faster, SEEN)


def test_a_reloaded_bank_works_it_out_again(store: Store, worked_out: list[DayInputs]) -> None:
    moment = _decided(store, SCHEDULERS[0])
    worked_out.clear()
    first = _decision(store, moment, SCHEDULERS[0])
    reloaded = [replace(card, kind="coding") for card in CARDS]  # equal ids, other objects
    again = _decision(store, moment, SCHEDULERS[0], reloaded)
    assert len(worked_out) == 2
    forget_decided()
    assert again == _decision(store, moment, SCHEDULERS[0], reloaded) != first


def test_a_state_before_the_moment_changed_works_it_out_again(
    store: Store, worked_out: list[DayInputs]
) -> None:
    """A card forgotten after the day was decided: its memory then is gone too (the moment,
    the pace and the cards are the same), so the selection is worked out again."""
    moment = _decided(store, SCHEDULERS[0])
    worked_out.clear()
    first = _decision(store, moment, SCHEDULERS[0])
    for card in CARDS[1:30:4]:
        assert store.forget_card(card.id)
    again = _decision(store, moment, SCHEDULERS[0])
    assert len(worked_out) == 2
    forget_decided()
    assert again == _decision(store, moment, SCHEDULERS[0]) != first


def _weaken(store: Store, card_id: str) -> None:
    """Card `card_id`'s saved state made far weaker, its review log left alone: what a
    progress import of another device's state does (the moment, the pace, the minutes
    spent and the cards stay the same; only the memory differs)."""
    from quiz.store.schedules import fsrs_columns

    card = store.fsrs_cards([card_id])[card_id]
    weak = replace(card, stability=0.05)
    text = weak.to_json()
    state, due, last_review = fsrs_columns(text)
    with store._write() as conn:  # the store's own write: its kept reads know of it
        conn.execute(
            "UPDATE card_state SET fsrs_card = ?, state = ?, due = ?, last_review = ? "
            "WHERE card_id = ?",
            (text, state, due, last_review, card_id),
        )


def test_another_memory_alone_works_it_out_again(store: Store, worked_out: list[DayInputs]) -> None:
    """On the eve (a last pass), weaker states of some cards bring them forward: the kept
    selection is not given for them, and the new one equals a cold decision."""
    moment = _decided(store, SCHEDULERS[0], days=1)
    worked_out.clear()
    first = _decision(store, moment, SCHEDULERS[0], SEEN)
    assert _decision(store, moment, SCHEDULERS[0], SEEN) == first
    assert len(worked_out) == 1
    for card in SEEN[2:30:3]:
        _weaken(store, card.id)
    again = _decision(store, moment, SCHEDULERS[0], SEEN)
    assert len(worked_out) == 2
    forget_decided()
    assert again == _decision(store, moment, SCHEDULERS[0], SEEN) != first
