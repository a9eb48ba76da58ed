"""A try is an answer the person wrote: a run whose every case stopped at the starter's
NotImplementedError (NOT WRITTEN YET) is graded to show what fails, and counts as no try in
the drill list, whether the starter is untouched or only had an import or a comment added.
A wrong answer written still counts."""

from __future__ import annotations

from quiz.drill_grading import NOT_WRITTEN_NOT_COUNTED, STARTER_NOT_COUNTED
from quiz.drill_list import drill_rows
from quiz.tui.screens.drill import DrillScreen
from quiz.verdict_text import NOT_WRITTEN_HEADLINE
from tests.tui.conftest import WRONG, AppFactory, Recorder, notices, showing
from tests.tui.test_drill import editor_of, grade_now

BEGUN = """import numpy as np
import math  # a first line of the person's, the function still the starter's


def sgd_step(theta, grad, lr):
    # step against the gradient
    raise NotImplementedError
"""


def _tries(app: object) -> int:
    ws = app.workspace  # type: ignore[attr-defined]
    (row,) = [row for row in drill_rows(ws.content.refs, ws.store) if row.id == "tiny-sgd"]
    return row.attempts


async def test_a_run_that_stopped_at_the_starters_raise_is_no_try(
    build: AppFactory, recorder: Recorder
) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24), message_hook=recorder) as pilot:
        screen = await showing(pilot, DrillScreen)
        await grade_now(app, pilot)  # the starter as handed out
        assert notices(recorder)[-1] == STARTER_NOT_COUNTED
        editor_of(screen).load_text(BEGUN)
        await grade_now(app, pilot)
        status = str(screen.query_one("#verdict-status").render())
        assert status.startswith(f" {NOT_WRITTEN_HEADLINE} ")
        assert notices(recorder)[-1] == NOT_WRITTEN_NOT_COUNTED
        assert app.workspace.store.attempts(card_id="tiny-sgd") == []
        assert _tries(app) == 0
        assert screen.sitting.progress.failed_attempts == 0
        editor_of(screen).load_text(WRONG)  # an answer written, wrong: a try
        await grade_now(app, pilot)
        assert [a.status for a in app.workspace.store.attempts(card_id="tiny-sgd")] == ["failed"]
        assert _tries(app) == 1
        said = notices(recorder)
        assert (said.count(STARTER_NOT_COUNTED), said.count(NOT_WRITTEN_NOT_COUNTED)) == (1, 1)
