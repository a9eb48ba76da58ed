"""Study: one card at a time; reveal, tick key points, rate, skip, undo; ends with the summary.

The screen only renders and forwards: every decision (right or wrong, the rating a
drill earns, when a mock interview is over) is the core's (Session, the card models).
This module binds the keys, composes the first card and ends the session; each step of a
card is its own module: `study_rating` (reveal, tick, rate), `study_typed` (a choice's
picks, a number's box), `study_drill`, `study_moves` (skip, bury, suspend, undo), on the
common `study_base`.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from quiz.bank.models import CodingFront, ConceptFront
from quiz.plural import counted
from quiz.study_view import (
    SUSPENDED_ALREADY,
    again_help,
    again_not_now,
    day_end_wait,
    day_over,
    day_over_title,
    session_count,
)
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.study_drill import DrillStep
from quiz.tui.screens.study_moves import CardMoves
from quiz.tui.screens.study_rating import RatingStep
from quiz.tui.screens.study_typed import TypedStep
from quiz.tui.widgets.clock import MockClock
from quiz.tui.widgets.footer import KeysFooter
from quiz.tui.widgets.heading import CardHeading
from quiz.tui.widgets.progress import SessionProgress
from quiz.tui.widgets.study_columns import StudyColumns

__all__ = ["StudyScreen"]

DAY_OVER_SECONDS = 60.0
"""How long the notice that the study day ended stays (a toast's 5 s pass while one thinks)."""


RATE, NEXT, GOOD = "on to the rating keys", "the next card", "recalled"
SCROLL, END = "the card a screenful", "end the session, see its summary"
SUGGESTED = "the rating the ticked points give"
"""What the study screen's keys do, said in its help beside their one-word names (a
key's tooltip), as Home's and the drill's helps do: it listed "Bury", "Skip", "Rate" and
left a newcomer to guess. Each row fits the help's box at 80 columns."""


class StudyScreen(RatingStep, TypedStep, DrillStep, CardMoves):
    """One session. Posts AnswerGraded after every committed answer and SessionEnded at the end.

    A concept card goes question -> revealed (digits tick key points) -> rating (1-4 rate,
    each with its next interval; enter takes the suggested rating).
    """

    AUTO_FOCUS = ""
    """No focus chosen by Textual: each card focuses its own answer widget (or the body)
    when it is shown, so the first one does not move the focus (and restyle) twice."""

    BINDINGS = [
        Binding("space", "reveal", "Reveal", tooltip="show the answer"),
        # as in Anki, enter shows it too: enter answers every other kind of card, and on a
        # concept card's question it did nothing at all
        Binding("enter", "reveal", "Reveal", tooltip="show the answer", show=False),
        # a number card's empty box leaves space to the screen (NumberAnswer.SCREEN_KEYS)
        Binding("space", "show_number", "Show answer", tooltip="twice: counted as a miss (Again)"),
        Binding("enter", "to_rating", "Rate", tooltip=RATE),
        # once the answer shows, space goes on as in Anki: to the rating keys, then Good
        Binding("space", "to_rating", "Rate", tooltip=RATE, show=False),
        Binding("space", "next", "Next", tooltip=NEXT),
        Binding("enter", "next", "Next", tooltip=NEXT, show=False),
        Binding("enter", "open_drill", "Open drill", tooltip="write it in the editor"),
        # space reveals the other cards; on a drill it says how one is answered and never
        # opens the editor: a second space pressed to move on would land in it
        Binding("space", "drill_space", "", show=False),
        Binding(
            "1", "rate(1)", "Again", tooltip="forgotten, so it comes back soon", show=False
        ),  # the rating bar shows it
        Binding(
            "2", "rate(2)", "Hard", tooltip="recalled with effort", show=False
        ),  # the rating bar shows it
        Binding("3", "rate(3)", "Good", tooltip=GOOD, show=False),  # the rating bar shows it
        Binding(
            "4", "rate(4)", "Easy", tooltip="recalled at once", show=False
        ),  # the rating bar shows it
        Binding("space", "rate(3)", "Good", tooltip=GOOD, show=False),  # Anki's space on an answer
        Binding("enter", "rate_suggested", "Suggested", tooltip=SUGGESTED, show=False),
        Binding(
            "backspace", "back_to_ticking", "Back to points", tooltip="tick them again", show=False
        ),
        # a number box takes every letter while it has the focus (sqrt(128), ln 2): these
        # work once escape has left it, and enter or a digit goes back (`leave_box`)
        Binding("escape", "leave_box", "Card keys", tooltip="leave the box: skip, bury, end"),
        # undescribed, as the help's enter row has no room left at 80 columns: the hint
        # out of the box says it ("enter or a digit types again")
        Binding("enter", "to_box", "", show=False),
        Binding("s", "skip", "Skip", tooltip="to the end of the queue"),
        Binding("b", "set_aside(False)", "Bury", tooltip="hide the card until tomorrow"),
        Binding("x", "set_aside(True)", "Suspend", tooltip="set the card aside"),
        Binding("u", "undo", "Undo", tooltip="take back the last answer"),
        Binding(
            "pagedown", "scroll_body(1)", "Scroll down", tooltip=SCROLL, show=False, priority=True
        ),
        Binding(
            "pageup", "scroll_body(-1)", "Scroll up", tooltip=SCROLL, show=False, priority=True
        ),
        Binding("escape", "end", "End", tooltip=END),
        Binding("q", "end", "End", tooltip=END, show=False),
    ]

    def compose(self) -> ComposeResult:
        # The first card is composed with the screen, its title, hint and progress set, so
        # it is mounted, styled and laid out in the screen's one pass instead of a second
        # round of mounts and updates after it. What the question does not show is not
        # composed: the mock clock of an untimed session, the key points' column and the
        # rating keys (both made when first shown, see `_rubric` and `_ratings`).
        card = self._next_card()
        self._first = None if card is None else self._question(card)
        done, total = session_count(self.session).bar
        with Horizontal(id="study-bar"):
            yield Label(self.request.describe(plan=self.session.plan_mode), id="study-title")
            yield SessionProgress(done, max(total, 1), id="study-progress")
            if self.session.time_limit is not None:
                yield MockClock(self.session, id="study-clock")
        yield CardHeading(*(() if card is None else self._heading(card)), id="study-card-title")
        yield Static("", id="study-question-pin")  # `RatingStep.pin_question`
        with StudyColumns(id="study-main"):
            with VerticalScroll(id="study-body"):
                if self._first is not None:
                    yield from self._first.widgets
        yield Static("" if self._first is None else self._first.status, id="study-status")
        yield KeysFooter()

    async def on_mount(self) -> None:
        first, self._first = self._first, None
        if first is None:
            self.end_session()
            return
        self._focus(first)
        self.refresh_bindings()
        self.watch(self.query_one("#study-body"), "scroll_y", self.pin_question, init=False)
        self._arm_day_end()
        # a mock's time runs from the first frame with the question on it, not from before
        # the screen was built (seconds under load)
        self.call_after_refresh(self._first_card_drawn)

    def on_resize(self) -> None:
        """The pinned question follows a new width at once: cut to the width it was drawn
        at, it kept that width (cut short, or past the edge) until the body next scrolled.
        After the refresh, once the body is laid out at the new size (its scroll and the
        question's row are what say whether the pin shows)."""
        self.call_after_refresh(self.pin_question)

    def _first_card_drawn(self) -> None:
        self.session.start_clock(self.workspace.now())
        self.tick()

    def on_unmount(self) -> None:
        """The app quit during the session (ctrl+q, the palette's quit, a SIGINT, SIGTERM
        or SIGHUP): keep the half-typed answer and record the session's end, as escape
        does (a session that ended is left as it is). Left open, its last card counted its
        answer time alone in the plan's minutes (`quiz.study.spent`), not the time after it."""
        self._keep_typed()
        self.session.finish()

    def _arm_day_end(self) -> None:
        """Plan mode: check at the end of the study day the list was planned for (a timer
        at most LONGEST_WAIT away: a computer that slept runs no timer on time)."""
        wait = day_end_wait(self.workspace, self.session)
        if wait is not None:
            self.set_timer(wait, self.check_day_end)

    def check_day_end(self) -> None:
        """The timer's call: once the list's study day is over, say so on the card being
        answered (the session ends at the next card; its summary alone said so, after that
        card, to someone who did not know a day had ended), else wait on."""
        if self.day_over_told or self.phase == "over":
            return
        notice = day_over(self.workspace, self.session)
        if notice is None:
            self._arm_day_end()
            return
        self.day_over_told = True
        self.query_one("#study-title", Label).update(
            f"{self.request.describe(plan=True)} · {day_over_title(notice)}"
        )
        self.notify(notice, title="Interview plan", timeout=DAY_OVER_SECONDS)

    def on_mock_clock_time_up(self, event: MockClock.TimeUp) -> None:
        event.stop()
        if self.phase == "over":
            return
        stack = self.app.screen_stack
        above = stack[stack.index(self) + 1 :] if self in stack else []
        if not all(isinstance(screen, ModalScreen) for screen in above):
            return  # under an open drill, the drill's return ends the session instead
        for _screen in above:  # the end's confirmation, help, the palette: the time is up
            self.app.pop_screen()
        self.notify("Time is up.", title="Mock interview")
        self.end_session()

    def tick(self) -> None:
        """Redraw the mock clock now (it also ticks by itself once a second)."""
        for clock in self.query(MockClock):
            clock.tick()

    def on_screen_resume(self) -> None:
        # after the screen stack settles (a drill above may still be closing)
        self.call_after_refresh(self.tick)

    def help_tooltip(self, action: str) -> str | None:
        """The help's words for a key where this session changes them (`help_rows`): Again
        in a plan short of days is not asked again today."""
        return again_help(self.again_note) if action == "rate(1)" else None

    def help_not_now(self, action: str) -> str | None:
        """The help's words for Again while it does nothing (`help_rows`), where this
        session changes them as `help_tooltip` does."""
        if action == "set_aside(True)" and self.card_suspended:
            return SUSPENDED_ALREADY
        return again_not_now(self.again_note) if action == "rate(1)" else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show and allow only the keys that make sense in the current phase."""
        card = self.card
        front = card.front if card is not None else None
        if action == "reveal":
            return self.phase == "question" and isinstance(front, ConceptFront)
        if action == "show_number":
            return self.phase == "question" and self._number_box_empty()
        if action in ("to_rating",):
            return self.phase == "revealed"
        if action in ("rate", "rate_suggested", "back_to_ticking"):
            return self.phase == "rating"
        if action == "next":
            return self.phase == "feedback"
        if action in ("open_drill", "drill_space"):
            return (
                self.phase == "question" and isinstance(front, CodingFront) and not self._drill_open
            )
        if action == "leave_box":
            return self._typing()
        if action == "to_box":
            box = self._answer_box
            return self.phase == "question" and box is not None and not box.has_focus
        if self._typing() and action in ("skip", "set_aside", "undo", "end"):
            return False  # the box takes their letters; escape leaves it (`leave_box`)
        if action == "skip":  # on the last card too: the hint offers it, and it says why not
            return self.phase in ("question", "revealed")
        if action == "set_aside":
            if parameters == (True,) and self.card_suspended:
                return False  # "Suspended" again of a card that was, and the session ended
            return self.phase in ("question", "revealed") and self.session.mode != "mock"
        if action == "undo":
            return self.session.can_undo and self.phase != "over" and not self.hides_feedback
        return True

    def action_scroll_body(self, direction: int) -> None:
        """Page through a long card whatever has focus (the checklist, the answer box).
        A page up to within the pinned question's rows of the top goes to the top: the pin
        hides there and gives its rows back, and pgdn then pgup stopped that short."""
        body = self.query_one("#study-body", VerticalScroll)
        pin = self.query_one("#study-question-pin")
        pinned = pin.outer_size.height if pin.display else 0
        if direction > 0:
            body.scroll_page_down(animate=False)
        elif body.scroll_y <= body.scrollable_content_region.height + max(pinned, 1):
            body.scroll_home(animate=False)
        else:
            body.scroll_page_up(animate=False)

    def action_end(self) -> None:
        """End the session now and show the summary.

        A mock interview asks first: one key must not end a timed interview, whose clock
        cannot be started again. A due or cram session ends at once, as before: every
        answer is already saved, and the next session goes on with what is left.
        """
        if self.phase == "over":
            return
        if self.session.mode != "mock":
            self.end_session()
            return

        def end(yes: bool | None) -> None:
            if yes:
                self.end_session()

        left = self.session.remaining
        questions = counted(left, "question is", "questions are")
        self.app.push_screen(
            ConfirmScreen(
                f"End the mock interview now? {questions} not answered yet "
                "(the summary counts them as unanswered)."
            ),
            end,
        )
