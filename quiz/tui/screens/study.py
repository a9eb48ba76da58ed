"""Study: one card at a time; reveal, tick key points, rate, skip, undo; ends with the summary.

The screen only renders and forwards: every decision (right or wrong, the rating a
drill earns, when a mock interview is over) is the core's (Session, the card models).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal

from fsrs import Rating
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Label, Static

from quiz.bank.models import ChoiceFront, CodingFront, ConceptFront, NumericFront, parse_number
from quiz.bank.numbers import typed_echo
from quiz.cardtext import inline_pieces, section_markdown
from quiz.drill_list import passed_line
from quiz.plural import counted
from quiz.store import ChangedSinceError, StoreError
from quiz.study import (
    ChangedElsewhere,
    SessionOver,
    SetAside,
    aside_phrase,
    rating_name,
    suggested_rating,
)
from quiz.study.plan_phrases import cards_wait
from quiz.study_view import (
    RatingKeys,
    day_end_wait,
    day_over,
    drill_answered,
    forget_typed,
    keep_typed,
    rating_keys,
)
from quiz.tui.breakpoints import set_width_classes
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.study_question import Question, out_of_box_hint, question
from quiz.tui.widgets.answers import ChoicePicker, KeyPointChecklist, NumberAnswer, point_keys
from quiz.tui.widgets.cardmarkdown import CardMarkdown
from quiz.tui.widgets.clock import MockClock
from quiz.tui.widgets.footer import KeysFooter
from quiz.tui.widgets.heading import CardHeading
from quiz.tui.widgets.progress import SessionProgress
from quiz.tui.widgets.study_columns import ANSWER_ROWS, StudyColumns

if TYPE_CHECKING:
    # Types only: the summary's module is imported at the first answer, not before the
    # first card is shown.
    from quiz.bank.models import Card
    from quiz.sitting import DrillSitting
    from quiz.study import Answer, Session, Summary
    from quiz.workspace import StudyRequest, Workspace

Phase = Literal["question", "revealed", "rating", "feedback", "over"]

LAST_CARD = "Nothing left to skip to: this is the last card."
"""What s says on the session's last card (a skip would bring the same card back)."""

SKIPPED = "Skipped: it comes back at the end."
NOTHING_TYPED = "Nothing typed: type your number and press enter · esc then s skips it for now"
"""What enter says on a number card's empty box in a mock (it shows no answer): "' ' is not
a number" did not say the keys that go on without one (a mock has no bury or suspend; the
box takes s as a letter, so escape leaves it first)."""

NOTHING_TYPED_SHOW = "Nothing typed: type your number and press enter · space shows the answer"
"""What enter says on a number card's empty box elsewhere: space shows the answer there,
as it does on a concept card (an Anki user's key), counted as a miss."""

NOT_ANSWERED = "The answer is {expected} (not answered: counted as Again)."
"""The feedback of a number card whose answer was shown (space) instead of typed, under the
mark SHOWN: "✗ Wrong" over an answer nobody gave read as a contradiction."""

SHOWN = "Shown"
"""The feedback's mark for a number card's answer shown (space), where a typed one gets ✓/✗."""

DRILL_SPACE = "A drill is answered in the editor: enter opens it · s skips it for now"
"""The hint space leaves on a coding card (space reveals the other kinds)."""

DAY_OVER_SECONDS = 60.0
"""How long the notice that the study day ended stays (a toast's 5 s pass while one thinks)."""


RATE, NEXT, GOOD = "on to the rating keys", "the next card", "recalled"
SCROLL, END = "the card a screenful", "end the session, see its summary"
SUGGESTED = "the rating the ticked points give"
"""What the study screen's keys do, said in its help beside their one-word names (a
key's tooltip), as Home's and the drill's helps do: it listed "Bury", "Skip", "Rate" and
left a newcomer to guess. Each row fits the help's box at 80 columns."""


class StudyScreen(Screen[None]):
    """One session. Posts AnswerGraded after every committed answer and SessionEnded at the end.

    A concept card goes question -> revealed (digits tick key points) -> rating (1-4 rate,
    each with its next interval; enter takes the suggested rating).
    """

    AUTO_FOCUS = ""
    """No focus chosen by Textual: each card focuses its own answer widget (or the body)
    when it is shown, so the first one does not move the focus (and restyle) twice."""

    BINDINGS = [
        Binding("space", "reveal", "Reveal", tooltip="show the answer"),
        # a number card's empty box leaves space to the screen (NumberAnswer.SCREEN_KEYS)
        Binding("space", "show_number", "Show answer", tooltip="counted as a miss (Again)"),
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

        def __init__(self, summary: Summary, title: str) -> None:
            super().__init__()
            self.summary = summary
            self.title = title
            """What was studied, as the session's own title said ('due · optimizers')."""

    class DrillRequested(Message):
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
        self._drill_open = False
        """A drill was asked for and has not come back: a second enter queued meanwhile
        (a quick double press) opens no second drill over it."""
        self._skipped_shown_until: datetime | None = None
        """Until when the last SKIPPED notice is on screen: a skip meanwhile adds none (a run
        of skips stacked one toast per key over the card)."""
        self.day_over_told = False
        """Plan mode: the end of the list's study day was said (`check_day_end`)."""
        set_width_classes(self)  # the first card is drawn in the layout of its width

    def compose(self) -> ComposeResult:
        # The first card is composed with the screen, its title, hint and progress set, so
        # it is mounted, styled and laid out in the screen's one pass instead of a second
        # round of mounts and updates after it. What the question does not show is not
        # composed: the mock clock of an untimed session, the key points' column and the
        # rating keys (both made when first shown, see `_rubric` and `_ratings`).
        card = self._next_card()
        self._first = None if card is None else self._question(card)
        done, total = self.session.progress
        with Horizontal(id="study-bar"):
            yield Label(self.request.describe(plan=self.session.plan_mode), id="study-title")
            yield SessionProgress(done, max(total, 1), id="study-progress")
            if self.session.time_limit is not None:
                yield MockClock(self.session, id="study-clock")
        yield CardHeading(*(() if card is None else self._heading(card)), id="study-card-title")
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
        self._arm_day_end()
        # a mock's time runs from the first frame with the question on it, not from before
        # the screen was built (seconds under load)
        self.call_after_refresh(self._first_card_drawn)

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

    def _keep_typed(self) -> None:
        """Keep what the unanswered numeric card's box holds, for the same card shown again
        this study day (`quiz.study.typed`)."""
        box, self._answer_box = self._answer_box, None
        if box is not None and self.card is not None:
            keep_typed(self.workspace, self.card.id, box.value)

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
            f"{self.request.describe(plan=True)} · the day ended: last card"
        )
        self.notify(notice, title="Interview plan", timeout=DAY_OVER_SECONDS)

    @property
    def hides_feedback(self) -> bool:
        """A mock interview keeps right/wrong for its summary (unless asked otherwise)."""
        return self.session.mode == "mock" and not self.mock_feedback

    # -- rendering ---------------------------------------------------------------------

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
        return asked

    def _heading(self, card: Card) -> tuple[str, str, str]:
        """The line above the card: kind, title, its topic and the session's count.

        The count says what it counts, cards done and cards still to answer (this one
        included until it is answered for good; `Session.progress`), rather than a place
        out of a total: the total would move under the person (a bury, the plan's minutes
        running out).
        """
        done, total = self.session.progress
        return card.kind, card.title, f"{card.topic} · {done} done · {total - done} left"

    def _show_count(self, card: Card) -> None:
        """The progress bar and `card`'s title line with the session's count as it is now."""
        done, total = self.session.progress
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
        self.set_status(question.status)
        self.refresh_bindings()

    def set_status(self, text: str | Text) -> None:
        """The one-line hint under the card."""
        self.query_one("#study-status", Static).update(text)

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

    # -- actions -----------------------------------------------------------------------

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
            return self.phase in ("question", "revealed") and self.session.mode != "mock"
        if action == "undo":
            return self.session.can_undo and self.phase != "over" and not self.hides_feedback
        return True

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

    def on_input_changed(self, event: NumberAnswer.Changed) -> None:
        """Space's "Show answer" and ? leave the footer while the box holds text (it takes
        them then, `NumberAnswer.check_consume_key`), and come back when it is empty."""
        if isinstance(event.input, NumberAnswer):
            self.refresh_bindings()

    async def action_reveal(self) -> None:
        """Show the answer, and the key-point checklist beside (or under) it."""
        card = self.card
        if card is None or not isinstance(card.front, ConceptFront):
            return
        self.phase = "revealed"
        body = self.query_one("#study-body", VerticalScroll)
        title = Static("Answer", classes="section-title")
        await body.mount(title)
        await body.mount(CardMarkdown(section_markdown(card, "Answer"), id="answer"))
        rubric = await self._rubric()
        rubric.display = True
        checklist = KeyPointChecklist(
            [inline_pieces(p) for p in card.front.key_points], id="checklist"
        )
        rubric.border_title = checklist.heading
        await rubric.mount(checklist)
        self.query_one(StudyColumns).fit_rubric()
        checklist.focus()
        # Once laid out beside (or under) the key points: at 80x24 they and the question
        # left no row of the answer in view. The question is one pgup away.
        self.call_after_refresh(self._answer_in_view, title)
        self._suggest(0, len(card.front.key_points))
        self.refresh_bindings()

    def _answer_in_view(self, title: Widget) -> None:
        """Scroll the body so the answer's title is its top row (its margin out of view:
        one blank row of the few at 80x24), when the title would otherwise start in the
        body's lower half or leave fewer than ANSWER_ROWS rows under it; on a tall screen
        the question stays in view above it.

        At 80x24 five two-line key points leave the body 8 rows: the question's two, two
        blank rows and the title left the answer 3, the rest a pgdn away."""
        body = self.query_one("#study-body", VerticalScroll)
        top, under = title.virtual_region.y, title.virtual_region.bottom  # the answer's first row
        height = body.scrollable_content_region.height
        if top - body.scroll_y <= height // 2 and height - (under - body.scroll_y) >= ANSWER_ROWS:
            return
        body.scroll_to_region(title.virtual_region, top=True, animate=False, immediate=True)

    async def _rubric(self) -> Vertical:
        """The key points' column beside the body (under it when narrow), made at the
        first reveal: the question does not show it. It scrolls (a Vertical with no keys of
        its own: pgup/pgdn stay the body's): capped (`StudyColumns`), the points past its
        height are a scroll away, and the highlighted one is scrolled into view."""
        found = self.query("#study-rubric")
        if found:
            return found.first(Vertical)
        rubric = Vertical(id="study-rubric")
        await self.query_one("#study-main").mount(rubric)
        return rubric

    def _ratings(self) -> Static:
        """The rating keys' line under the hint, made when the keys are first shown."""
        found = self.query("#study-ratings")
        if found:
            return found.first(Static)
        ratings = Static("", id="study-ratings")
        self.mount(ratings, after="#study-status")
        return ratings

    def _checklist(self) -> KeyPointChecklist | None:
        found = self.query(KeyPointChecklist)
        return found.first() if found else None

    def suggestion(self) -> Rating:
        """The rating the ticked key points suggest."""
        checklist = self._checklist()
        if checklist is None:
            return Rating.Good
        return suggested_rating(len(checklist.selected), checklist.option_count)

    def _suggest(self, ticked: int, total: int) -> None:
        suggestion = suggested_rating(ticked, total)
        self.set_status(
            Text.assemble(
                f"{ticked}/{total} ticked ({point_keys(total)}) → ",
                (f"{int(suggestion)} {rating_name(suggestion)}", "bold"),
                " · enter or space: rate · pgup/pgdn scroll",
            )
        )

    def on_key_point_checklist_ticked(self, event: KeyPointChecklist.Ticked) -> None:
        self._suggest(event.ticked, event.total)

    def preview(self) -> str:
        """'1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 8d' for this card now (no side effect)."""
        return self._rating_keys().preview()

    def _rating_keys(self) -> RatingKeys:
        """The rating keys as `quiz.study_view` words them for this card now."""
        if self.card is None:
            return RatingKeys((), None)
        return rating_keys(self.workspace, self.session, self.card.id)

    def _show_rating_bar(self, suggestion: Rating) -> None:
        """The rating keys, styled like the footer's, each with its next interval, on one
        line at 80 columns: the longest, plan mode with a same-day step on three keys, is
        ' 1  Again 10m   2  Hard 10m   3  Good 10m   4  Easy  (the plan picks the day)',
        77 cells of the 78 inside the padding."""
        bar = Text()
        keys = self._rating_keys()
        for key, label in keys.labels:
            bold = "bold" if key == str(int(suggestion)) else ""
            bar.append(f" {key} ", style="reverse bold")
            bar.append(f" {label}  ", style=bold)
        if keys.note is not None:
            bar.append(keys.note, style="italic")
        ratings = self._ratings()
        ratings.update(bar)
        ratings.display = True

    def action_to_rating(self) -> None:
        """Done ticking: show the rating keys with their next intervals."""
        if self.phase != "revealed":
            return
        self.phase = "rating"
        suggestion = self.suggestion()
        self.set_status(
            Text.assemble(
                "Rate with 1-4 (space: Good); enter takes ", (rating_name(suggestion), "bold")
            )
        )
        self._show_rating_bar(suggestion)
        checklist = self._checklist()
        if checklist is not None:
            checklist.locked = True  # a digit typed right after enter rates, never ticks
        self.set_focus(self.query_one("#study-body"))
        self.refresh_bindings()

    def action_back_to_ticking(self) -> None:
        """Back from the rating keys to the checklist."""
        checklist = self._checklist()
        if self.phase != "rating" or checklist is None:
            return
        self.phase = "revealed"
        self.query_one("#study-ratings").display = False
        checklist.locked = False
        self.set_focus(checklist)
        self._suggest(len(checklist.selected), checklist.option_count)
        self.refresh_bindings()

    async def action_rate(self, rating: int) -> None:
        """Self-grade a concept card and move on."""
        if self.phase != "rating":
            return
        answer = self._commit(lambda: self.session.rate(Rating(rating)))
        if answer is not None:
            await self.show_card()

    async def action_rate_suggested(self) -> None:
        """Take the rating the ticked key points suggest."""
        await self.action_rate(int(self.suggestion()))

    def _commit(self, give: Callable[[], Answer]) -> Answer | None:
        """Run an answering call; post AnswerGraded, or end the session if it is over.

        In plan mode, when the answer used up the minutes for some queued cards, say so
        (the count of cards left drops by them); the summary says it again.
        """
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
        dropped = len(self.session.left_for_later) - waiting
        if dropped and self.session.current is not None:
            cards = cards_wait(dropped, more=waiting > 0)
            self.notify(
                f"Today's plan minutes are nearly used: {cards}.",
                title="Interview plan",
            )
        return answer

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
            self.set_status(Text(empty, style="bold red"))
            return
        try:
            value = parse_number(event.text)
        except ValueError as exc:
            self.set_status(Text(f"'{event.text}' is not a number: {exc}", style="bold red"))
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
        """Space on a number card's empty box: show the answer, counted as a miss (Again),
        as a wrong number is; undo takes it back. Typing a number was the only way on."""
        card = self.card
        if card is None or not isinstance(card.front, NumericFront) or self.phase != "question":
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
            await self.show_card()

    async def action_skip(self) -> None:
        """Put this card at the end of the queue, unanswered (nothing is logged)."""
        if self.phase not in ("question", "revealed"):
            return
        if self.session.remaining <= 1:  # it would come back at once: say so, not nothing
            self.notify(LAST_CARD)
            return
        self.session.skip()
        self._notify_skipped()
        await self.show_card()

    def _notify_skipped(self) -> None:
        """Say SKIPPED, unless the notice of an earlier skip is still showing."""
        now = self.workspace.clock()
        if self._skipped_shown_until is not None and now < self._skipped_shown_until:
            return
        self._skipped_shown_until = now + timedelta(seconds=self.app.NOTIFICATION_TIMEOUT)
        self.notify(SKIPPED)

    async def action_set_aside(self, suspend: bool) -> None:
        """Suspend this card (until unsuspended in the browser) or bury it until tomorrow."""
        aside = self.session.set_aside(suspend=suspend)
        if aside is None:
            return
        title = aside.card.title
        stop = "" if title.endswith((".", "?", "!", ":")) else "."  # not "...die?."
        self.notify(f"{aside_phrase(aside.flag)}: {title}{stop}")
        await self.show_card()

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
        if not drill_answered(self.session, sitting):
            if self.session.is_over():
                self.end_session()
                return
            if sitting.attempts == 0:
                self.set_status("Not graded yet: enter reopens the drill · s skips it")
                return
            self.session.skip()
            self.notify("Not passed yet: the drill comes back at the end (ctrl+g gives up).")
            await self.show_card()
            return
        at = sitting.graded_at
        answer = self._commit(
            lambda: self.session.answer_drill(
                passed=sitting.progress.passed,
                hints_used=sitting.progress.hints_used,
                failed_attempts=sitting.progress.failed_attempts,
                now=at,
            )
        )
        if answer is not None:
            if not self.hides_feedback:
                said = passed_line(sitting.progress.hints_used).lower()
                self.notify(
                    f"{sitting.card.title}: {said if answer.correct else 'not passed'} "
                    f"→ {rating_name(answer.rating)}"
                )
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
        if isinstance(undone, SetAside):
            self.notify(f"Undid the {undone.action} of '{undone.card.title}'.")
        else:
            self.post_message(self.AnswerUndone(undone))
            self.notify(f"Undid {rating_name(undone.rating)} on '{undone.card.title}'.")
        await self.show_card()

    def action_scroll_body(self, direction: int) -> None:
        """Page through a long card whatever has focus (the checklist, the answer box)."""
        body = self.query_one("#study-body", VerticalScroll)
        if direction > 0:
            body.scroll_page_down(animate=False)
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

    def end_session(self) -> None:
        """Finish the session (idempotent) and hand the summary to the app."""
        if self.phase == "over":
            return
        self.phase = "over"
        summary = self.session.finish()
        self.post_message(
            self.SessionEnded(summary, self.request.describe(plan=self.session.plan_mode))
        )
