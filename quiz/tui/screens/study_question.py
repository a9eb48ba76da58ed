"""A study card's question phase as widgets: the question's text and the card's answer
widget (a choice picker in the shown order, a number box holding what was kept from
before), the one to focus and the hint under the card.

Its own module, one job: `StudyScreen` built these among its reveal, rating, feedback,
drill and undo flows; it now mounts what this returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from quiz.bank.models import ChoiceFront, CodingFront, NumericFront
from quiz.cardtext import inline_pieces, section_markdown
from quiz.study_view import choice_order, kept_typed, number_examples
from quiz.tui.widgets.answers import ChoicePicker, NumberAnswer
from quiz.tui.widgets.cardmarkdown import CardMarkdown

if TYPE_CHECKING:
    from textual.widget import Widget

    from quiz.bank.models import Card
    from quiz.study import Session
    from quiz.workspace import Workspace

__all__ = ["Question", "out_of_box_hint", "question"]

DRILL_HINT = "enter opens the drill editor · s skips it for now"
CONCEPT_HINT = "Answer in your head (or out loud), then press space to reveal"


@dataclass(frozen=True)
class Question:
    """A card's question phase: its widgets (for the body), the one to focus (None: the
    body), the hint under the card; a choice card's option index at each position, a
    number card's answer box."""

    widgets: list[Widget]
    focus: Widget | None
    status: str
    order: list[int] | None = None
    box: NumberAnswer | None = None


def out_of_box_hint(session: Session) -> str:
    """The hint once escape has left a number card's box: the card's keys work now (the
    box takes every letter while it has the focus), and typing goes back into it."""
    if session.mode == "mock":  # no bury or suspend; the end asks first
        return "s skips · esc asks to end the mock · enter or a digit types again"
    return "s skips · b buries · x suspends · esc ends · enter or a digit types again"


def _box_keys(session: Session) -> str:
    """The card's keys a number card's hint says escape gives: undo only when there is an
    answer to take back (the first card offered it, and u then did nothing)."""
    if session.mode == "mock":
        return "skip or end"
    return "skip, bury, undo, end" if session.can_undo else "skip, bury, end"


def question(card: Card, workspace: Workspace, session: Session, *, shuffle: bool) -> Question:
    """The widgets of `card`'s question phase, the one to focus and the hint under them."""
    title = "Task" if isinstance(card.front, CodingFront) else "Question"
    widgets: list[Widget] = [CardMarkdown(section_markdown(card, title), id="question")]
    front = card.front
    if isinstance(front, ChoiceFront):
        order = choice_order(workspace, len(front.choices), shuffle=shuffle)
        picker = ChoicePicker(
            [inline_pieces(front.choices[i]) for i in order],
            multiple=len(front.correct) > 1,
            id="picker",
        )
        return Question([*widgets, picker], picker, "", order=order)
    if isinstance(front, NumericFront):
        typed = kept_typed(workspace, card.id)
        box = NumberAnswer(
            unit=front.unit, examples=number_examples(front), value=typed, id="number"
        )
        # the box takes every letter (sqrt, ln): escape leaves it for the card's keys
        keys = _box_keys(session)
        return Question(
            [*widgets, box],
            box,
            f"{'Kept from before: finish it' if typed else 'Type your answer'}"
            f" and press enter · esc for {keys}",
            box=box,
        )
    if isinstance(front, CodingFront):
        return Question(widgets, None, DRILL_HINT)
    return Question(widgets, None, CONCEPT_HINT)
