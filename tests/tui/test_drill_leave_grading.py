"""Escape while a drill is graded: the grade left behind records nothing, and the app says so.

The grade runs in a thread that outlives the screen; it logged the attempt (the drill
list's tries), and outside a session a pass scheduled the card's first review, for code the
person had walked away from. A grade that finished before the escape stays recorded, said.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.widgets import TextArea

from bench.processes import alive, descendants
from engine.checkers.base import Checker
from quiz.sandbox_grader import SandboxGrader
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.sandbox.helpers import WARM_WITHIN_SECONDS
from tests.tui.conftest import (
    SOLUTION,
    WAIT_SECONDS,
    AppFactory,
    Recorder,
    inprocess_grade,
    notices,
    settle,
    showing,
    wait_until,
)

if TYPE_CHECKING:
    from engine.verdict import Verdict
    from quiz.drill_grading import Drill


class HeldGrader:
    """Grades only once `release` is set: the test presses keys while the grade runs."""

    def __init__(self, *, passing: str | None = None) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.passing = passing
        """Code graded at once, not held."""

    def __call__(self, drill: Drill, source: str) -> Verdict:
        if source != self.passing:
            self.started.set()
            self.release.wait(WAIT_SECONDS)
        return inprocess_grade(drill, source)

    def stop(self) -> None:
        """Let a grade still held end (its drill was left)."""
        self.release.set()

    def close(self) -> None:
        """Let a grade still held end (the app is closing)."""
        self.release.set()


async def test_escape_while_a_pass_is_graded_records_nothing(
    build: AppFactory, recorder: Recorder
) -> None:
    held = HeldGrader()
    app = build(drill="tiny-sgd", grader=held)
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, DrillScreen)
        screen.query_one("#editor", TextArea).load_text(SOLUTION)
        await pilot.press("ctrl+r")
        assert await wait_until(pilot, held.started.is_set)
        await pilot.press("escape")
        assert await wait_until(pilot, lambda: app.screen is not screen)
        held.release.set()
        await app.workers.wait_for_complete()
        await settle(pilot)
        store = app.workspace.store
        assert store.attempts(card_id="tiny-sgd") == []
        assert store.card_state("tiny-sgd") is None  # no first review from the pass
        assert screen.sitting.attempts == 0 and not screen.sitting.progress.passed
        said = notices(recorder)
        assert any("Grading stopped: nothing was recorded" in text for text in said), said


async def test_escape_in_a_session_while_graded_skips_the_drill_without_a_try(
    build: AppFactory, recorder: Recorder
) -> None:
    held = HeldGrader()
    app = build(study=StudyRequest(kind="coding"), grader=held)
    async with app.run_test(message_hook=recorder) as pilot:
        study = await showing(pilot, StudyScreen)
        await pilot.press("enter")
        screen = await showing(pilot, DrillScreen)
        screen.query_one("#editor", TextArea).load_text(SOLUTION)
        await pilot.press("ctrl+r")
        assert await wait_until(pilot, held.started.is_set)
        await pilot.press("escape")
        assert await wait_until(pilot, lambda: app.screen is study)
        held.release.set()
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.workspace.store.attempts(card_id="tiny-sgd") == []
        assert app.workspace.store.reviews() == []


async def test_ctrl_f_to_the_next_drill_while_a_regrade_runs_records_nothing_of_it(
    build: AppFactory, recorder: Recorder, tui_bank: Path
) -> None:
    """ctrl+f leaves a passed drill for the next one as esc does: a grade of the edited
    code still running then was recorded as a try of the drill left behind."""
    drill = tui_bank / "mini" / "drills" / "tiny-sgd.md"
    second = drill.read_text(encoding="utf-8").replace("id: tiny-sgd", "id: tiny-sgd-again")
    (drill.parent / "tiny-sgd-again.md").write_text(second, encoding="utf-8")
    held = HeldGrader(passing=SOLUTION)
    app = build(drill="tiny-sgd", grader=held)
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, DrillScreen)
        app.workspace.grade(screen.sitting, SOLUTION)  # passed earlier in the sitting
        screen.query_one("#editor", TextArea).load_text(SOLUTION + "# tidied\n")
        await pilot.press("ctrl+r")
        assert await wait_until(pilot, held.started.is_set)
        await pilot.press("ctrl+f")
        assert await wait_until(
            pilot, lambda: isinstance(app.screen, DrillScreen) and app.screen is not screen
        )
        held.release.set()
        await app.workers.wait_for_complete()
        await settle(pilot)
        attempts = app.workspace.store.attempts(card_id="tiny-sgd")
        assert len(attempts) == 1
        said = notices(recorder)
        assert any("Grading stopped: nothing was recorded" in text for text in said), said


async def test_a_grade_finished_before_the_escape_is_recorded_and_said(
    build: AppFactory, recorder: Recorder
) -> None:
    """The verdict was in (logged in its thread) but not yet shown when escape was read."""
    app = build(drill="tiny-sgd")
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, DrillScreen)
        sitting = screen.sitting
        screen.grading = True  # as between the grade's end and its verdict on screen
        screen._submitted_at = sitting.attempts
        app.workspace.grade(sitting, SOLUTION)
        await pilot.press("escape")
        await settle(pilot)
        assert [a.status for a in app.workspace.store.attempts(card_id="tiny-sgd")] == ["passed"]
        said = notices(recorder)
        assert any("The grade had finished and is recorded: passed." in text for text in said), said


async def test_leaving_a_drill_untouched_keeps_a_draft_graded_meanwhile(
    build: AppFactory,
) -> None:
    """The app saved its editor's code as it left a drill, typed in or not: with the drill
    open on the starter, `drillbit grade` (or `watch`) in another terminal made the graded
    file's code the draft, and esc saved the starter over it, which deleted it."""
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        screen = await showing(pilot, DrillScreen)
        drafts = app.workspace.drafts
        graded = SOLUTION + "# from my editor\n"
        assert drafts.take_graded(screen.sitting.card, graded, app.workspace.now(), "/w/s.py")
        await pilot.press("escape")
        await settle(pilot)
        draft = app.workspace.store.draft("tiny-sgd")
        assert draft is not None and draft.text == graded


async def test_escape_while_graded_kills_the_sandbox_child_and_the_next_grade_runs(
    build: AppFactory, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Escape during a grade in the real sandbox: the child running the submission (here a
    sleep that only the drill's time limit, made days long, would end) ran on after the drill
    was left, a core and the worker's slot taken for nothing. Now it is killed and reaped at
    once, nothing is recorded, and the pool's next worker grades the next submission."""
    monkeypatch.setattr(Checker, "timeout_s", 10.0**6)
    grader = SandboxGrader()
    app = build(drill="tiny-sgd", grader=grader)
    try:
        async with app.run_test(message_hook=recorder) as pilot:
            screen = await showing(pilot, DrillScreen)
            screen.query_one("#editor", TextArea).load_text("import time\ntime.sleep(10**6)\n")
            await pilot.press("ctrl+r")
            # the worker first starts (numpy imported in it): a sandbox's ceiling
            assert await wait_until(
                pilot, lambda: bool(grader._pool and grader._pool.running_pids), WARM_WITHIN_SECONDS
            ), "the sandbox never ran the submission"
            pool = grader._pool
            assert pool is not None
            (pid,) = pool.running_pids
            processes = [pid, *descendants(pid)]
            await pilot.press("escape")
            assert await wait_until(pilot, lambda: app.screen is not screen)
            # the grading thread reaps the child and hands the worker back: a ceiling, not a time
            assert await wait_until(pilot, lambda: not pool.running_pids)
            assert await wait_until(pilot, lambda: not any(alive(p) for p in processes))
            await app.workers.wait_for_complete()
            await settle(pilot)
            assert app.workspace.store.attempts(card_id="tiny-sgd") == []
            said = notices(recorder)
            assert any("Grading stopped: nothing was recorded" in text for text in said), said
            assert not any("GradingAbandonedError" in text for text in said), said
            again = app.workspace.open_drill("tiny-sgd")
            verdict = app.workspace.grade(again, SOLUTION)
            assert verdict.passed, verdict
    finally:
        grader.close()
