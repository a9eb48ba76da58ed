"""The study screen's coding card: enter asks the app for the drill editor, and the sitting
that comes back answers the card (passed, given up, a mock's last grading) or skips it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from quiz.bank.models import CodingFront
from quiz.drill_list import passed_line
from quiz.study import rating_name
from quiz.study_view import drill_answered, drill_no_try
from quiz.tui.screens.study_base import StudyBase

if TYPE_CHECKING:
    from quiz.sitting import DrillSitting
    from quiz.study import Answer

__all__ = ["DRILL_SPACE", "DrillStep"]

DRILL_SPACE = "A drill is answered in the editor: enter opens it · s skips it for now"
"""The hint space leaves on a coding card (space reveals the other kinds)."""


class DrillStep(StudyBase):
    """A coding card: its drill opened once (a quick double enter opens no second), rated
    by the sitting that comes back."""

    def action_drill_space(self) -> None:
        """Space on a drill, where other cards reveal: say in the hint how a drill is
        answered, in bold (the editor opens on enter only)."""
        self.set_status(Text(DRILL_SPACE, style="bold"))

    def action_open_drill(self) -> None:
        """Ask the app to open the drill editor; the sitting comes back to `_drill_done`."""
        card = self.card
        if card is None or not isinstance(card.front, CodingFront) or self._drill_open:
            return
        self._drill_open = True
        sitting = self.workspace.open_drill(card.id, self.session)
        self.post_message(self.DrillRequested(sitting, self.session, self._drill_done))

    async def _drill_done(self, sitting: DrillSitting | None) -> None:
        """Rate a passed sitting; a give-up is Again; leaving otherwise skips the card.

        In a mock interview a graded drill is answered as it stands, at its last grading.
        """
        self._drill_open = False
        if sitting is None:
            return
        card = self.card
        if sitting.not_submitted and card is not None and card.id == sitting.card.id:
            self.session.not_submitted(card)  # the summary names it, with its draft kept
        if not drill_answered(self.session, sitting):
            if self.session.is_over():
                self.end_session()
                return
            if sitting.attempts == 0:
                self.set_status(drill_no_try(sitting))
                return
            self._leave_card()
            self.session.skip()
            self.notify("Not passed yet: the drill comes back at the end (^g gives up).")
            await self.show_card()
            return
        at = sitting.graded_at

        def said(answer: Answer) -> str | None:
            """The drill's line ("Tiny SGD: not passed → Again"), none in a mock."""
            if self.hides_feedback:
                return None
            passed = passed_line(sitting.progress.hints_used).lower()
            verdict = passed if answer.correct else "not passed"
            return f"{sitting.card.title}: {verdict} → {rating_name(answer.rating)}"

        answer = self._commit(
            lambda: self.session.answer_drill(
                passed=sitting.progress.passed,
                hints_used=sitting.progress.hints_used,
                failed_attempts=sitting.progress.failed_attempts,
                now=at,
            ),
            said,
        )
        if answer is not None:
            await self.show_card()
