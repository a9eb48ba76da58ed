"""Drill: the task beside a Python editor; grade in a worker, hints, $EDITOR, reset.

Grading runs in a thread worker (the sandbox takes tens of milliseconds, more on a cold
start) and posts VerdictReady back to the UI thread. Drafts autosave, debounced. A
review starts from the starter; the code from before the review is one key away (ctrl+o).
"""

from __future__ import annotations

import subprocess
import threading
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Markdown, Static, TextArea

from quiz.cardtext import render_text, section_markdown
from quiz.drafts import over_the_limit
from quiz.drill_grading import starter_text
from quiz.drill_list import passed_line
from quiz.drill_source import SOURCE_LIMIT
from quiz.drills_view import (
    ALL_PASSED,
    PREVIOUS_CODE_BACK,
    after_a_pass,
    drill_key_not_now,
    drill_opening,
    next_drill,
    no_hint_left,
    passed_before,
    suspended_note,
)
from quiz.errors import DrillbitError
from quiz.plural import counted
from quiz.sandbox_grader import GradingAbandonedError
from quiz.study_view import MOCK_KEYS, give_up_question
from quiz.tui.breakpoints import set_width_classes
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.modal_notices import dock_notices
from quiz.tui.widgets.clock import MockClock
from quiz.tui.widgets.code_editor import CodeEditor
from quiz.tui.widgets.footer import KeysFooter
from quiz.tui.widgets.heading import CardHeading
from quiz.tui.widgets.typed_keys import after_typed_keys
from quiz.tui.widgets.verdict_view import READ_KEY, VerdictView

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from engine.verdict import Verdict
    from quiz.sitting import DrillSitting
    from quiz.study import Session
    from quiz.workspace import Workspace

AUTOSAVE_SECONDS = 0.8

WARM_UP_THREAD = "drillbit-warm-up"
"""The name of a drill's warm-up thread (a daemon: quitting never waits for its imports)."""

WEB_KEYS = {"hint": "web_hint", "reset": "web_reset"}
RESET_ACTIONS = ("reset", "web_reset")
"""The actions that put the starter back: offered while the editor holds something else."""
HINT_ACTIONS = ("hint", "web_hint", "letter_hint")
"""The actions that reveal a hint: offered while the drill has a hint not yet shown."""

GRADE, HINT = "run it on the drill's cases", "one more (the pass is Hard at best)"
EDITOR, RESET = "your own editor, graded on close", "the starter code again"
"""What the drill's keys do, said in its help beside their one-word names (a key's
tooltip), as Home's help does: the drill's help listed "Grade", "Give up (not now)",
"Switch pane (not now)" and left a newcomer to guess. Each row fits the help's box at
80 columns, "(not now)" included."""
"""Actions whose terminal key a browser keeps for itself -> the action of their browser key."""


class DrillScreen(Screen["DrillSitting"]):
    """One drill sitting; dismisses with the sitting so a session can rate it."""

    AUTO_FOCUS = "#editor"

    BINDINGS = [
        Binding("ctrl+r", "grade", "Grade", tooltip=GRADE, priority=True),
        # A browser keeps ctrl+t and ctrl+n for itself (new tab, new window), and `h` types
        # into the editor: served in a browser, f2 and f3 do the same (see check_action).
        Binding("ctrl+t", "hint", "Hint", tooltip=HINT, priority=True),
        Binding("f2", "web_hint", "Hint", tooltip=HINT, priority=True),
        Binding("h", "letter_hint", "Hint", tooltip=HINT, show=False),
        Binding("ctrl+e", "external_editor", "$EDITOR", tooltip=EDITOR, priority=True),
        Binding("ctrl+n", "reset", "Reset", tooltip=RESET, priority=True),
        Binding("f3", "web_reset", "Reset", tooltip=RESET, priority=True),
        # before ^o: once passed, moving on is what the footer must keep whole at 80 columns
        Binding("ctrl+f", "next_drill", "Next drill", tooltip="one not passed yet", priority=True),
        Binding(
            "ctrl+o",
            "previous_code",
            "Previous code",
            tooltip="your last try's code",
            priority=True,
        ),
        Binding(
            "ctrl+g", "give_up", "Give up", tooltip="rate it Again (asks first)", priority=True
        ),
        Binding(
            "ctrl+a",
            "select_all",
            "Select all",
            tooltip="the whole code",
            show=False,
            priority=True,
        ),
        Binding("tab", "switch_pane", "Switch pane", tooltip="task or editor", show=False),
        Binding(
            READ_KEY,
            "read_verdict",
            "Read verdict",
            tooltip="the whole verdict, and back",
            show=False,
            priority=True,
        ),
        Binding("escape", "leave", "Back", tooltip="save the code and go back", priority=True),
        # passed in a session: escape rates it and the session goes on (not "Back")
        Binding(
            "escape",
            "leave_passed",
            "Next card",
            tooltip="rated: the session goes on",
            priority=True,
        ),
        Binding("f1", "app.help", "Help"),  # ? goes into the editor
        # Outside the editor ? opens the help too; only f1 is in the footer (it was there
        # twice, "f1 Help ? Help", while the task pane had the focus).
        Binding("question_mark", "app.help", "Help", show=False),
    ]
    HELP_ALTERNATIVES: ClassVar[tuple[frozenset[str], ...]] = (frozenset({"Back", "Next card"}),)
    """Escape is "Back", or "Next card" once passed in a session: listed as the one now."""

    def help_tooltip(self, action: str) -> str | None:
        """The help's words for a key a mock changes: esc after a grading answers the drill
        as it stood then (`drill_answered`), which "save the code and go back" said not,
        and a give-up is a miss there, no Again the schedule takes."""
        if self.session is None or self.session.mode != "mock":
            return None
        return MOCK_KEYS.get(action)

    def help_not_now(self, action: str) -> str | None:
        """The help's words for a key that does nothing now: the hint keys once no hint is
        left, the others when they work (`drill_key_not_now`)."""
        if action in HINT_ACTIONS:
            return no_hint_left(len(self.sitting.card.hints))
        passed = self.sitting.progress.passed or bool(self._passed_before)
        return drill_key_not_now(action, in_session=self.session is not None, passed=passed)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
        over_code: bool = False,
    ) -> None:
        """One notice at a time: a new one replaces the one shown. Stacked, five "No hints
        left." covered the editor's lines at 80x24 while the person typed. `over_code`: a
        pass's notice, laid over the editor's first rows when narrow (`_place_notice`)."""
        self.app.clear_notifications()
        self.set_class(over_code, "-over-code")
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
        self.call_after_refresh(self._place_notice)

    def _place_notice(self) -> None:
        """Every notice over the editor's rows, none over the task. A pass's, narrow, is a
        band the editor's width from its top row, over the code that has just passed (half a
        row's width took up to 7 rows and reached the verdict's PASSED row); under the title
        bar at the top right it hid columns 39-79 of the task pane, where a pass puts the
        explanation, for 5 s. Any other notice, and a pass's when wide, ends on the editor's
        last row, over the rows the code leaves empty below it: at the top right the others
        (narrow, a band too) hid the task's first lines and, wide, the ends of the code's."""
        editors = self.query("#editor")
        if not editors:  # taken down before the refresh came (a mock's drill ending): no place
            return
        editor = editors.first().region
        if self.has_class("-over-code") and self.has_class("-narrow"):
            dock, margin = "top", (editor.y, 0, 0, 0)
        else:
            dock, margin = "bottom", (0, 0, max(0, self.size.height - editor.bottom), 0)
        dock_notices(self, dock, margin)

    def _follow_layout(self, _screen: object) -> None:
        """After every layout: the editor moves with a resize and with the focus (narrow,
        the focused pane gets the larger share), and the notice with it."""
        self._place_notice()

    class DrillSubmitted(Message):
        """Code was submitted for grading."""

        def __init__(self, source: str) -> None:
            super().__init__()
            self.source = source

    class VerdictReady(Message):
        """The grader answered."""

        def __init__(self, verdict: Verdict, submission: int = 0) -> None:
            super().__init__()
            self.verdict = verdict
            self.submission = submission
            """Which submission this answers; an older one's late verdict is not shown."""

    class NextDrillRequested(Message):
        """Passed outside a session: open the next drill not passed yet."""

        def __init__(self, card_id: str) -> None:
            super().__init__()
            self.card_id = card_id

    class GradingFailed(Message):
        """The grader itself failed (never the person's fault); shown, not swallowed."""

        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    def __init__(
        self, workspace: Workspace, sitting: DrillSitting, session: Session | None = None
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.sitting = sitting
        self.session = session
        """The study session this drill belongs to, if any (its mock clock is shown)."""
        self.grading = False
        self.time_up = False
        self._autosave: Timer | None = None
        self._unsaved: str | None = None
        opening = drill_opening(workspace, sitting.card)  # the draft, read once
        sitting.previous_code = opening.previous_code
        self._note = opening.note
        self._set_aside = workspace.drafts.set_aside(sitting.card, opening.reading)
        """A draft too large to open: the file it was written to, and its size."""
        self._saved = opening.code
        """The code as the store last had it from this screen: leaving without typing writes
        nothing (`drillbit grade` may have saved a newer draft meanwhile)."""
        self._submission = 0
        self._submitted_at = 0
        """The sitting's tries when the last grade was submitted: it was recorded if more."""
        self._starter = starter_text(sitting.card)
        self._edited = self._saved != self._starter
        """Whether the footer was last drawn for other code than the starter (its reset key)."""
        self._editor: TextArea | None = None
        """The editor, kept to read its text as the screen unmounts (it is gone from the DOM
        by then: children unmount first)."""
        self._left = threading.Event()
        """Set when the screen goes (escape or quit): the warm-up then starts no sandbox worker."""
        self._passed_before, more = passed_before(
            workspace, sitting.card.id, in_session=session is not None
        )
        """What the task pane says of a drill passed before ("" if not passed outside a
        session)."""
        self._more_drills = more or not self._passed_before
        """A drill not passed yet is left for ctrl+f: known now for a drill passed before,
        else decided at a pass (`after_a_pass`)."""
        self._suspended = suspended_note(workspace, sitting.card.id, in_session=session is not None)
        """What the task pane says of a suspended drill ("" if not suspended)."""
        set_width_classes(self)  # stacked from the first frame at 80 columns

    def compose(self) -> ComposeResult:
        card = self.sitting.card
        with Horizontal(id="drill-bar"):
            yield CardHeading("drill", card.title, f"{card.topic} · {card.id}", id="drill-title")
            yield MockClock(self.session, id="drill-clock")
        with Horizontal(id="drill-main"):
            with VerticalScroll(id="drill-task", can_focus=True):
                if note := self._review_note():
                    yield Static(note, id="review-note")
                if self.sitting.hints:  # seen on an earlier visit or with `drillbit hint`
                    yield Static(
                        Text(self._hints_seen_note(), style="italic"), id="hints-seen-note"
                    )
                yield Markdown(section_markdown(card, "Task"), id="task")
                yield Vertical(id="hints")
                yield Markdown("", id="explanation")
            with Vertical(id="drill-right"):
                self._editor = CodeEditor.code_editor(
                    self._saved,
                    language="python",
                    id="editor",
                    soft_wrap=True,  # a long signature wraps: none of it is off screen
                )
                yield self._editor
                yield VerdictView(id="verdict")
        yield KeysFooter()

    def _review_note(self) -> Text:
        """Over the task: suspended (and how to unsuspend it), passed before (and the next
        drill's key), and that the editor holds the starter with the code from last time
        one key away, or that the draft is back (`DrillOpening.note`)."""
        note = Text()
        if self._suspended:
            note.append(self._suspended, style="bold yellow")
        if self._passed_before:
            note.append("\n" if note else "")
            note.append(self._passed_before, style="bold green")
        if self._note:
            note.append("\n" if note else "")
            note.append(self._note, style="italic")
        return note

    def on_mount(self) -> None:
        self.screen_layout_refresh_signal.subscribe(self, self._follow_layout)
        self.query_one("#editor", CodeEditor).max_bytes = SOURCE_LIMIT
        self.query_one("#editor", TextArea).focus()
        # an enter read before the first frame was drawn is not typed (a double enter)
        self.call_after_refresh(self.query_one("#editor", CodeEditor).show_keys_from_now)
        self.query_one("#explanation", Markdown).display = False
        self._show_hints()
        self.call_after_refresh(self._warm_up)  # its imports hold the GIL: after the first frame
        if self._set_aside is not None:
            path, size = self._set_aside
            self.notify(
                f"Your draft is {over_the_limit(size)}: the editor starts from the starter "
                f"code. The draft is kept whole in {path}.",
                title="Draft not opened",
                severity="warning",
                timeout=30,
                markup=False,
            )

    def on_code_editor_paste_refused(self, event: CodeEditor.PasteRefused) -> None:
        event.stop()
        self.notify(
            f"Not pasted: the code would be {over_the_limit(event.size)}. "
            "Your code is as it was; the paste is still on the clipboard.",
            title="Paste too large",
            severity="warning",
            markup=False,
        )

    def on_mock_clock_time_up(self, event: MockClock.TimeUp) -> None:
        """The mock interview is over: no more grading; back to the session, which ends."""
        event.stop()
        self.time_up = True
        self.sitting.time_ran_out(self.code)
        self.notify("Time is up.", title="Mock interview")
        # the help or the give-up question first: dismiss closes the screen on top, and with
        # one of them there the summary took the drill's place over the ended session
        self.pop_until_active()
        self.action_leave()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer only the keys that can do something now, and where the app runs.

        In a browser tab ctrl+t and ctrl+n never arrive: f2 and f3 stand in for them and
        the footer shows those; in a terminal the ctrl keys are shown. $EDITOR would start
        on the server: in a browser its key is not offered (ctrl+e is the editor's end of line).
        The hint keys go once the last hint is shown, as a key that does nothing more
        would still be offered; the line under the hints says "No hints left." The reset
        keys wait for code other than the starter (or a draft set aside): on the starter
        they asked "Your draft is lost." of a drill never typed in.
        """
        if action in HINT_ACTIONS and self.sitting.hints_left <= 0:
            return False
        if action in RESET_ACTIONS and self._set_aside is None and self.code == self._starter:
            return False  # the editor's text now, as a key reads it
        if action in WEB_KEYS.values():
            return self.app.is_web
        if action in WEB_KEYS or action == "external_editor":
            return not self.app.is_web
        if action == "grade":
            return not self.time_up
        if action == "previous_code":
            return self.sitting.previous_code is not None
        if action == "give_up":
            return self.session is not None and not self.sitting.progress.passed
        if action == "next_drill":
            passed = self.sitting.progress.passed or bool(self._passed_before)
            return self.session is None and passed and self._more_drills
        passed_in_session = self.session is not None and self.sitting.progress.passed
        if action == "leave":
            return not passed_in_session
        if action == "leave_passed":
            return passed_in_session
        return True

    def _warm_up(self) -> None:
        """Find the checker and start the sandbox's warm worker while the person reads the task.

        In a daemon thread of its own, not a Textual thread worker: the app's exit joins the
        loop's executor, and imports cannot be interrupted, so a quit during them (numpy, the
        engine, pydantic: 0.3-3 s) waited for them before the shell came back. The imports
        under way are left to die with the process; a screen gone (escape or quit) starts no
        sandbox worker.
        """
        threading.Thread(target=self._warm_up_in_thread, name=WARM_UP_THREAD, daemon=True).start()

    def _warm_up_in_thread(self) -> None:
        try:
            self.workspace.warm_up(self.sitting, wanted=lambda: not self._left.is_set())
        except DrillbitError as exc:  # the card names a checker that does not exist
            self.post_message(self.GradingFailed(exc.message))
        except Exception as exc:  # said on screen; grading will report it again if it persists
            self.post_message(self.GradingFailed(f"the sandbox did not start: {exc}"))

    # -- drafts ------------------------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._unsaved = event.text_area.text
        if (self._unsaved != self._starter) != self._edited:
            self._edited = not self._edited
            self.refresh_bindings()  # the reset key comes, or goes back to the starter
        if self._autosave is not None:
            self._autosave.stop()
        self._autosave = self.set_timer(AUTOSAVE_SECONDS, self._flush)

    def _flush(self) -> None:
        if self._autosave is not None:
            self._autosave.stop()
            self._autosave = None
        if self._unsaved is not None and self._unsaved != self._saved:
            self.workspace.drafts.save(self.sitting.card, self._unsaved)
            self._saved = self._unsaved
        self._unsaved = None

    def on_unmount(self) -> None:
        self._left.set()
        # Quitting the app (ctrl+q, a signal) mid-typing must not lose the last keystrokes:
        # the editor's own text, as the change messages of the last keys may never have
        # reached this screen (the quit came first).
        self.save_draft()

    def save_draft(self) -> None:
        """Save the editor's text now, if it changed (autosave does after a pause in typing)."""
        self._unsaved = self.code
        self._flush()

    @property
    def code(self) -> str:
        """The code in the editor (its text as it was last, once the screen is gone)."""
        if self._editor is None:
            return self._saved
        return self._editor.text

    # -- grading -----------------------------------------------------------------------

    def action_grade(self) -> None:
        """Submit the editor's code once the keys typed before ctrl+r are in it: a priority
        key, it read the editor while their last letters still waited to be typed."""
        after_typed_keys(self, self._submit)

    def _submit(self) -> None:
        if not self.time_up:
            self.post_message(self.DrillSubmitted(self.code))

    def on_drill_screen_drill_submitted(self, event: DrillSubmitted) -> None:
        event.stop()
        if self.time_up:
            return
        self.save_draft()
        self.grading = True
        self._submission += 1
        self._submitted_at = self.sitting.attempts
        self.query_one(VerdictView).show_grading()
        self._grade(event.source, self._submission)

    @work(thread=True, exclusive=True, group="grade", exit_on_error=False)
    def _grade(self, source: str, submission: int) -> None:
        try:
            verdict = self.workspace.grade(self.sitting, source)
        except GradingAbandonedError:
            return  # the drill was left (`_end_sitting` said so) or the app is closing
        except Exception as exc:  # shown to the person and logged; the app keeps running
            self.post_message(self.GradingFailed(f"{type(exc).__name__}: {exc}"))
            raise
        self.post_message(self.VerdictReady(verdict, submission))

    async def on_drill_screen_verdict_ready(self, event: VerdictReady) -> None:
        event.stop()
        if event.submission != self._submission:
            return  # a newer submission is being graded
        self.grading = False
        verdict = event.verdict
        self.query_one(VerdictView).show_verdict(verdict)
        self.refresh_bindings()
        if self.sitting.not_counted is not None:
            self.notify(self.sitting.not_counted, title=self.sitting.card.title)
        if verdict.passed:
            explanation = self.query_one("#explanation", Markdown)
            explanation.display = True
            await explanation.update(
                "## Why it works\n\n" + section_markdown(self.sitting.card, "Explanation")
            )
            if self.has_class("-narrow"):  # the task pane, over the editor, gets more rows
                self.query_one("#drill-task").focus()
            self.call_after_refresh(explanation.scroll_visible, top=True, animate=False)
            more, self._more_drills = after_a_pass(
                self.workspace, self.sitting.card.id, in_session=self.session is not None
            )
            self.refresh_bindings()
            where = " (tab: back to the editor)" if self.has_class("-narrow") else ""
            passed = passed_line(self.sitting.progress.hints_used)
            self.notify(
                f"{passed}. The explanation is under the task{where}. {more}",
                title=self.sitting.card.title,
                over_code=True,
            )

    def on_drill_screen_grading_failed(self, event: GradingFailed) -> None:
        event.stop()
        self.grading = False
        self.query_one(VerdictView).show_error(event.error)
        # its text may quote the submission: shown as it is, never read as markup
        self.notify(event.error, title="Could not grade", severity="error", markup=False)

    # -- hints, reset, $EDITOR ---------------------------------------------------------

    def _hints_seen_note(self) -> str:
        """Why a drill opens with hints under its task: they were read before, and count."""
        seen = counted(len(self.sitting.hints), "hint")
        return (
            f"You saw {seen} of this drill since its last pass (under the task): "
            "a pass now counts as one with hints."
        )

    def _show_hints(self) -> None:
        box = self.query_one("#hints", Vertical)
        box.remove_children()
        sitting = self.sitting
        widgets: list[Widget] = [
            Markdown(f"**Hint {n}.** {render_text(hint)}", classes="hint")
            for n, hint in enumerate(sitting.hints, start=1)
        ]
        if sitting.card.hints:
            left = sitting.hints_left
            key = "f2" if self.app.is_web else "^t"
            # the editor has the focus at first, and there h types an h. At most 38 columns:
            # at 80 a notice at the top right (a pass's, a failure's) covers the rest of the
            # row, and "(or h outside the editor)" lost its end under it
            note = (
                f"{counted(left, 'hint')} left: {key} (h outside editor)"
                if left
                else "No hints left."
            )
            widgets.append(Static(Text(note, style="dim"), classes="hint-note"))
        box.mount_all(widgets)
        for seen_note in self.query("#hints-seen-note").results(Static):  # its count, now
            seen_note.update(Text(self._hints_seen_note(), style="italic"))

    def action_letter_hint(self) -> None:
        """h, when the editor does not have the focus (there it types an h)."""
        self.action_hint()

    def action_web_hint(self) -> None:
        """f2: the hint key of a browser tab."""
        self.action_hint()

    def action_web_reset(self) -> None:
        """f3: the reset key of a browser tab."""
        self.action_reset()

    def action_hint(self) -> None:
        """Reveal the next hint (it lowers a pass to Hard)."""
        hint = self.workspace.reveal_hint(self.sitting)
        if hint is None:
            self.notify("No hints left.", severity="warning")
            return
        self._show_hints()
        self.refresh_bindings()  # the last hint shown: the footer's Hint goes
        self.call_after_refresh(self.query_one("#hints").scroll_visible)

    def action_reset(self) -> None:
        """Replace the code with the starter, after a confirmation."""

        def reset(yes: bool | None) -> None:
            if yes:
                self._unsaved = None  # a pending autosave must not bring the draft back
                text = self._saved = self.workspace.drafts.reset(self.sitting.card)
                self.query_one("#editor", TextArea).load_text(text)
                self.query_one(VerdictView).clear()
                self.notify("Back to the starter code.")

        self.app.push_screen(
            ConfirmScreen("Reset the code to the starter? Your draft is lost."), reset
        )

    def action_external_editor(self) -> None:
        """Open the draft in $VISUAL/$EDITOR with the app suspended; re-grade on return.

        Not in a browser: the editor would start on the server, where nobody sees it
        (`check_action` does not offer the key there; this says why to any other caller).
        """
        if self.app.is_web:
            self.notify(
                "$EDITOR is off in the browser (it would run on the server). Edit here, or run "
                "`drillbit watch` in a terminal to use your own editor.",
                severity="warning",
            )
            return
        ws = self.workspace
        card = self.sitting.card
        path = ws.drafts.file(card, self.code)
        command = ws.drafts.editor_command(path)
        try:
            try:
                with self.app.suspend():
                    returncode = subprocess.call(command)
            except SuspendNotSupported:  # headless (tests) or web: run it without suspending
                returncode = subprocess.call(command, stdin=subprocess.DEVNULL)
        except OSError as exc:
            self.notify(ws.drafts.editor_not_run(command, exc), severity="error", markup=False)
            return
        if returncode != 0:
            self.notify(f"{command[0]} exited with status {returncode}.", severity="warning")
        try:
            text = self._saved = ws.drafts.read_file(card, path)
        except DrillbitError as exc:  # too large, not UTF-8: the file stays for the person
            self.notify(
                f"{exc.message}. Your code here is as it was.", severity="error", markup=False
            )
            return
        editor = self.query_one("#editor", TextArea)
        if text != editor.text:
            editor.load_text(text)
        self.post_message(self.DrillSubmitted(text))

    def action_previous_code(self) -> None:
        """Put the code from before this review back in the editor (ctrl+z undoes it)."""
        previous = self.sitting.previous_code
        if previous is None:
            return
        editor = self.query_one("#editor", TextArea)
        editor.replace(previous, editor.document.start, editor.document.end)
        self.notify(PREVIOUS_CODE_BACK)

    def action_next_drill(self) -> None:
        """Go on to the next drill not passed yet, as rustlings does after a pass."""
        following = next_drill(self.workspace, after=self.sitting.card.id)
        if following is None:
            self.notify(ALL_PASSED, title="Drills")
            return
        self._end_sitting()
        self.post_message(self.NextDrillRequested(following.id))

    def action_switch_pane(self) -> None:
        """Tab: from the task pane to the editor and back (the editor keeps tab for indenting),
        through a failure's explanation on the way when it is longer than its box: at 80x24
        it was cut mid-sentence, and no key reached it to scroll."""
        task, verdict = self.query_one("#drill-task"), self.query_one(VerdictView)
        focused = self.focused
        if focused is task and verdict.cut_short():
            verdict.focus()
        elif focused is task or (focused is not None and verdict in focused.ancestors_with_self):
            self.query_one("#editor").focus()
        else:
            task.focus()

    def action_read_verdict(self) -> None:
        """One key into the verdict box, which grows, and back to the editor: from the
        editor, where tab indents, it took shift+tab, then tab."""
        verdict = self.query_one(VerdictView)
        focused = self.focused
        if focused is not None and verdict in focused.ancestors_with_self:
            self.query_one("#editor").focus()
        else:
            verdict.focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """On a narrow terminal the focused pane, the task, the editor or the verdict being
        read, gets more rows."""
        task, focused = self.query_one("#drill-task"), self.focused
        self.set_class(
            focused is not None and (task is focused or task in focused.ancestors), "-reading"
        )
        verdict = self.query_one(VerdictView)
        self.set_class(focused is not None and verdict in focused.ancestors_with_self, "-verdict")

    def action_select_all(self) -> None:
        """Select the whole editor (as ctrl+a does in most editors)."""
        editor = self.query_one("#editor", TextArea)
        editor.focus()
        editor.select_all()

    def action_give_up(self) -> None:
        """End this drill in the session as not passed (Again), after a confirmation."""

        def give_up(yes: bool | None) -> None:
            if yes:
                self.sitting.gave_up = True
                self.action_leave()

        self.app.push_screen(
            ConfirmScreen(give_up_question(self.session)),
            give_up,
        )

    def action_leave_passed(self) -> None:
        """Escape once passed in a session: leave, which rates it (the footer's "Next card")."""
        self.action_leave()

    def action_leave(self) -> None:
        """Save and go back; the sitting goes to whoever opened the drill.

        In a session, a passed sitting is rated; one left unpassed is skipped unless the
        person gave up.
        """
        self._end_sitting()
        self.dismiss(self.sitting)

    def _end_sitting(self) -> None:
        """Save the code and leave the sitting. Left mid-grade, the grade still running is
        stopped and records nothing (`DrillSitting.leave`); one that had finished, its verdict
        not yet shown, is recorded: say which it was."""
        self.save_draft()
        self.sitting.leave()
        if not self.grading:
            return
        self.workspace.stop_grading()  # its child killed now, not at the drill's time limit
        sitting = self.sitting
        verdict = sitting.last_verdict
        if sitting.attempts > self._submitted_at and verdict is not None:
            status = "passed" if verdict.passed else verdict.status.value
            self.notify(
                f"The grade had finished and is recorded: {status}.", title=sitting.card.title
            )
        else:
            self.notify(
                "Grading stopped: nothing was recorded (your code is kept as the draft).",
                title=sitting.card.title,
            )
