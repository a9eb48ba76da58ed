"""One sitting at a coding drill: the card, its checker, hints shown, attempts, verdict."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from fsrs import Scheduler

from quiz.store import Store
from quiz.study import DrillProgress, count_practice_pass, record_attempt

if TYPE_CHECKING:
    from engine.verdict import Verdict
    from quiz.bank.models import Card
    from quiz.drill_grading import Drill
    from quiz.study.cards import StudyCard


@dataclass
class DrillSitting:
    """One sitting at a drill: the card, hints shown, attempts, the last verdict."""

    card: Card
    drill: Drill
    progress: DrillProgress = field(default_factory=DrillProgress)
    last_verdict: Verdict | None = None
    attempts: int = 0
    session_id: int | None = None
    """The study session the sitting belongs to (attempts are logged against it)."""
    previous_code: str | None = None
    """The code from before the card's last review: a review starts from the starter."""
    gave_up: bool = False
    """The person chose to give up (the session rates it Again); leaving is a skip."""
    graded_at: datetime | None = None
    """When the last attempt was graded (a mock answer counts at that time)."""
    counted_last: bool = True
    """Whether the last verdict was logged as a try (no answer written is not)."""
    not_counted: str | None = None
    """Why the last verdict was no try (`STARTER_NOT_COUNTED`, `NOT_WRITTEN_NOT_COUNTED`),
    as the drill screen says it; None when it was counted."""
    left: bool = False
    """The person left the drill: a grade still running then is not recorded (`leave`)."""
    graded_source: str | None = None
    """The code of the last recorded try: what a mock answers with when its time runs out."""
    not_submitted: bool = False
    """A mock's time ran out on code written since the last try (`time_ran_out`): kept as
    the draft, never graded, and the summary says so."""
    _recording: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @classmethod
    def opened(
        cls,
        store: Store,
        drill: Drill,
        *,
        session_id: int | None = None,
        previous_code: str | None = None,
    ) -> DrillSitting:
        """A new sitting at `drill` with the hints seen since its last pass already shown
        and counted (`Store.hints_seen`): hints seen on an earlier visit, or with `drillbit
        hint`, were read all the same, and a later pass made without them on screen was
        counted as one without hints."""
        progress = DrillProgress(
            hints_used=min(store.hints_seen(drill.card.id), len(drill.card.hints))
        )
        return cls(
            card=drill.card,
            drill=drill,
            progress=progress,
            session_id=session_id,
            previous_code=previous_code,
        )

    @property
    def hints(self) -> tuple[str, ...]:
        """The hints revealed so far, in order."""
        return self.card.hints[: self.progress.hints_used]

    @property
    def hints_left(self) -> int:
        """Hints not yet revealed."""
        return len(self.card.hints) - self.progress.hints_used

    def record(
        self,
        verdict: Verdict,
        store: Store,
        scheduler: Scheduler,
        *,
        now: datetime,
        source: str | None = None,
        cards: Sequence[StudyCard] = (),
        tz: tzinfo,
    ) -> None:
        """Log a graded attempt and update the sitting.

        Outside a session, the sitting's first pass counts for the schedule as it would
        in one (see `count_practice_pass`, which takes the bank's `cards` and `tz` to
        follow an interview plan). The untouched starter code (`source`), or code that still
        stops at the starter's raise in every case, is graded to show what fails but is no
        try of the person's (`not_a_try`): it neither fails the drill in a session nor adds
        to the drill list's tries, as in rustlings and `drillbit watch`.
        """
        with self._recording:
            if not self.left:
                self._record(verdict, store, scheduler, now, source, cards, tz)

    def leave(self) -> None:
        """The person left (escape, give up, time up): a grade that ends from now on is not
        recorded, as code walked away from is no answer; one recorded already stays."""
        with self._recording:  # not between a grade's attempt and its first review
            self.left = True

    def time_ran_out(self, code: str) -> None:
        """A mock's clock ended the sitting with `code` in the editor. As an interviewer
        calls time, "pens down": what was run counts, and code written since is not graded
        after the time (the grade would take seconds past it, on half-written code). It is
        marked not submitted, unless it is what was last run or the untouched starter."""
        from quiz.drill_grading import is_untouched_starter

        self.not_submitted = code != self.graded_source and not is_untouched_starter(
            self.card, code
        )

    def _record(
        self,
        verdict: Verdict,
        store: Store,
        scheduler: Scheduler,
        now: datetime,
        source: str | None,
        cards: Sequence[StudyCard],
        tz: tzinfo,
    ) -> None:
        self.last_verdict = verdict
        self.not_counted = not_a_try(self.card, source, verdict)
        self.counted_last = self.not_counted is None
        if not self.counted_last:
            return
        hints, session_id = self.progress.hints_used, self.session_id
        record_attempt(
            store, self.card.id, verdict, now=now, hints_used=hints, session_id=session_id
        )
        passed_before = self.progress.passed
        self.progress.note(verdict.status.value, loaded=verdict.code_loaded)
        self.attempts += 1
        self.graded_at = now
        self.graded_source = source
        if session_id is None and self.progress.passed and not passed_before:
            count_practice_pass(
                store,
                scheduler,
                self.card.id,
                self.progress,
                now=now,
                cards=cards,
                tz=tz,
            )

    def reveal_hint(self, store: Store, *, now: datetime) -> str | None:
        """The next hint, or None when none is left. It is counted (a pass lowered to Hard)
        and logged in the store: the drill's next pass is one "with hints", in this sitting
        or a later one, in the app or by `drillbit grade` or `watch`."""
        if self.hints_left <= 0:
            return None
        self.progress.reveal_hint()
        number = self.progress.hints_used
        store.record_hint(
            card_id=self.card.id, number=number, seen_at=now, session_id=self.session_id
        )
        return self.card.hints[number - 1]


def not_a_try(card: Card, source: str | None, verdict: Verdict) -> str | None:
    """Why a graded run is no try of the person's (what to say of it), or None for a try:
    the untouched starter, or code whose every case still stopped at the starter's raise
    (NOT WRITTEN YET: an import or a comment added is no answer written, and the drill
    list counted it as a try). The app, `drillbit grade` and `watch` share it."""
    from quiz.drill_grading import (
        NOT_WRITTEN_NOT_COUNTED,
        STARTER_NOT_COUNTED,
        is_untouched_starter,
    )
    from quiz.verdict_text import not_written

    if source is not None and is_untouched_starter(card, source):
        return STARTER_NOT_COUNTED
    return NOT_WRITTEN_NOT_COUNTED if not_written(verdict) else None
