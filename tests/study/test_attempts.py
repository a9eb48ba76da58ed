"""Drill attempts are stored with their full verdict; the engine's Verdict fits the protocol."""

from __future__ import annotations

import json
from datetime import timedelta

from fsrs import Rating

from engine.verdict import CaseResult, CaseStatus, Status, Verdict
from quiz.store import Store
from quiz.study.attempts import DrillProgress, VerdictLike, record_attempt
from tests.study.fakes import NOW


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
