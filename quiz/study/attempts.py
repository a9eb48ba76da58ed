"""Drill attempts (not grading itself, which is quiz.drill_grading): logging verdicts, and turning
one sitting's attempts into a rating."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from fsrs import Rating

from quiz.store import Attempt, Store
from quiz.study.days import as_utc
from quiz.study.ratings import rating_for_drill

NOT_THE_USERS_FAULT = frozenset({"internal"})
"""Statuses that say the grader broke: they never count as a failed attempt."""


class VerdictLike(Protocol):
    """What the store needs from a verdict (engine.verdict.Verdict fits as it is)."""

    @property
    def status(self) -> str: ...

    @property
    def seed(self) -> int: ...

    @property
    def duration_ms(self) -> float: ...

    def model_dump_json(self) -> str: ...


def record_attempt(
    store: Store,
    card_id: str,
    verdict: VerdictLike,
    *,
    now: datetime,
    hints_used: int = 0,
    session_id: int | None = None,
) -> Attempt:
    """Persist one graded submission with its full verdict JSON (committed on return)."""
    return store.record_attempt(
        card_id=card_id,
        status=str(verdict.status),
        verdict_json=verdict.model_dump_json(),
        attempted_at=as_utc(now),
        seed=verdict.seed,
        duration_ms=verdict.duration_ms,
        hints_used=hints_used,
        session_id=session_id,
    )


@dataclass
class DrillProgress:
    """One sitting at a drill: hints revealed, failed attempts, whether it passed."""

    hints_used: int = 0
    failed_attempts: int = 0
    passed: bool = False

    def reveal_hint(self) -> None:
        """Count a revealed hint (it lowers a pass to Hard)."""
        self.hints_used += 1

    def note(self, status: str) -> None:
        """Count a graded attempt by its verdict status."""
        if status == "passed":
            self.passed = True
        elif status not in NOT_THE_USERS_FAULT and not self.passed:
            self.failed_attempts += 1

    def rating(self) -> Rating:
        """The rating this sitting earns (see `rating_for_drill`)."""
        return rating_for_drill(
            passed=self.passed, hints_used=self.hints_used, failed_attempts=self.failed_attempts
        )
