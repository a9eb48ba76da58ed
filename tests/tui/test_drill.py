"""Pilot tests of the drill screen: grade pass/fail in a worker, hints, reset, drafts, $EDITOR."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Markdown, TextArea

from quiz.drafts import SET_EDITOR, Drafts
from quiz.drill_grading import starter_text
from quiz.store import Store
from quiz.tui.app import DrillbitApp
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.footer import KeysFooter
from quiz.tui.widgets.verdict_view import VerdictView
from quiz.workspace import StudyRequest
from tests.sandbox.helpers import WARM_WITHIN_SECONDS
from tests.tui.conftest import (
    SOLUTION,
    WAIT_SECONDS,
    WRONG,
    AppFactory,
    Recorder,
    footer_descriptions,
    inprocess_grade,
    notices,
    press,
    screen_lines,
    settle,
    showing,
    wait_until,
)

if TYPE_CHECKING:
    from quiz.drill_grading import Drill


def editor_of(screen: DrillScreen) -> TextArea:
    return screen.query_one("#editor", TextArea)


async def grade_now(app: DrillbitApp, pilot: Pilot[None], ceiling: float = WAIT_SECONDS) -> None:
    """Press ctrl+r and wait until the grading worker has posted its result (`ceiling`: a
    real sandbox's grade may first wait for its worker to start)."""
    await pilot.press("ctrl+r")
    await settle(pilot, ceiling)  # the grading worker ends, its message is handled
    await app.workers.wait_for_complete()
    await settle(pilot)


async def test_opens_on_the_starter_and_fails_it(build: AppFactory, recorder: Recorder) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, DrillScreen)
        card = screen.sitting.card
        assert editor_of(screen).text == starter_text(card)
        assert editor_of(screen).has_focus
        await grade_now(app, pilot)
        submitted = recorder.of(DrillScreen.DrillSubmitted)
        ready = recorder.of(DrillScreen.VerdictReady)
        assert [m.source for m in submitted] == [starter_text(card)]
        assert len(ready) == 1 and ready[0].verdict.status.value == "error"
        assert "NotImplementedError" in str(screen.query_one("#verdict-failure").render())
        assert not screen.query_one("#explanation", Markdown).display
        # graded to show what fails, but no try: neither logged nor counted against a pass
        assert app.workspace.store.attempts(card_id="tiny-sgd") == []
        assert screen.sitting.progress.failed_attempts == 0
        assert any("starter code, unchanged" in n for n in notices(recorder))
        editor_of(screen).load_text(starter_text(card).rstrip() + "\n\n\n")
        await grade_now(app, pilot)
        assert app.workspace.store.attempts(card_id="tiny-sgd") == []
        editor_of(screen).load_text(SOLUTION)
        await grade_now(app, pilot)
        assert [a.status for a in app.workspace.store.attempts(card_id="tiny-sgd")] == ["passed"]
        assert screen.sitting.progress.rating().name == "Good"


async def test_wrong_code_fails_with_a_case_table(build: AppFactory, recorder: Recorder) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, DrillScreen)
        editor_of(screen).load_text(WRONG)
        await grade_now(app, pilot)
        verdict = recorder.of(DrillScreen.VerdictReady)[0].verdict
        assert verdict.status.value == "failed"
        table = screen.query_one("#verdict-cases", DataTable)
        assert table.row_count == len(verdict.cases) > 0
        failure = str(screen.query_one("#verdict-failure").render())
        assert "First problem" in failure
        # said once: in the block, not again in its row nor twice in the block
        first = verdict.first_failure
        assert first is not None and first.expected is not None
        assert failure.count(first.expected) == 1
        assert str(table.get_row_at(0)[2]) == ""
        assert screen.sitting.progress.failed_attempts == 1


async def test_code_that_did_not_load_does_not_lower_the_pass(build: AppFactory) -> None:
    """A SyntaxError is no attempt (as a compile error in rustlings): the pass after it
    is Good, not Hard; the load failure is still in the attempts' history."""
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        screen = await showing(pilot, DrillScreen)
        editor_of(screen).load_text("def sgd_step(theta, grad, lr)\n    return theta\n")
        await grade_now(app, pilot)
        assert "the code did not load" in str(screen.query_one("#verdict-status").render())
        editor_of(screen).load_text(SOLUTION)
        await grade_now(app, pilot)
        assert screen.sitting.progress.failed_attempts == 0
        assert screen.sitting.progress.rating().name == "Good"
        store = app.workspace.store
        assert [a.status for a in store.attempts(card_id="tiny-sgd")] == ["error", "passed"]
        assert [review.rating for review in store.reviews()] == [3]  # Good


async def test_pass_shows_the_explanation(build: AppFactory, recorder: Recorder) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, DrillScreen)
        editor_of(screen).load_text(SOLUTION)
        await grade_now(app, pilot)
        assert recorder.of(DrillScreen.VerdictReady)[0].verdict.passed
        explanation = screen.query_one("#explanation", Markdown)
        assert explanation.display
        assert "new array" in explanation.source
        assert screen.sitting.progress.passed
        assert screen.sitting.progress.rating().name == "Good"


async def test_hints_one_at_a_time(build: AppFactory) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        screen = await showing(pilot, DrillScreen)
        assert screen.query(".hint").results() and not list(screen.query(".hint"))
        await press(pilot, "ctrl+t")  # from the editor
        await settle(pilot)
        assert len(screen.query(".hint")) == 1
        assert editor_of(screen).text == starter_text(screen.sitting.card)  # nothing typed
        assert "ctrl+t" in screen.active_bindings  # one hint still to show: offered
        note = str(screen.query_one(".hint-note").render())
        assert "^t (h outside editor)" in note  # h typed in the editor is an h
        assert note.startswith("1 hint left: ")  # it read "1 hint(s) left"
        screen.query_one("#drill-task").focus()  # focus leaves the editor
        await settle(pilot)
        assert not editor_of(screen).has_focus
        await press(pilot, "h", "h")  # the second press finds no hint left
        await settle(pilot)
        assert len(screen.query(".hint")) == 2
        assert screen.sitting.progress.hints_used == 2
        assert "No hints left" in str(screen.query_one(".hint-note").render())
        keys = set(screen.active_bindings)
        assert not {"ctrl+t", "h"} & keys, "a key that does nothing more is not offered"
        await press(pilot, "h")  # outside the editor, with none left: nothing, no error
        await settle(pilot)
        assert screen.sitting.progress.hints_used == 2


async def test_a_hint_read_on_an_earlier_visit_is_shown_again_and_counted(
    build: AppFactory, recorder: Recorder
) -> None:
    """The drill left after a hint and opened again: the hint had gone from the screen and
    the pass that followed was a clean "Passed" (rated Good, listed as passed)."""
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        await showing(pilot, DrillScreen)
        await press(pilot, "ctrl+t")
        await settle(pilot)
    app = build(drill="tiny-sgd")
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, DrillScreen)
        assert len(screen.query(".hint")) == 1
        assert str(screen.query_one(".hint-note").render()).startswith("1 hint left: ")
        said = str(screen.query_one("#hints-seen-note").render())  # above the task: in sight
        assert said.startswith("You saw 1 hint of this drill since its last pass")
        await press(pilot, "ctrl+t")
        await settle(pilot)
        said = str(screen.query_one("#hints-seen-note").render())
        assert said.startswith("You saw 2 hints of this drill")  # kept true
        editor_of(screen).load_text(SOLUTION)
        await grade_now(app, pilot)
        assert screen.sitting.progress.rating().name == "Hard"
        assert any(
            notice.startswith("Passed with hints (2 hints seen since the last pass).")
            for notice in notices(recorder)
        )


async def test_drafts_autosave_and_reload(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("quiz.tui.screens.drill.AUTOSAVE_SECONDS", 0.1)
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        screen = await showing(pilot, DrillScreen)
        editor_of(screen).move_cursor((99, 0))
        await press(pilot, *"# mine")
        store = app.workspace.store

        # saved by the autosave's timer once the keys stop, with no key or save asked for
        def saved() -> str:
            draft = store.draft("tiny-sgd")
            return "" if draft is None else draft.text

        assert await wait_until(pilot, lambda: saved().endswith("# mine"))
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        screen = await showing(pilot, DrillScreen)
        assert editor_of(screen).text.endswith("# mine")


async def test_reset_asks_first(build: AppFactory) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        screen = await showing(pilot, DrillScreen)
        editor_of(screen).load_text(WRONG)
        await press(pilot, "ctrl+n")
        await settle(pilot)
        await showing(pilot, ConfirmScreen)
        await press(pilot, "n")
        await settle(pilot)
        back = app.screen is screen
        assert back and editor_of(screen).text == WRONG
        await press(pilot, "ctrl+n", "y")
        await settle(pilot)
        assert editor_of(screen).text == starter_text(screen.sitting.card)
        assert app.workspace.store.draft("tiny-sgd") is None


async def test_external_editor_then_regrade(build: AppFactory, recorder: Recorder) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, DrillScreen)
        await press(pilot, "ctrl+e")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert "return theta - lr * grad" in editor_of(screen).text
        verdicts = recorder.of(DrillScreen.VerdictReady)
        assert len(verdicts) == 1 and verdicts[0].verdict.passed
        draft = app.workspace.store.draft("tiny-sgd")
        assert draft is not None and "theta - lr * grad" in draft.text


async def test_editor_failure_is_reported(build: AppFactory, recorder: Recorder) -> None:
    app = build(drill="tiny-sgd", editor="/nonexistent/editor-xyz")
    async with app.run_test(message_hook=recorder, notifications=True) as pilot:
        await press(pilot, "ctrl+e")
        await settle(pilot)
        assert recorder.of(DrillScreen.DrillSubmitted) == []
        assert "Could not run /nonexistent/editor-xyz (no such program)." in notices(recorder)


@pytest.mark.parametrize(
    ("variables", "said"),
    [
        (
            {},
            "Could not run vi (no such program): it is the default, as no VISUAL or EDITOR is set.",
        ),
        (
            {"EDITOR": "nvimx -f"},
            "Could not run nvimx (no such program), the command $EDITOR names.",
        ),
        (
            {"VISUAL": "codex", "EDITOR": "nano"},
            "Could not run codex (no such program), the command $VISUAL names.",
        ),
    ],
)
def test_an_editor_that_does_not_start_says_which_variable_names_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, variables: dict[str, str], said: str
) -> None:
    """ "Could not run vi: [Errno 2] No such file or directory: 'vi'" told a newcomer with
    no $EDITOR neither that vi was only the default nor what to set."""
    for name in ("VISUAL", "EDITOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    with Store.open(tmp_path / "db.sqlite") as store:
        drafts = Drafts(store, lambda: datetime(2026, 3, 10, 12, tzinfo=UTC), folder=tmp_path)
        command = drafts.editor_command(tmp_path / "draft.py")
        missing = FileNotFoundError(2, "No such file or directory", command[0])
        assert drafts.editor_not_run(command, missing) == f"{said} {SET_EDITOR}"


async def test_external_editor_is_off_in_a_browser(
    build: AppFactory, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Served in a browser, ctrl+e would start the editor on the server: the footer does
    not offer it (it did, and the key only said it was off), and the key does not run it."""
    app = build(drill="tiny-sgd")
    monkeypatch.setattr(DrillbitApp, "is_web", property(lambda _: True))
    async with app.run_test(message_hook=recorder, notifications=True) as pilot:
        screen = await showing(pilot, DrillScreen)
        shown = footer_descriptions(screen)
        assert "$EDITOR" not in shown and "Hint" in shown
        before = editor_of(screen).text
        await press(pilot, "ctrl+e")
        await settle(pilot)
        assert recorder.of(DrillScreen.DrillSubmitted) == []
        assert editor_of(screen).text == before  # the fake editor (it writes a pass) never ran
        screen.action_external_editor()  # any other way in says why
        await settle(pilot)
        assert any("$EDITOR is off in the browser" in m for m in notices(recorder))


async def test_the_card_browser_offers_no_editor_in_a_browser(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The card browser's ctrl+e ran $EDITOR on the server when served in a browser."""
    from quiz.tui.screens.browser import BrowserScreen

    calls: list[object] = []

    def call(*args: object, **kwargs: object) -> int:
        calls.append(args)
        return 0

    monkeypatch.setattr("subprocess.call", call)
    monkeypatch.setattr(DrillbitApp, "is_web", property(lambda _: True))
    app = build()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "b")
        await settle(pilot)
        screen = await showing(pilot, BrowserScreen)
        assert "$EDITOR" not in footer_descriptions(screen)
        await press(pilot, "ctrl+e")
        await settle(pilot)
        assert calls == []


async def test_grader_failure_is_shown_not_swallowed(build: AppFactory, recorder: Recorder) -> None:
    def broken(drill: object, source: str) -> object:
        raise RuntimeError("grader exploded")

    app = build(drill="tiny-sgd", grader=broken)
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, DrillScreen)
        await grade_now(app, pilot)
        failed = recorder.of(DrillScreen.GradingFailed)
        assert len(failed) == 1 and "grader exploded" in failed[0].error
        assert "grader exploded" in str(screen.query_one("#verdict-status").render())


async def test_real_sandbox_grades_a_pass(build: AppFactory, recorder: Recorder) -> None:
    """The default grader (the sandbox, as users get it) behind the same key."""
    app = build(drill="tiny-sgd", grader=None)
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, DrillScreen)
        editor_of(screen).load_text(SOLUTION)
        # the worker starts first: 30 s was once too few at a load average of 16
        await grade_now(app, pilot, WARM_WITHIN_SECONDS)
        verdict = recorder.of(DrillScreen.VerdictReady)[0].verdict
        assert verdict.passed, verdict.summary
        assert verdict.isolation and "none (in-process)" not in verdict.isolation


def test_fake_editor_exists() -> None:
    assert (Path(__file__).parent / "fake_editor.py").is_file()


async def test_quitting_mid_typing_keeps_the_draft(build: AppFactory) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        screen = await showing(pilot, DrillScreen)
        editor_of(screen).move_cursor((99, 0))
        await press(pilot, *"# last")
        await press(pilot, "ctrl+q")  # before the autosave debounce fires
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        screen = await showing(pilot, DrillScreen)
        assert editor_of(screen).text.endswith("# last")


async def test_a_late_verdict_of_an_older_submission_is_not_shown(
    build: AppFactory, recorder: Recorder
) -> None:
    import threading

    from engine.verdict import Verdict

    release = threading.Event()

    def slow_then_fast(drill: Drill, source: str) -> Verdict:
        if source == WRONG:
            release.wait(WAIT_SECONDS)  # the first submission answers only after the second
        return inprocess_grade(drill, source)

    app = build(drill="tiny-sgd", grader=slow_then_fast)
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, DrillScreen)
        editor_of(screen).load_text(WRONG)
        # not `press`: it waits for the workers, and the first grading waits for the second
        await pilot.press("ctrl+r")
        submitted = recorder.of
        assert await wait_until(pilot, lambda: len(submitted(DrillScreen.DrillSubmitted)) == 1)
        editor_of(screen).load_text(SOLUTION)
        await pilot.press("ctrl+r")
        assert await wait_until(pilot, lambda: bool(recorder.of(DrillScreen.VerdictReady)))
        release.set()
        await app.workers.wait_for_complete()
        # the late verdict's message can take more than one pause on a loaded machine
        assert await wait_until(pilot, lambda: len(recorder.of(DrillScreen.VerdictReady)) == 2)
        ready = recorder.of(DrillScreen.VerdictReady)
        assert [m.verdict.status.value for m in ready] == ["passed", "failed"]
        assert "PASSED" in str(screen.query_one("#verdict-status").render())


LONG_SIGNATURE = "def sgd_step(theta, grad, lr, momentum=0.0, dampening=0.0, nesterov=False):"
"""77 characters: wider than the editor at 80 columns (its gutter takes 5)."""


def shown_lines(widget: Widget) -> list[str]:
    """The text a widget draws, line by line."""
    return [widget.render_line(y).text for y in range(widget.size.height)]


async def test_at_80_columns_the_task_sits_above_the_editor_and_the_verdict_stays(
    build: AppFactory,
) -> None:
    """At 80x24 the task and the editor are stacked, each the whole width: the task's
    lines are not split into a 29-column strip, a long signature wraps in the editor
    instead of running off its edge, and the verdict under the editor is on screen after
    a run and after a pass, whichever pane has the focus (it was hidden until tab)."""
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, DrillScreen)
        editor, task = editor_of(screen), screen.query_one("#drill-task")
        verdict = screen.query_one("#verdict")
        assert editor.has_focus
        assert task.region.bottom <= editor.region.y  # stacked
        assert task.size.width >= 76 and editor.size.width >= 78
        editor.load_text(WRONG.replace("def sgd_step(theta, grad, lr):", LONG_SIGNATURE))
        await settle(pilot)
        drawn = " ".join(line.strip() for line in shown_lines(editor))
        assert "nesterov=False):" in drawn  # the whole signature is on screen
        await grade_now(app, pilot)
        assert "FAILED" in str(screen.query_one("#verdict-status").render())
        assert verdict.display and verdict.region.height >= 3
        assert verdict.region.bottom <= screen.query_one(KeysFooter).region.y
        assert editor.region.height >= 4  # room to keep coding
        editor.load_text(SOLUTION)
        await grade_now(app, pilot)
        await settle(pilot)
        assert task.has_focus and screen.has_class("-reading")  # the explanation, larger
        assert screen.query_one("#explanation").display
        assert task.region.height > editor.region.height
        assert "PASSED" in str(screen.query_one("#verdict-status").render())
        assert verdict.display and verdict.region.height >= 2  # no key needed to see it
        assert screen.query_one("#drill-right").display
        await press(pilot, "tab")
        await settle(pilot)
        assert editor.has_focus and not screen.has_class("-reading")
        assert editor.region.height > task.region.height - 4


async def test_the_drill_footer_names_help_once(build: AppFactory) -> None:
    """f1 is the drill's help key (? types into the editor); with the task pane focused
    ? opens the help too, and the footer said "f1 Help ? Help"."""
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, DrillScreen)
        await settle(pilot)
        assert footer_descriptions(screen).count("Help") == 1
        screen.query_one("#drill-task").focus()
        await settle(pilot)
        assert await wait_until(pilot, lambda: footer_descriptions(screen).count("Help") <= 1)
        assert footer_descriptions(screen).count("Help") == 1
        await press(pilot, "question_mark")  # still opens the help from the task pane
        await showing(pilot, HelpScreen)


async def test_at_120_columns_the_panes_stay_side_by_side_after_a_pass(build: AppFactory) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await showing(pilot, DrillScreen)
        editor_of(screen).load_text(
            SOLUTION.replace("def sgd_step(theta, grad, lr):", LONG_SIGNATURE)
        )
        await settle(pilot)
        drawn = " ".join(line.strip() for line in shown_lines(editor_of(screen)))
        assert "nesterov=False):" in drawn  # wrapped in the editor, not cut at its edge
        editor_of(screen).load_text(SOLUTION)
        await grade_now(app, pilot)
        await settle(pilot)
        assert editor_of(screen).has_focus and screen.query_one("#drill-right").display
        screen.query_one("#drill-task").focus()  # reading the task: the editor stays beside it
        await settle(pilot)
        assert screen.query_one("#drill-right").display
        assert screen.query_one("#drill-task").size.width < 60


async def test_after_a_failed_grading_the_line_being_edited_stays_in_view(
    build: AppFactory,
) -> None:
    """At 80x24 the verdict takes the lower rows: the editor, now shorter, kept its scroll
    and the line with the cursor went out of view (found in a week-long try)."""
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, DrillScreen)
        editor = editor_of(screen)
        editor.load_text(WRONG + "".join(f"# note {n}\n" for n in range(12)))
        last = editor.document.line_count - 1
        editor.move_cursor((last, 0))
        await settle(pilot)
        await grade_now(app, pilot)
        await settle(pilot)
        top, rows = editor.scroll_offset.y, editor.scrollable_content_region.height
        assert top <= editor.cursor_location[0] < top + rows, (top, rows)


async def test_a_code_that_does_not_load_is_not_counted_as_a_case(build: AppFactory) -> None:
    """The load failure stands first in the case list; the head said '0/10 cases passed'
    for a drill of 9 cases, and the table said 'not_run'. It also gave a case seed, which
    took a second row at 80x24 and replays no case."""
    from engine.verdict import LOADING, CaseResult, CaseStatus, Status, build_verdict
    from quiz.tui.widgets.verdict_view import VerdictView

    results = [
        CaseResult(name=LOADING, status=CaseStatus.ERROR, message="SyntaxError: expected ':'"),
        *(CaseResult(name=f"case {n}", status=CaseStatus.NOT_RUN) for n in range(1, 10)),
    ]
    verdict = build_verdict(
        "tiny", results, status=Status.ERROR, summary="error", seed=1, duration_ms=1, isolation=[]
    )
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.screen.query_one(VerdictView)
        view.show_verdict(verdict)
        await settle(pilot)
        head = str(view.query_one("#verdict-status").render())
        assert "the code did not load, so none of the 9 cases ran" in head
        assert "/10" not in head
        # no case ran, so its seed replays nothing (`grade` says so): the time only
        assert "seed" not in head and head.rstrip().endswith("ran · 1 ms")
        table = view.query_one("#verdict-cases", DataTable)
        assert str(table.get_row_at(1)[1]) == "not run"


def first_drill_frame(app: DrillbitApp) -> list[str]:
    """What the first frame the app draws of a DrillScreen shows (filled in when drawn):
    whether the task sits above the editor or beside it, and whether the footer is on
    screen. Call before the drill is opened (before `run_test` for a drill opened at start)."""
    frame: list[str] = []
    draw = app._display

    def display(screen: Any, renderable: Any) -> None:
        if isinstance(screen, DrillScreen) and renderable is not None and not frame:
            task, right = screen.query_one("#drill-task"), screen.query_one("#drill-right")
            stacked = task.region.bottom <= right.region.y and task.region.right > right.region.x
            frame.append("stacked" if stacked else "side by side")
            frame.append("footer" if screen.query_one(KeysFooter).region.height else "no footer")
        draw(screen, renderable)

    app._display = display  # type: ignore[method-assign]
    return frame


def drill_app(build: AppFactory, opened: str) -> DrillbitApp:
    """An app that opens tiny-sgd at start (`command`), or shows Home (`list`) or a
    session of the coding cards (`session`) for `open_drill` to open it from."""
    if opened == "command":
        return build(drill="tiny-sgd")
    if opened == "session":
        return build(study=StudyRequest(kind="coding"))
    return build()


async def open_drill(pilot: Pilot[None], opened: str) -> None:
    """Open tiny-sgd as `drill_app` set up for (`enter` on the session's card, `l` then
    `enter` on the drill list) and wait until its screen has settled."""
    first: type[Screen[Any]] = HomeScreen
    keys: tuple[str, ...] = ("l", "enter")
    if opened != "list":
        first = DrillScreen if opened == "command" else StudyScreen
        keys = () if opened == "command" else ("enter",)
    await showing(pilot, first)
    await press(pilot, *keys)
    await showing(pilot, DrillScreen)
    await settle(pilot)


@pytest.mark.parametrize(
    ("opened", "width", "layout"),
    [
        ("command", 80, "stacked"),
        ("session", 80, "stacked"),
        ("list", 80, "stacked"),
        ("session", 120, "side by side"),
    ],
)
async def test_the_drill_has_the_layout_of_its_width_from_its_first_frame(
    build: AppFactory, opened: str, width: int, layout: str
) -> None:
    """Opened at 80 columns from a session or the drill list, the drill's first frames drew
    the wide layout (the task beside the editor, its code lines cut) until the screen's
    first resize event set its width class; the layout is chosen before the first frame."""
    app = drill_app(build, opened)
    frame = first_drill_frame(app)
    async with app.run_test(size=(width, 24)) as pilot:
        await open_drill(pilot, opened)
        assert frame == [layout, "footer"]


LONG_LINE = "    # the step moves theta against its gradient, scaled by the learning rate lr"
"""79 cells: longer than an 80-column editor leaves beside its line numbers."""


def first_drill_rows(app: DrillbitApp) -> list[str]:
    """The rows of text of the first frame the app draws of a DrillScreen (filled in when
    drawn). Call before the drill is opened (before `run_test` for one opened at start)."""
    rows: list[str] = []
    draw = app._display

    def display(screen: Any, renderable: Any) -> None:
        if isinstance(screen, DrillScreen) and renderable is not None and not rows:
            rows.extend(line.text for line in screen_lines(app))
        draw(screen, renderable)

    app._display = display  # type: ignore[method-assign]
    return rows


async def first_rows_of_a_drill(
    build: AppFactory, tui_bank: Path, opened: str
) -> tuple[list[str], list[str]]:
    """The first frame of tiny-sgd (a starter line longer than 80 cells) at 80x24, opened
    at start (`command`), from a session's first card or from the drill list; and the
    frame once it has settled."""
    card = tui_bank / "mini" / "drills" / "tiny-sgd.md"
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("    raise NotImplementedError", f"{LONG_LINE}\n    raise"))
    app = drill_app(build, opened)
    rows = first_drill_rows(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_drill(pilot, opened)
        settled = [line.text for line in screen_lines(app)]
    assert len(rows) == 24
    return rows, settled


@pytest.mark.parametrize("opened", ["command", "session", "list"])
async def test_the_drills_first_frame_has_the_code_wrapped(
    build: AppFactory, tui_bank: Path, opened: str
) -> None:
    """At 80 columns a drill's first frame drew the starter's long lines cut at the
    editor's edge: the editor wrapped them when its first resize event came, a frame later."""
    first, _settled = await first_rows_of_a_drill(build, tui_bank, opened)
    code = "\n".join(first)
    assert "def sgd_step(theta, grad, lr):" in code
    assert LONG_LINE.strip() not in code, "too long for a row"
    assert LONG_LINE.strip() in " ".join(code.split()), "wrapped, none of it cut"


@pytest.mark.parametrize("opened", ["command", "session", "list"])
async def test_the_drills_first_frame_has_the_footers_keys(
    build: AppFactory, tui_bank: Path, opened: str
) -> None:
    """At 80 columns a drill's first two frames had an empty footer: Textual's Footer
    mounts its keys a refresh after the screen's first bindings update. The first frame
    has the keys the drill keeps, in their order."""
    first, settled = await first_rows_of_a_drill(build, tui_bank, opened)
    for key in ("^r Grade", "^t Hint", "esc Back", "f1 Help"):
        assert key in first[-1]
    assert first[-1] == settled[-1]


TASK_LINE = "Every paragraph of this task is 77 cells long, so it fits 78 columns, not 76."
"""77 cells: one row of an 80-column task pane without a scroll bar, two rows with one."""


@pytest.mark.parametrize("opened", ["command", "session", "list"])
async def test_the_drills_first_frame_wraps_the_task_as_it_stays(
    build: AppFactory, tui_bank: Path, opened: str
) -> None:
    """At 80x24 a task longer than its pane was wrapped, in the drill's first frame, as if
    it had no scroll bar (Textual arranges a widget with its previous scroll-bar state),
    then wrapped again a frame later, every row moving. The pane keeps its scroll bar's
    gutter (`scrollbar-gutter: stable`), so the first frame has the text where it stays;
    only the scroll bars' thumbs (columns 77-78) come a frame later, drawn by Textual."""
    assert len(TASK_LINE) == 77
    card = tui_bank / "mini" / "drills" / "tiny-sgd.md"
    text = card.read_text(encoding="utf-8")
    paragraphs = "\n\n".join([TASK_LINE] * 6)
    card.write_text(text.replace("in place.\n", f"in place.\n\n{paragraphs}\n"))
    app = drill_app(build, opened)
    first = first_drill_rows(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_drill(pilot, opened)
        settled = [line.text for line in screen_lines(app)]
    assert "Every paragraph of this task" in "\n".join(settled)
    assert [row[:77] for row in first] == [row[:77] for row in settled]


@pytest.mark.parametrize("opened", ["command", "session", "list"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_drills_first_frame_has_the_editors_scroll_bar(
    build: AppFactory, tui_bank: Path, opened: str, size: tuple[int, int]
) -> None:
    """A starter taller than the editor: opened from a session or the drill list, the
    first frame had no scroll thumb beside the code, drawn a frame later (Textual places
    a scroll bar in the layout after the one that measured the text). The first frame is
    the one that stays."""
    card = tui_bank / "mini" / "drills" / "tiny-sgd.md"
    text = card.read_text(encoding="utf-8")
    filler = "\n".join(f"    # line {n} of a long starter" for n in range(60))
    card.write_text(text.replace("    raise NotImplementedError", f"{filler}\n    raise"))
    app = drill_app(build, opened)
    rows = first_drill_rows(app)
    async with app.run_test(size=size) as pilot:
        await open_drill(pilot, opened)
        settled = [line.text for line in screen_lines(app)]
    assert rows == settled


async def test_at_80x24_a_pass_shows_its_cases_rows_without_a_key(build: AppFactory) -> None:
    """After a pass at 80x24 the task pane takes the focus (the explanation gets the rows)
    and the verdict's box had room for the two status lines and the table's header only:
    the cases' rows showed after tab. The seed is on the status's line now and the box
    takes more of the lower pane while the task is read: rows are on screen at once."""
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, DrillScreen)
        editor_of(screen).load_text(SOLUTION)
        await grade_now(app, pilot)
        await settle(pilot)
        assert screen.query_one("#drill-task").has_focus
        drawn = [line.text for line in screen_lines(app)]
        header = next(i for i, line in enumerate(drawn) if line.split()[:3] == HEADER)
        rows = [line for line in drawn[header + 1 :] if line.strip().startswith("case ")]
        assert len(rows) >= 2 and all("passed" in row for row in rows), drawn
        assert any("PASSED" in line and "case seed 0" in line for line in drawn)
        assert editor_of(screen).region.height >= 2, "the code stays in sight"


HEADER = ["case", "result", "detail"]


async def test_at_80x24_tab_reaches_a_failure_cut_short_and_gives_it_the_rows(
    build: AppFactory,
) -> None:
    """A failure's explanation longer than its box at 80x24 was cut mid-sentence, and no key
    reached it (tab indents in the editor; from the task pane it went to the editor). Tab
    from the task pane now goes to it when it is cut short, it gets most of the screen and
    scrolls with the keys, and tab again goes back to the editor."""
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, DrillScreen)
        editor, verdict = editor_of(screen), screen.query_one(VerdictView)
        editor.load_text(WRONG)
        await grade_now(app, pilot)
        assert "FAILED" in str(screen.query_one("#verdict-status").render())
        assert verdict.cut_short(), "the explanation fits: the test shows nothing"
        before = verdict.region.height
        await press(pilot, "shift+tab")  # the editor to the task pane
        assert screen.query_one("#drill-task").has_focus
        await press(pilot, "tab")
        await settle(pilot)
        assert verdict.has_focus and screen.has_class("-verdict")
        assert verdict.region.height > before
        await press(pilot, "end")
        # Textual animates the scroll to the end over a second of wall clock, which `settle`
        # does not wait for: a starved run read it mid-way (scroll_y 1.56 of 3)
        assert await wait_until(pilot, lambda: verdict.scroll_y == verdict.max_scroll_y > 0), (
            f"end left the explanation at {verdict.scroll_y} of {verdict.max_scroll_y}"
        )
        await press(pilot, "tab")
        await settle(pilot)
        assert editor.has_focus and not screen.has_class("-verdict")
