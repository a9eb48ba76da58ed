"""A yes/no question shows its own keys at the bottom, not those of the screen under it."""

from __future__ import annotations

from textual.widgets import TextArea

from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.drill import DrillScreen
from tests.tui.conftest import AppFactory, press, screen_lines, settle, showing


async def test_a_question_over_the_drill_shows_y_and_n_in_the_footer(build: AppFactory) -> None:
    """The question "Reset the code to the starter?" over a drill at 80x24 had "^r Grade  ^t Hint ...
    esc Back" under it (and "⏎ Open drill  s Skip  esc End" under a mock's "End the mock
    interview now?"), none of which did anything while the question was up."""
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        drill = await showing(pilot, DrillScreen)
        drill.query_one("#editor", TextArea).insert("# mine\n")  # something to reset
        await settle(pilot)
        await press(pilot, "ctrl+n")
        await showing(pilot, ConfirmScreen)
        await settle(pilot)
        bottom = screen_lines(app)[-1].text
        assert "y Yes" in bottom and "n No" in bottom, bottom
        assert "Grade" not in bottom and "Back" not in bottom, bottom
        await press(pilot, "n")
        await showing(pilot, DrillScreen)
        await settle(pilot)
        assert "Grade" in screen_lines(app)[-1].text
