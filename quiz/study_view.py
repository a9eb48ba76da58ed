"""What the study screen shows of the rating keys, decided from the workspace: each key's
name with, in a due session, the card's next interval, and the note after them.

Textual-free, so the decision is tested without a screen: `StudyScreen` styled these
and also asked the store and fsrs for the intervals itself (`preview_intervals`), where
only a running app could test what each key says.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from fsrs import Rating

from quiz.study import preview_intervals, shown_interval

if TYPE_CHECKING:
    from quiz.study import Session
    from quiz.workspace import Workspace

__all__ = ["KEEPS_SCHEDULE", "PLAN_PICKS", "RatingKeys", "rating_keys"]

KEEPS_SCHEDULE = "(the schedule stays as it is)"
"""After the keys outside a due session (cram, mock): a rating there moves no due date."""
PLAN_PICKS = "(the plan picks the day)"
"""After the keys in plan mode: the plan, not fsrs's interval, says when a card returns."""


@dataclass(frozen=True)
class RatingKeys:
    """The rating keys for one card now: ('1', 'Again 1m'), ..., and the note after them."""

    labels: tuple[tuple[str, str], ...]
    note: str | None

    def preview(self) -> str:
        """'1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 8d'."""
        return " · ".join(f"{key} {label}" for key, label in self.labels)


def rating_keys(workspace: Workspace, session: Session, card_id: str) -> RatingKeys:
    """Each rating key with its name and, in a due session, the card's next interval as
    fsrs would set it now (plan mode: only a same-day step the plan takes; see
    `shown_interval`). Nothing is saved."""
    if session.mode != "due":
        return RatingKeys(tuple((str(int(r)), r.name) for r in Rating), KEEPS_SCHEDULE)
    spans = preview_intervals(workspace.store, workspace.scheduler, card_id, now=workspace.now())
    labels = []
    for rating, span in spans.items():
        shown = shown_interval(
            span, plan_mode=session.plan_mode, same_day_steps=session.options.same_day_steps
        )
        labels.append(
            (str(int(rating)), rating.name if shown is None else f"{rating.name} {shown}")
        )
    return RatingKeys(tuple(labels), PLAN_PICKS if session.plan_mode else None)
