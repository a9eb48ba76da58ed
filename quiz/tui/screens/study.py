"""Study: one card at a time; reveal, answer, rate, undo; ends with the summary.

The screen only renders and forwards: every decision (right or wrong, the rating a
drill earns, when a mock interview is over) is the Workspace's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Label, Markdown, ProgressBar, Static

from quiz.bank.models import ChoiceFront, CodingFront, ConceptFront, NumericFront
from quiz.study import Answer, SessionOver, Summary
from quiz.tui.widgets.answers import ChoicePicker, KeyPointChecklist, NumberAnswer
from quiz.workspace import RATING_NAMES

if TYPE_CHECKING:
    from quiz.bank.models import Card
    from quiz.study import Session
    from quiz.workspace import DrillSitting, StudyRequest, Workspace

Phase = Literal["question", "revealed", "feedback", "over"]


def format_clock(left: timedelta) -> str:
    """mm:ss (or h:mm:ss) of a time span."""
    seconds = max(0, int(left.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class StudyScreen(Screen[None]):
    """One session. Posts AnswerGraded after every committed answer and SessionEnded at the end."""

    BINDINGS = [
        Binding("space", "reveal", "Reveal"),
        Binding("space", "next", "Next"),
        Binding("enter", "next", "Next", show=False),
        Binding("enter", "open_drill", "Open drill"),
        Binding("1", "rate(1)", "Again"),
        Binding("2", "rate(2)", "Hard"),
        Binding("3", "rate(3)", "Good"),
        Binding("4", "rate(4)", "Easy"),
        Binding("u", "undo", "Undo"),
        Binding("pagedown", "scroll_body(1)", "Scroll down", show=False, priority=True),
        Binding("pageup", "scroll_body(-1)", "Scroll up", show=False, priority=True),
        Binding("escape", "end", "End"),
        Binding("q", "end", "End", show=False),
    ]

    class AnswerGraded(Message):
        """An answer was committed to the store."""

        def __init__(self, answer: Answer) -> None:
            super().__init__()
            self.answer = answer

    class AnswerUndone(Message):
        """The last answer was taken back."""

        def __init__(self, answer: Answer) -> None:
            super().__init__()
            self.answer = answer

    class SessionEnded(Message):
        """The session is over; the app shows the summary."""

        def __init__(self, summary: Summary) -> None:
            super().__init__()
            self.summary = summary

    def __init__(self, workspace: Workspace, session: Session, request: StudyRequest) -> None:
        super().__init__()
        self.workspace = workspace
        self.session = session
        self.request = request
        self.phase: Phase = "question"
        self.card: Card | None = None
        self._clock: Timer | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="study-bar"):
            yield Label(self.request.describe(), id="study-title")
            yield ProgressBar(id="study-progress", show_eta=False)
            yield Label("", id="study-clock")
        yield Label("", id="study-card-title")
        yield VerticalScroll(id="study-body")
        yield Static("", id="study-status")
        yield Footer()

    async def on_mount(self) -> None:
        if self.session.time_limit is not None:
            self._clock = self.set_interval(1.0, self.tick)
        self.tick()
        await self.show_card()

    # -- rendering ---------------------------------------------------------------------

    async def show_card(self) -> None:
        """Render the session's current card in its question phase (or end the session)."""
        ws = self.workspace
        if ws.is_over(self.session):
            self.end_session()
            return
        card = ws.session_card(self.session)
        if card is None:  # a card that vanished from the bank: nothing to show
            self.end_session()
            return
        self.card = card
        self.phase = "question"
        ws.show(self.session)
        done, total = self.session.progress
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        title = Text()
        title.append(f" {card.kind} ", style="reverse")
        title.append(f" {card.title}  ", style="bold")
        title.append(f"{card.topic} · {done + 1}/{total}", style="dim")
        self.query_one("#study-card-title", Label).update(title)
        body = self.query_one("#study-body", VerticalScroll)
        await body.remove_children()
        question = "Task" if isinstance(card.front, CodingFront) else "Question"
        await body.mount(Markdown(ws.markdown(card, question), id="question"))
        front = card.front
        status = ""
        if isinstance(front, ChoiceFront):
            picker = ChoicePicker(
                [ws.plain_text(c) for c in front.choices],
                multiple=len(front.correct) > 1,
                id="picker",
            )
            await body.mount(picker)
            picker.focus()
        elif isinstance(front, NumericFront):
            answer = NumberAnswer(unit=front.unit, id="number")
            await body.mount(answer)
            answer.focus()
            status = "Type your answer and press enter · escape ends the session"
        elif isinstance(front, CodingFront):
            body.focus()
            status = "enter opens the drill editor"
        else:
            body.focus()
            status = "Answer in your head (or out loud), then press space to reveal"
        body.scroll_home(animate=False)
        self.set_status(status)
        self.refresh_bindings()

    def set_status(self, text: str | Text) -> None:
        """The one-line hint under the card."""
        self.query_one("#study-status", Static).update(text)

    def tick(self) -> None:
        """Update the mock clock; end the session when its time is up."""
        left = self.workspace.time_left(self.session)
        label = self.query_one("#study-clock", Label)
        if left is None:
            label.display = False
            return
        label.update(f"⏱ {format_clock(left)}")
        label.set_class(left <= timedelta(minutes=1), "-urgent")
        if left <= timedelta(0) and self.phase != "over" and self.app.screen is self:
            # (under an open drill, the drill's return ends the session instead)
            self.notify("Time is up.", title="Mock interview")
            self.end_session()

    def on_screen_resume(self) -> None:
        # after the screen stack settles (a drill above may still be closing)
        self.call_after_refresh(self.tick)

    # -- actions -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show and allow only the keys that make sense in the current phase."""
        card = self.card
        front = card.front if card is not None else None
        if action == "reveal":
            return self.phase == "question" and isinstance(front, ConceptFront)
        if action == "rate":
            return self.phase == "revealed"
        if action == "next":
            return self.phase == "feedback"
        if action == "open_drill":
            return self.phase == "question" and isinstance(front, CodingFront)
        if action == "undo":
            return bool(self.session.answers) and self.phase != "over"
        return True

    async def action_reveal(self) -> None:
        """Show the answer and the key-point checklist."""
        card = self.card
        if card is None or not isinstance(card.front, ConceptFront):
            return
        self.phase = "revealed"
        body = self.query_one("#study-body", VerticalScroll)
        await body.mount(Static("Answer", classes="section-title"))
        await body.mount(Markdown(self.workspace.markdown(card, "Answer"), id="answer"))
        checklist = KeyPointChecklist(
            [self.workspace.plain_text(p) for p in card.front.key_points], id="checklist"
        )
        await body.mount(checklist)
        checklist.focus()
        self._suggest(0, len(card.front.key_points))
        self.refresh_bindings()

    def _suggest(self, ticked: int, total: int) -> None:
        suggestion = self.workspace.suggested_rating(ticked, total)
        self.set_status(
            Text.assemble(
                f"{ticked}/{total} key points ticked (space) → suggests ",
                (f"{suggestion} {RATING_NAMES[suggestion]}", "bold"),
                " · pgup/pgdn scroll",
            )
        )

    def on_key_point_checklist_ticked(self, event: KeyPointChecklist.Ticked) -> None:
        self._suggest(event.ticked, event.total)

    async def action_rate(self, rating: int) -> None:
        """Self-grade a concept card and move on."""
        if self.phase != "revealed":
            return
        answer = self._commit(lambda: self.workspace.rate(self.session, rating))
        if answer is not None:
            await self.show_card()

    def _commit(self, give: Callable[[], Answer]) -> Answer | None:
        """Run an answering call; post AnswerGraded, or end the session if it is over."""
        try:
            answer = give()
        except SessionOver:
            self.end_session()
            return None
        self.post_message(self.AnswerGraded(answer))
        return answer

    async def on_choice_picker_answer_submitted(self, event: ChoicePicker.AnswerSubmitted) -> None:
        event.stop()
        card = self.card
        if card is None or not isinstance(card.front, ChoiceFront) or self.phase != "question":
            return
        picked = sorted(event.picked)
        answer = self._commit(lambda: self.workspace.answer_choice(self.session, card, picked))
        if answer is None:
            return
        picker = self.query_one(ChoicePicker)
        picker.show_result(card.front.correct)
        await self._feedback(card, answer.correct, "")

    async def on_number_answer_answer_submitted(self, event: NumberAnswer.AnswerSubmitted) -> None:
        event.stop()
        card = self.card
        if card is None or not isinstance(card.front, NumericFront) or self.phase != "question":
            return
        try:
            value = self.workspace.parse_number(event.text)
        except ValueError as exc:
            self.set_status(Text(f"{exc}: '{event.text}' is not a number", style="bold red"))
            return
        result = self.workspace.check_numeric(card, value)
        answer = self._commit(lambda: self.workspace.answer(self.session, result.correct))
        if answer is None:
            return
        self.query_one(NumberAnswer).disabled = True
        await self._feedback(
            card, answer.correct, f"You typed {value:g}; the answer is {result.expected}."
        )

    async def _feedback(self, card: Card, correct: bool, detail: str) -> None:
        """Show right/wrong and the explanation; space or enter moves on."""
        self.phase = "feedback"
        body = self.query_one("#study-body", VerticalScroll)
        verdict = Text(
            "✓ Right" if correct else "✗ Wrong", style="bold green" if correct else "bold red"
        )
        if detail:
            verdict.append(f"  {detail}", style="")
        feedback = Static(verdict, id="feedback")
        await body.mount(feedback)
        explanation = self.workspace.markdown(card, "Explanation")
        if explanation:
            await body.mount(Markdown(explanation, id="explanation"))
        body.focus()
        self.call_after_refresh(feedback.scroll_visible, animate=False)
        self.set_status("space or enter: next card · u: undo")
        self.refresh_bindings()

    async def action_next(self) -> None:
        """Leave the feedback and show the next card."""
        if self.phase == "feedback":
            await self.show_card()

    def action_open_drill(self) -> None:
        """Open the drill editor for this coding card; its sitting becomes the answer."""
        card = self.card
        if card is None or not isinstance(card.front, CodingFront):
            return
        from quiz.tui.screens.drill import DrillScreen

        sitting = self.workspace.open_drill(card.id, self.session)
        self.app.push_screen(DrillScreen(self.workspace, sitting, self.session), self._drill_done)

    async def _drill_done(self, sitting: DrillSitting | None) -> None:
        if sitting is None or sitting.attempts == 0:
            self.set_status("Not graded yet: enter reopens the drill · escape ends the session")
            return
        answer = self._commit(lambda: self.workspace.answer_drill(self.session, sitting))
        if answer is not None:
            self.notify(
                f"{sitting.card.title}: {'passed' if answer.correct else 'not passed'} "
                f"→ {RATING_NAMES[int(answer.rating)]}"
            )
            await self.show_card()

    async def action_undo(self) -> None:
        """Take back the last answer; its card comes back."""
        answer = self.workspace.undo(self.session)
        if answer is None:
            return
        self.post_message(self.AnswerUndone(answer))
        self.notify(f"Undid {RATING_NAMES[int(answer.rating)]} on '{answer.card.title}'.")
        await self.show_card()

    def action_scroll_body(self, direction: int) -> None:
        """Page through a long card whatever has focus (the checklist, the answer box)."""
        body = self.query_one("#study-body", VerticalScroll)
        if direction > 0:
            body.scroll_page_down(animate=False)
        else:
            body.scroll_page_up(animate=False)

    def action_end(self) -> None:
        """End the session now and show the summary."""
        self.end_session()

    def end_session(self) -> None:
        """Finish the session (idempotent) and hand the summary to the app."""
        if self.phase == "over":
            return
        self.phase = "over"
        if self._clock is not None:
            self._clock.stop()
        summary = self.workspace.finish(self.session)
        self.post_message(self.SessionEnded(summary))
