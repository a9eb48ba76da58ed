"""The study screen's common part: the session's state, a card's question shown, an answer
committed, its feedback, and the session's end; each step of a card builds on it
(`study_rating`, `study_typed`, `study_drill`, `study_moves`; `study.py` binds their keys).

Its messages keep the handler names of `StudyScreen`'s (`on_study_screen_session_ended`):
the app and the tests know them by the screen's name, wherever they are defined.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Literal

from fsrs import Rating
from rich.text import Text
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from quiz.cardtext import section_markdown
from quiz.study import ChangedElsewhere, SessionOver
from quiz.study.plan_phrases import cards_wait
from quiz.study_view import (
    again_not_today,
    answer_notice,
    is_suspended,
    keep_typed,
    session_count,
    session_place,
)
from quiz.tui.breakpoints import set_width_classes
from quiz.tui.screens.study_question import Question, question
from quiz.tui.widgets.cardmarkdown import CardMarkdown
from quiz.tui.widgets.heading import CardHeading
from quiz.tui.widgets.progress import SessionProgress

if TYPE_CHECKING:
    # Types only: the summary's module is imported at the first answer, not before the
    # first card is shown.
    from quiz.bank.models import Card
    from quiz.sitting import DrillSitting
    from quiz.study import Answer, Session, Summary
    from quiz.tui.widgets.answers import NumberAnswer
    from quiz.workspace import StudyRequest, Workspace

__all__ = ["Phase", "StudyBase"]

Phase = Literal["question", "revealed", "rating", "feedback", "over"]


class StudyBase(Screen[None]):
    """One session's state and what every step shares: show a card, commit an answer,
    show its feedback, end the session (posting SessionEnded)."""

    class AnswerGraded(Message, namespace="study_screen"):
        """An answer was committed to the store."""

        def __init__(self, answer: Answer) -> None:
            super().__init__()
            self.answer = answer

    class AnswerUndone(Message, namespace="study_screen"):
        """The last answer was taken back."""

        def __init__(self, answer: Answer) -> None:
            super().__init__()
            self.answer = answer

    class SessionEnded(Message, namespace="study_screen"):
        """The session is over; the app shows the summary."""

        def __init__(self, summary: Summary, title: str) -> None:
            super().__init__()
            self.summary = summary
            self.title = title
            """What was studied, as the session's own title said ('due · optimizers')."""

    class DrillRequested(Message, namespace="study_screen"):
        """Open the drill editor on the current coding card; the app pushes the screen."""

        def __init__(
            self,
            sitting: DrillSitting,
            session: Session,
            done: Callable[[DrillSitting | None], Awaitable[None]],
        ) -> None:
            super().__init__()
            self.sitting = sitting
            self.session = session
            self.done = done

    def __init__(
        self,
        workspace: Workspace,
        session: Session,
        request: StudyRequest,
        *,
        shuffle_choices: bool = True,
        mock_feedback: bool = False,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.session = session
        self.request = request
        self.shuffle_choices = shuffle_choices
        self.mock_feedback = mock_feedback
        """Show right/wrong after each mock question (practice) instead of only in the summary."""
        self.phase: Phase = "question"
        self.card: Card | None = None
        self.card_suspended = False
        """The card shown was suspended before it was (opened by hand from the card
        browser): x has nothing to suspend (`check_action`)."""
        self.order: list[int] = []
        """Choice cards: the card's option index shown at each position."""
        self._first: Question | None = None
        """The first card's question, composed with the screen and presented at its mount."""
        self._answer_box: NumberAnswer | None = None
        """The shown numeric card's answer box while unanswered: what it holds is kept when
        the card is left (`_keep_typed`), read from the widget itself, gone from the DOM
        once the screen unmounts."""
        self._question_hint = ""
        """The shown card's hint under its question, said again when the box is back in focus."""
        self._show_told = False
        """A number card's empty box was met with space or enter, and the hint said that
        space (again) shows the answer as Again: only then does space show it."""
        self._refused = False
        """The hint under the card is a refusal of the box's text, or says nothing is typed
        in it: typing there again brings the question's hint back (`on_input_changed`)."""
        self._drill_open = False
        """A drill was asked for and has not come back: a second enter queued meanwhile
        (a quick double press) opens no second drill over it."""
        self.day_over_told = False
        """Plan mode: the end of the list's study day was said (`check_day_end`)."""
        self.again_note = again_not_today(workspace, session)
        """Plan mode without same-day steps: said when an answer is Again (`_commit`)."""
        set_width_classes(self)  # the first card is drawn in the layout of its width

    @property
    def hides_feedback(self) -> bool:
        """A mock interview keeps right/wrong for its summary (unless asked otherwise)."""
        return self.session.mode == "mock" and not self.mock_feedback

    async def show_card(self) -> None:
        """Render the session's current card in its question phase (or end the session)."""
        self._keep_typed()  # the card left unanswered (skipped, set aside) keeps its text
        card = self._next_card()
        if card is None:
            self.end_session()
            return
        question = self._question(card)
        for ratings in self.query("#study-ratings"):
            ratings.display = False
        for rubric in self.query("#study-rubric"):
            await rubric.remove_children()
            rubric.display = False
        body = self.query_one("#study-body", VerticalScroll)
        await body.remove_children()
        await body.mount_all(question.widgets)
        self._present(card, question)

    def _leave_card(self) -> None:
        """The card is being left (answered, skipped, set aside, undone past, or its feedback
        done): the notices raised on it go with it. "Pick an option with its number first."
        stayed into a mock's next question until its timeout. Called before the move says
        its own (Skipped, a drill's line), which is about the move and stays."""
        self.app.clear_notifications()

    def _next_card(self) -> Card | None:
        """The session's current card, now shown to the person; None when the session is over
        (or its card vanished from the bank)."""
        # first: the last card's time ends now, and a card that no longer fits in today's
        # plan minutes leaves the queue before it is shown
        self.session.show()
        self._tell_elsewhere()
        if self.session.is_over():
            return None
        card = self.workspace.session_card(self.session)
        if card is None:
            return None
        self.card = card
        self.card_suspended = is_suspended(self.workspace, card.id)
        self.phase = "question"
        return card

    def _tell_elsewhere(self) -> None:
        """Say which queued cards another drillbit answered, suspended or buried meanwhile:
        the session left them out, and a count that dropped unexplained read as cards lost."""
        if not self.is_mounted:
            return  # the first card, composed with the screen: said at the next one
        for news in self.session.elsewhere_news():
            self.notify(news, title="Another drillbit")

    def _question(self, card: Card) -> Question:
        """The widgets of a card's question phase (`study_question`); keeps a choice card's
        shown order and a number card's box, whose text is kept if the card is left."""
        asked = question(card, self.workspace, self.session, shuffle=self.shuffle_choices)
        if asked.order is not None:
            self.order = asked.order
        self._answer_box = asked.box
        self._question_hint = asked.status
        self._show_told = self._refused = False
        return asked

    def _heading(self, card: Card) -> tuple[str, str, str]:
        """The line above the card: kind, title, its topic and the session's count."""
        return card.kind, card.title, session_place(self.session, card.topic)

    def _show_count(self, card: Card) -> None:
        """The progress bar and `card`'s title line with the session's count as it is now."""
        done, total = session_count(self.session).bar
        self.query_one(SessionProgress).update(done, max(total, 1))
        self.query_one("#study-card-title", CardHeading).show(*self._heading(card))

    def _focus(self, question: Question) -> None:
        """Focus the card's answer widget (or the body) now, before the keys are drawn."""
        self.set_focus(question.focus or self.query_one("#study-body", VerticalScroll))

    def _present(self, card: Card, question: Question) -> None:
        """The card's title line, the progress, the focus and the hint, once its widgets are in."""
        self._show_count(card)
        self._focus(question)
        self.query_one("#study-body", VerticalScroll).scroll_home(animate=False)
        self.query_one("#study-question-pin").display = False  # the question is in view
        self.set_status(question.status)
        self.refresh_bindings()

    def set_status(self, text: str | Text) -> None:
        """The one-line hint under the card."""
        self.query_one("#study-status", Static).update(text)

    def _keep_typed(self) -> None:
        """Keep what the unanswered numeric card's box holds, for the same card shown again
        this study day (`quiz.study.typed`)."""
        box, self._answer_box = self._answer_box, None
        if box is not None and self.card is not None:
            keep_typed(self.workspace, self.card.id, box.value)

    def _commit(
        self, give: Callable[[], Answer], said: Callable[[Answer], str | None] | None = None
    ) -> Answer | None:
        """Run an answering call; post AnswerGraded, or end the session if it is over.

        `said` is what the screen says of the answer (a drill's "…: not passed → Again"):
        one notice with the plan's Again line when both are said (`answer_notice`).

        In plan mode, when the answer used up the minutes for some queued cards, say so
        (the count of cards left drops by them); the summary says it again.
        """
        self._leave_card()
        waiting = len(self.session.left_for_later)
        try:
            answer = give()
        except ChangedElsewhere:
            self._tell_elsewhere()  # nothing logged: on to the next card
            self.call_later(self.show_card)
            return None
        except SessionOver:
            self.end_session()
            return None
        self.post_message(self.AnswerGraded(answer))
        if answer.leech_lapses is not None:
            from quiz.study.leech import leech_notice

            self.notify(
                leech_notice(answer.card.title, answer.leech_lapses),
                title="Leech",
                severity="warning",
            )
        if self.card is not None and not self.hides_feedback:
            # the feedback shown next says at once whether the card is done or comes back
            self._show_count(self.card)
        again = answer.rating == Rating.Again and not answer.requeued
        notice = answer_notice(said and said(answer), self.again_note if again else None)
        if notice is not None:
            message, title = notice
            self.notify(message, title=title or "")
        dropped = len(self.session.left_for_later) - waiting
        if dropped and self.session.current is not None:
            cards = cards_wait(dropped, more=waiting > 0)
            self.notify(
                f"Today's plan minutes are nearly used: {cards}.",
                title="Interview plan",
            )
        return answer

    async def _feedback(
        self, card: Card, correct: bool, detail: str, *, mark: str | None = None
    ) -> None:
        """Show right/wrong (or `mark`) and the explanation; space or enter moves on."""
        self.phase = "feedback"
        body = self.query_one("#study-body", VerticalScroll)
        if mark is not None:
            verdict = Text(mark, style="bold yellow")
        else:
            verdict = Text(
                "✓ Right" if correct else "✗ Wrong", style="bold green" if correct else "bold red"
            )
        if detail:
            verdict.append(f"  {detail}", style="")
        feedback = Static(verdict, id="feedback")
        await body.mount(feedback)
        explanation = section_markdown(card, "Explanation")
        if explanation:
            await body.mount(CardMarkdown(explanation, id="explanation"))
        body.focus()
        self.call_after_refresh(feedback.scroll_visible, animate=False)
        self.set_status("space or enter: next card · u: undo")
        self.refresh_bindings()

    async def action_next(self) -> None:
        """Leave the feedback and show the next card."""
        if self.phase == "feedback":
            self._leave_card()
            await self.show_card()

    def end_session(self) -> None:
        """Finish the session (idempotent) and hand the summary to the app."""
        if self.phase == "over":
            return
        self.phase = "over"
        summary = self.session.finish()
        self.post_message(
            self.SessionEnded(summary, self.request.describe(plan=self.session.plan_mode))
        )
