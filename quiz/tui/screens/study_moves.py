"""The study screen's moves that leave a card unanswered or take an answer back: skip, bury,
suspend and undo, and what each says (a run of skips one notice at a time)."""

from __future__ import annotations

from quiz.store import ChangedSinceError, StoreError
from quiz.study import SetAside, aside_phrase, rating_name
from quiz.tui.screens.study_base import StudyBase

__all__ = ["LAST_CARD", "SKIPPED", "CardMoves"]

LAST_CARD = "Nothing left to skip to: the last card starts again."
"""What s says on the session's last card: skipped, it comes back at once, at its question,
timed from now (as the session's skip times it)."""

SKIPPED = "Skipped: it comes back at the end."


class CardMoves(StudyBase):
    """s skips, b buries, x suspends, u undoes: the card goes to the end, out of the
    session or back, and the screen says so."""

    async def action_skip(self) -> None:
        """Put this card at the end of the queue, unanswered (nothing is logged)."""
        if self.phase not in ("question", "revealed"):
            return
        last = self.session.remaining <= 1  # it comes back at once: say so, not "at the end"
        self._leave_card()
        self.session.skip()  # the time restarts: the time before s is not the answer's
        if last:
            self.notify(LAST_CARD)
        else:
            self._notify_skipped()
        await self.show_card()

    def _notify_skipped(self) -> None:
        """Say SKIPPED. A run of skips shows one notice at a time (six skips stacked six
        toasts over the card): `_leave_card` cleared the last skip's before this one."""
        self.notify(SKIPPED)

    async def action_set_aside(self, suspend: bool) -> None:
        """Suspend this card (until unsuspended in the browser) or bury it until tomorrow."""
        aside = self.session.set_aside(suspend=suspend)
        if aside is None:
            return
        self._leave_card()
        title = aside.card.title
        stop = "" if title.endswith((".", "?", "!", ":")) else "."  # not "...die?."
        self.notify(f"{aside_phrase(aside.flag)}: {title}{stop}")
        await self.show_card()

    async def action_undo(self) -> None:
        """Take back the last answer, bury or suspend; its card comes back.

        The store refuses when the card was answered since elsewhere (another session on
        the same progress): the session is left as it was and the person is told why.
        """
        try:
            undone = self.session.undo()
        except ChangedSinceError:
            card = self.session.undo_card
            title = f"'{card.title}'" if card is not None else "the card"
            self.notify(
                f"Could not undo: {title} was answered since, in another session. "
                "Nothing was changed.",
                severity="warning",
            )
            return
        except StoreError as exc:
            self.notify(f"Could not undo: {exc}", severity="error")
            return
        if undone is None:
            return
        self._leave_card()
        if isinstance(undone, SetAside):
            self.notify(f"Undid the {undone.action} of '{undone.card.title}'.")
        else:
            self.post_message(self.AnswerUndone(undone))
            self.notify(f"Undid {rating_name(undone.rating)} on '{undone.card.title}'.")
        await self.show_card()
