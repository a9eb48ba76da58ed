"""A drill passed before, opened again, says in one line what is in the editor and what
ctrl+o does: "A review starts from the starter code: ctrl+o brings back your previous code."
spoke of a review to a person who had opened it from the card browser, as a rustlings or
Exercism user opens a done exercise, and left which code was in the editor to guess."""

from __future__ import annotations

from quiz.drill_grading import starter_text
from quiz.tui.screens.drill import DrillScreen
from tests.tui.conftest import (
    SOLUTION,
    AppFactory,
    Recorder,
    notices,
    press,
    screen_lines,
    settle,
    showing,
)
from tests.tui.test_drill import editor_of, grade_now

NOTE = "Opened on the starter; ^o puts back your code from last time."


async def test_the_note_names_the_starter_and_the_key_and_ctrl_z_undoes_it(
    build: AppFactory, recorder: Recorder
) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        first = await showing(pilot, DrillScreen)
        assert NOTE not in [line.text.strip() for line in screen_lines(app)], "nothing kept yet"
        editor_of(first).load_text(SOLUTION)
        await grade_now(app, pilot)
        assert first.sitting.progress.passed
        await press(pilot, "escape")
        await settle(pilot)
    again = build(drill="tiny-sgd")
    async with again.run_test(size=(80, 24), message_hook=recorder) as pilot:
        drill = await showing(pilot, DrillScreen)
        await settle(pilot)
        starter = starter_text(drill.sitting.card)
        assert editor_of(drill).text == starter, "what the note says is in the editor"
        rows = [line.text.strip() for line in screen_lines(again)]
        assert NOTE in rows, rows  # one line of its own at 80 columns, whole
        assert not any("review starts" in row for row in rows), rows
        await press(pilot, "ctrl+o")
        assert editor_of(drill).text == SOLUTION, "the passing code, back"
        assert notices(recorder)[-1] == ("Your code from last time is in the editor; ^z undoes it.")
        await press(pilot, "ctrl+z")
        assert editor_of(drill).text == starter, "^z undoes it, as the notice says"
