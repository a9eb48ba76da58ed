"""A drill left after its starter was graded (NOT WRITTEN YET, no try) said "Not graded
yet" under the card: it was graded, the person saw the verdict. The hint says no answer
is written yet; a drill left before any grading still says it is not graded."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from quiz.study_view import NO_ANSWER, NOT_GRADED
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, press, showing
from tests.tui.test_drill import grade_now


def _hint(study: StudyScreen) -> str:
    return str(study.query_one("#study-status", Static).render())


@pytest.mark.parametrize("mode", ["mock", "cram"])
async def test_a_drill_left_after_its_starter_was_graded_is_not_called_ungraded(
    build: AppFactory, mode: str
) -> None:
    app = build(study=StudyRequest(mode=mode, kind="coding"))  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        await press(pilot, "enter")
        await showing(pilot, DrillScreen)
        await press(pilot, "escape")  # left before any grading
        await showing(pilot, StudyScreen)
        assert _hint(study) == NOT_GRADED
        await press(pilot, "enter")
        drill = await showing(pilot, DrillScreen)
        await grade_now(app, pilot)  # the starter: NOT WRITTEN YET, no try
        assert drill.sitting.last_verdict is not None and drill.sitting.attempts == 0
        await press(pilot, "escape")
        await showing(pilot, StudyScreen)
        assert _hint(study) == NO_ANSWER
        assert study.phase == "question" and study.card is not None
