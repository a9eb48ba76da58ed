"""Drill attempts (not grading itself, which is quiz.drill_grading): logging verdicts, and turning
one sitting's attempts into a rating."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Protocol

from fsrs import Rating, Scheduler

from quiz.store import Attempt, Review, Store
from quiz.study.days import as_utc
from quiz.study.ratings import rating_for_drill
from quiz.study.scheduling import review_card, without_steps

if TYPE_CHECKING:
    from quiz.study.cards import StudyCard

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

    def note(self, status: str, *, loaded: bool = True) -> None:
        """Count a graded attempt by its verdict status.

        Code that did not load (`loaded` False: a SyntaxError, an import error; no case
        ran) is no attempt at the drill, as a compile error is none in rustlings or
        Exercism: it does not lower the pass that follows to Hard. It is still logged
        (`record_attempt`) with its verdict, like every grading.
        """
        if status == "passed":
            self.passed = True
        elif status not in NOT_THE_USERS_FAULT and loaded and not self.passed:
            self.failed_attempts += 1

    def rating(self) -> Rating:
        """The rating this sitting earns (see `rating_for_drill`)."""
        return rating_for_drill(
            passed=self.passed, hints_used=self.hints_used, failed_attempts=self.failed_attempts
        )


def count_practice_pass(
    store: Store,
    scheduler: Scheduler,
    card_id: str,
    progress: DrillProgress,
    *,
    now: datetime,
    cards: Sequence[StudyCard] = (),
    tz: tzinfo,
) -> Review | None:
    """A drill passed outside a session (the drill screen, watch) counts like one in a session.

    A new or due card is reviewed with the sitting's rating. A card scheduled for later
    gets no review (None): its attempts are logged and that is all, as re-running a done
    exercise in rustlings changes nothing. A review logged there (as cram, each time the
    drill was opened from the drill list and passed again) left the schedule alone but
    counted in the stats as a correct answer (a practice run always ends in a pass, so
    accuracy only rose) and kept a streak going on a day with no review.

    `cards` (the bank's, which an interview plan paces) and `tz`: on a plan's day that
    takes no same-day steps, the pass is scheduled without them, as a due session's
    answer is; with them it went to fsrs's 10-minute step and stayed "due by fsrs" for
    the days the plan left it.
    """
    moment = as_utc(now)
    saved = store.card_state(card_id)
    if saved is not None and saved.due > moment:
        return None
    if cards:  # the bank an interview plan paces
        scheduler = _plan_scheduler(store, scheduler, cards, moment, tz)
    return review_card(
        store, scheduler, card_id, progress.rating(), now=moment, correct=True, mode="due"
    )


def _plan_scheduler(
    store: Store,
    scheduler: Scheduler,
    cards: Sequence[StudyCard],
    now: datetime,
    tz: tzinfo,
) -> Scheduler:
    """`scheduler`, without its steps when today's plan takes no same-day steps (the rule
    `session_options` gives a due session)."""
    from quiz.study.plan_today import plan_queue  # the plan's code: only for a pass

    planned = plan_queue(store, cards, now, tz=tz, scheduler=scheduler)
    return scheduler if planned is None or planned.same_day_steps else without_steps(scheduler)
