"""Drill attempts are stored with their full verdict; the engine's Verdict fits the protocol."""

from __future__ import annotations

import json
from datetime import UTC, timedelta

import pytest
from fsrs import Card, Rating, Scheduler, State

from engine.verdict import CaseResult, CaseStatus, Status, Verdict
from quiz.store import InterviewPlan, Store
from quiz.study.attempts import (
    DrillProgress,
    VerdictLike,
    count_practice_pass,
    record_attempt,
)
from tests.study.fakes import NOW, FakeCard


def _verdict(status: Status, seed: int) -> Verdict:
    passed = status is Status.PASSED
    case = CaseResult(name="case 1", status=CaseStatus.PASSED if passed else CaseStatus.FAILED)
    return Verdict(
        drill="nn.optim.adam_step", status=status, seed=seed, duration_ms=37.5, cases=[case]
    )


def test_attempts_keep_status_seed_duration_hints_and_the_verdict(store: Store) -> None:
    failed: VerdictLike = _verdict(Status.FAILED, seed=11)
    first = record_attempt(store, "adam-step", failed, now=NOW, hints_used=0)
    second = record_attempt(
        store,
        "adam-step",
        _verdict(Status.PASSED, 12),
        now=NOW + timedelta(minutes=2),
        hints_used=1,
    )
    assert (first.status, first.seed, first.duration_ms, first.passed) == (
        "failed",
        11,
        37.5,
        False,
    )
    assert second.passed and second.hints_used == 1
    restored = Verdict.model_validate_json(store.attempts(card_id="adam-step")[0].verdict_json)
    assert restored == failed
    assert [a.id for a in store.attempts()] == [first.id, second.id]
    assert store.attempts(since=NOW + timedelta(minutes=1)) == [second]
    assert json.loads(second.verdict_json)["status"] == "passed"


def test_a_sitting_with_a_failure_then_a_pass_rates_hard(store: Store) -> None:
    progress = DrillProgress()
    for status, seed in [(Status.FAILED, 1), (Status.PASSED, 2)]:
        attempt = record_attempt(store, "adam-step", _verdict(status, seed), now=NOW)
        progress.note(attempt.status)
    assert progress.rating() is Rating.Hard


@pytest.mark.parametrize(
    ("days", "state"),
    [(3, State.Review), (30, State.Learning), (None, State.Learning)],
    ids=["plan-short-of-days", "plan-with-room", "no-plan"],
)
def test_a_drill_passed_outside_a_session_takes_the_steps_a_due_session_would(
    store: Store, scheduler: Scheduler, days: int | None, state: State
) -> None:
    """Three 10-minute days for 60 new cards leave no room for fsrs's same-day steps, so a
    due session schedules its answers without them; a drill passed in `watch` or the drill
    list went to the 10-minute step all the same, and stayed "due by fsrs" for the days
    the plan left it. With room for the steps, or without a plan, the pass takes them."""
    cards = [FakeCard(f"c{i:03d}", "coding" if i % 25 == 0 else "concept") for i in range(60)]
    if days is not None:
        plan = InterviewPlan(NOW.date() + timedelta(days=days), 10.0, 0.9, NOW)
        store.set_interview_plan(plan)
    progress = DrillProgress()
    progress.note("passed")
    review = count_practice_pass(store, scheduler, "c000", progress, now=NOW, cards=cards, tz=UTC)
    assert review is not None and review.rating == Rating.Good
    saved = store.card_state("c000")
    assert saved is not None
    assert Card.from_json(saved.fsrs_card).state == state
    assert (saved.due >= NOW + timedelta(days=1)) == (state == State.Review)
