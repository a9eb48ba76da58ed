"""The study screen's answered cards: a choice card's picks, and a number card's box, which
takes every letter while it has the focus (escape leaves it for the card's keys), its
answer checked by the card (`NumericFront.check_numeric`) or shown as a miss (space)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.containers import VerticalScroll

from quiz.bank.models import ChoiceFront, NumericFront, parse_number
from quiz.bank.numbers import typed_echo
from quiz.study_view import forget_typed, number_refusal
from quiz.tui.screens.study_base import StudyBase
from quiz.tui.screens.study_question import out_of_box_hint
from quiz.tui.widgets.answers import ChoicePicker, NumberAnswer

if TYPE_CHECKING:
    from quiz.bank.models import Card

__all__ = [
    "NOTHING_TYPED",
    "NOTHING_TYPED_SHOW",
    "NOT_ANSWERED",
    "SHOWN",
    "SPACE_ON_EMPTY",
    "TypedStep",
]

NOTHING_TYPED = "Nothing typed: type your number and press enter · esc then s skips it for now"
"""What enter says on a number card's empty box in a mock (it shows no answer): "' ' is not
a number" did not say the keys that go on without one (a mock has no bury or suspend; the
box takes s as a letter, so escape leaves it first)."""

NOTHING_TYPED_SHOW = "Nothing typed: type your number and press enter · space shows the answer"
"""What enter says on a number card's empty box elsewhere: space shows the answer there,
as it does on a concept card (an Anki user's key), counted as a miss."""

SPACE_ON_EMPTY = "Nothing typed: type a number, or press space again to see the answer (Again)"
"""What the first space on a number card's empty box says: it rated Again at once, and a
space meant as "enter" (or pressed before typing) cost a lapse with no number given."""

NOT_ANSWERED = "The answer is {expected} (not answered: counted as Again)."
"""The feedback of a number card whose answer was shown (space) instead of typed, under the
mark SHOWN: "✗ Wrong" over an answer nobody gave read as a contradiction."""

SHOWN = "Shown"
"""The feedback's mark for a number card's answer shown (space), where a typed one gets ✓/✗."""


class TypedStep(StudyBase):
    """A choice card's picks and a number card's box, submitted with enter; the box's
    escape out to the card's keys and back."""

    def _typing(self) -> bool:
        """A number card's box has the focus, unanswered: it takes every letter."""
        box = self._answer_box
        return self.phase == "question" and box is not None and box.has_focus

    def action_leave_box(self) -> None:
        """Escape in a number box: the focus goes to the card, where s, b, x, u and escape
        are the card's keys again (the box took them as letters: sqrt(128), ln 2)."""
        if not self._typing():
            return
        self.set_focus(self.query_one("#study-body", VerticalScroll))
        self.set_status(Text(out_of_box_hint(self.session), style="bold"))
        self.refresh_bindings()

    def action_to_box(self, typed: str = "") -> None:
        """Back into the number box (enter, or a key the card does not use, typed into it)."""
        box = self._answer_box
        if self.phase != "question" or box is None or box.has_focus:
            return
        self.set_focus(box)
        if typed:
            box.insert_text_at_cursor(typed)
        self.set_status(self._question_hint)
        self.refresh_bindings()

    def on_key(self, event: events.Key) -> None:
        """Out of a number card's box, a key the card does not use (a digit, a minus, the l
        of ln) goes back into it: an escape pressed by mistake loses nothing typed."""
        box = self._answer_box
        character = event.character
        if (
            self.phase != "question"
            or box is None
            or box.has_focus
            or character is None
            or not character.isprintable()
            or event.key in self.active_bindings  # s, b, x, u, q, space, ?: the card's keys
        ):
            return
        event.stop()
        self.action_to_box(character)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The number box has the focus again, whatever gave it (enter, a digit, tab, a
        click): the hint says the in-box words."""
        if event.widget is self._answer_box and self.phase == "question":
            self.set_status(self._question_hint)
            self.refresh_bindings()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """The number box lost the focus, whatever took it (escape, tab, a click): the hint
        says the card's keys, as the footer does; only escape changed it before."""
        if event.widget is self._answer_box and self.phase == "question":
            self.set_status(Text(out_of_box_hint(self.session), style="bold"))
            self.refresh_bindings()

    def on_input_changed(self, event: NumberAnswer.Changed) -> None:
        """Space's "Show answer" and ? leave the footer while the box holds text (it takes
        them then, `NumberAnswer.check_consume_key`), and come back when it is empty."""
        if isinstance(event.input, NumberAnswer):
            self._show_told = False  # a space after typing and erasing asks again
            self.refresh_bindings()
            if self._refused and self.phase == "question" and event.input.has_focus:
                # the refusal spoke of text no longer in the box ("'ss0.' is not part of a
                # number" stayed under a box that now read 0.25, "Nothing typed" under a
                # box that held one): the hint again
                self._refused = False
                self.set_status(self._question_hint)

    async def on_choice_picker_answer_submitted(self, event: ChoicePicker.AnswerSubmitted) -> None:
        event.stop()
        card = self.card
        if card is None or not isinstance(card.front, ChoiceFront) or self.phase != "question":
            return
        front = card.front
        picked = [self.order[position] for position in sorted(event.picked)]
        answer = self._commit(lambda: self.session.answer(front.check_choice(picked)))
        if answer is None:
            return
        if self.hides_feedback:
            await self.show_card()
            return
        shown_correct = frozenset(self.order.index(index) for index in front.correct)
        self.query_one(ChoicePicker).show_result(shown_correct)
        await self._feedback(card, answer.correct, "")

    async def on_number_answer_answer_submitted(self, event: NumberAnswer.AnswerSubmitted) -> None:
        event.stop()
        card = self.card
        if card is None or not isinstance(card.front, NumericFront) or self.phase != "question":
            return
        if not event.text.strip():  # "' ' is not a number" said nothing of the way on
            empty = NOTHING_TYPED if self.hides_feedback else NOTHING_TYPED_SHOW
            self._show_told = not self.hides_feedback  # the hint says space shows it
            self.set_status(Text(empty, style="bold red"))
            self._refused = True  # said of an empty box: typing takes it back
            return
        try:
            value = parse_number(event.text)
        except ValueError as exc:
            refusal = number_refusal(event.text, str(exc), card.front)
            self.set_status(Text(refusal, style="bold red"))
            self._refused = True
            return
        result = card.front.check_numeric(value)
        await self._answer_number(
            card,
            result.correct,
            f"You typed {typed_echo(event.text, value)}; the answer is {result.expected}.",
        )

    def _number_box_empty(self) -> bool:
        """A number card's question is shown with nothing typed in its box, in a session
        that shows answers (a mock keeps them for its summary)."""
        box = self._answer_box
        return box is not None and not box.started and not self.hides_feedback

    async def action_show_number(self) -> None:
        """Space on a number card's empty box: the first says to type a number or press
        space again; then space shows the answer, counted as a miss (Again), as a wrong
        number is; undo takes it back. One space rated Again at once: an empty box rates
        nothing until the hint has said what space will do."""
        card = self.card
        if card is None or not isinstance(card.front, NumericFront) or self.phase != "question":
            return
        if not self._show_told:
            self._show_told = True
            self.set_status(Text(SPACE_ON_EMPTY, style="bold red"))
            self._refused = True  # said of an empty box: typing takes it back
            return
        await self._answer_number(
            card, False, NOT_ANSWERED.format(expected=card.front.expected), mark=SHOWN
        )

    async def _answer_number(
        self, card: Card, correct: bool, detail: str, *, mark: str | None = None
    ) -> None:
        """Commit a number card's answer, forget what was typed, show the feedback."""
        answer = self._commit(lambda: self.session.answer(correct))
        if answer is None:
            return
        self._answer_box = None  # answered: nothing typed is kept for the card
        forget_typed(self.workspace, card.id)
        if self.hides_feedback:
            await self.show_card()
            return
        self.query_one(NumberAnswer).disabled = True
        await self._feedback(card, answer.correct, detail, mark=mark)
