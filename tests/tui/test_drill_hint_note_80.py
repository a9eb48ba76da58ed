"""A drill's hint note at 80x24, read whole in every state a notice comes with: a pass's
notice at the top right covered the columns past 38 of the task's first rows, and the note
"2 hints left: ^t (or h outside the editor)" read "... (or h outside the edi"."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from textual.widgets import Static, TextArea
from textual.widgets._toast import Toast

from engine.verdict import CaseResult, CaseStatus, Status, build_verdict
from quiz.tui.screens.drill import DrillScreen
from tests.tui.conftest import (
    SOLUTION,
    WRONG,
    AppFactory,
    inprocess_grade,
    press,
    screen_lines,
    settle,
    showing,
    wait_until,
)

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from engine.verdict import Verdict
    from quiz.drill_grading import Drill
    from quiz.tui.app import DrillbitApp

LOOPS = "while True:"
"""A submission the grader below answers with a timeout, as the sandbox does."""


def grade(drill: Drill, source: str) -> Verdict:
    if LOOPS in source:
        case = CaseResult(name="case 1", status=CaseStatus.TIMEOUT, message="time limit")
        return build_verdict(
            drill.checker.name, [case], status=Status.TIMEOUT, seed=1, duration_ms=1, isolation=[]
        )
    return inprocess_grade(drill, source)


async def note_whole_beside_a_notice(app: DrillbitApp, pilot: Pilot[None]) -> str:
    """The hint note's text, found whole on one drawn row while a notice is on screen."""
    screen = app.screen
    assert await wait_until(pilot, lambda: bool(list(screen.query(Toast))))
    await settle(pilot)
    note = str(screen.query_one(".hint-note", Static).render())
    rows = [strip.text for strip in screen_lines(app)]
    assert any(note in row for row in rows), (note, rows)
    return note


async def submit(app: DrillbitApp, pilot: Pilot[None], code: str) -> None:
    app.screen.query_one("#editor", TextArea).load_text(code)
    await press(pilot, "ctrl+r")
    await app.workers.wait_for_complete()
    await settle(pilot)


async def test_the_hint_note_is_whole_at_80x24_in_each_state_of_a_drill(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build(drill="tiny-sgd", grader=grade)
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)  # on screen while looked at
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await showing(pilot, DrillScreen)
        await submit(app, pilot, SOLUTION)  # a pass with no hint seen: two left
        assert screen.sitting.progress.passed
        assert await note_whole_beside_a_notice(app, pilot) == "2 hints left: ^t (h outside editor)"

        await submit(app, pilot, WRONG)
        assert "FAILED" in str(screen.query_one("#verdict-status").render())
        await press(pilot, "ctrl+t")  # from the editor: a hint, with a failure's notice
        await settle(pilot)
        assert await note_whole_beside_a_notice(app, pilot) == "1 hint left: ^t (h outside editor)"

        loop = SOLUTION.replace("return", f"{LOOPS}\n        pass\n    return")
        await submit(app, pilot, loop)
        assert "TIMEOUT" in str(screen.query_one("#verdict-status").render())
        await note_whole_beside_a_notice(app, pilot)

        await press(pilot, "ctrl+n", "y")  # reset, confirmed: "Back to the starter code."
        await settle(pilot)
        assert "raise NotImplementedError" in screen.query_one("#editor", TextArea).text
        await note_whole_beside_a_notice(app, pilot)
