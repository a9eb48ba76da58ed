"""A drill passed with `drillbit grade FILE` reopens as one passed in the app or under
`drillbit watch` does (forty-ninth round): on the starter, the passing code one key away
(ctrl+o), and the note names the file. `grade` records no review, so the drill reopened
on the passed code as on work in progress, with no word of the pass: a review then passed
by pressing ctrl+r on it, no recall asked."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from quiz.drill_grading import starter_text
from quiz.tui.screens.drill import DrillScreen
from tests.conftest import RunDrillbit
from tests.tui.conftest import (
    SOLUTION,
    START,
    WRONG,
    AppFactory,
    press,
    screen_lines,
    settle,
    showing,
)
from tests.tui.test_drill import editor_of

NOTE = "Opened on the starter; ^o puts back the code you passed with in mine.py."


def graded(drillbit: RunDrillbit, tui_bank: Path, tmp_path: Path, code: str) -> int:
    """`drillbit grade tiny-sgd mine.py` with `code` in mine.py, an hour before the app's
    clock; its exit status."""
    mine = tmp_path / "mine.py"
    mine.write_text(code, encoding="utf-8")
    args = ("--content", str(tui_bank), "grade", "tiny-sgd", str(mine))
    result = drillbit(*args, now=START - timedelta(hours=1))
    return result.returncode


def shown(screen: DrillScreen) -> str:
    """The drill screen's rows as one text, each row stripped, joined by spaces (a note
    wraps at 80 columns)."""
    return " ".join(line.text.strip() for line in screen_lines(screen.app))


async def test_a_drill_passed_from_a_file_opens_on_the_starter_with_that_code_a_key_away(
    build: AppFactory, drillbit: RunDrillbit, tui_bank: Path, tmp_path: Path
) -> None:
    assert graded(drillbit, tui_bank, tmp_path, SOLUTION) == 0
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        drill = await showing(pilot, DrillScreen)
        await settle(pilot)
        starter = starter_text(drill.sitting.card)
        assert editor_of(drill).text == starter
        assert NOTE in shown(drill), shown(drill)
        assert "You passed this drill before." in shown(drill)
        await press(pilot, "ctrl+o")
        assert editor_of(drill).text == SOLUTION


async def test_a_drill_failed_from_a_file_opens_on_that_code(
    build: AppFactory, drillbit: RunDrillbit, tui_bank: Path, tmp_path: Path
) -> None:
    assert graded(drillbit, tui_bank, tmp_path, WRONG) == 1
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        drill = await showing(pilot, DrillScreen)
        await settle(pilot)
        assert editor_of(drill).text == WRONG, "work in progress: the code to fix"
        assert "ctrl+o" not in shown(drill)
        assert drill.sitting.previous_code is None
        assert not drill.check_action("previous_code", ())


async def test_code_typed_in_the_app_after_the_pass_is_what_the_drill_opens_on_next(
    build: AppFactory, drillbit: RunDrillbit, tui_bank: Path, tmp_path: Path
) -> None:
    assert graded(drillbit, tui_bank, tmp_path, SOLUTION) == 0
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        drill = await showing(pilot, DrillScreen)
        editor_of(drill).load_text(WRONG)  # another go, from the starter, left unfinished
        await press(pilot, "escape")
        await settle(pilot)
    again = build(drill="tiny-sgd")
    async with again.run_test(size=(80, 24)) as pilot:
        drill = await showing(pilot, DrillScreen)
        await settle(pilot)
        assert editor_of(drill).text == WRONG
        assert drill.sitting.previous_code is None
