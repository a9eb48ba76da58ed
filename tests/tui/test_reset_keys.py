"""The two reset keys are offered only where they reset something (forty-seventh round).

A first week showed both on nothing: the drill's ^n on the starter code asked "Reset the
code to the starter? Your draft is lost." of a drill never typed in, and the card browser's
^r on a new card (every card, the first days) asked "Its schedule is forgotten." and then
said "New again". Each comes with something to reset and goes with it.
"""

from __future__ import annotations

from textual.widgets import DataTable, TextArea

from quiz.drill_grading import starter_text
from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.drill import DrillScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import (
    AppFactory,
    footer_descriptions,
    press,
    screen_lines,
    searched,
    settle,
    showing,
)


async def test_the_drills_reset_comes_with_typed_code_and_goes_with_it(
    build: AppFactory,
) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        drill = await showing(pilot, DrillScreen)
        editor = drill.query_one("#editor", TextArea)
        starter = starter_text(drill.sitting.card)
        assert editor.text == starter
        assert "Reset" not in footer_descriptions(drill)
        assert "Grade" in footer_descriptions(drill)
        await press(pilot, "ctrl+n")  # nothing to reset: no question
        assert app.screen is drill and editor.text == starter
        await press(pilot, "end", "x")  # typed: the key comes
        assert editor.text != starter
        assert "Reset" in footer_descriptions(drill)
        assert "^n Reset" in screen_lines(app)[-1].text
        await press(pilot, "backspace")  # the starter again, by hand: the key goes
        assert editor.text == starter
        assert "Reset" not in footer_descriptions(drill)
        editor.insert("# mine\n")
        await settle(pilot)
        await press(pilot, "ctrl+n")
        await showing(pilot, ConfirmScreen)
        await press(pilot, "y")
        await showing(pilot, DrillScreen)
        await settle(pilot)
        assert editor.text == starter
        assert "Reset" not in footer_descriptions(drill)


async def test_a_draft_opens_with_the_reset_key(build: AppFactory) -> None:
    """Code kept from an earlier visit is something to reset from the first frame."""
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        drill = await showing(pilot, DrillScreen)
        drill.query_one("#editor", TextArea).insert("# mine\n")
        await settle(pilot)
        drill.save_draft()
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        drill = await showing(pilot, DrillScreen)
        assert drill.query_one("#editor", TextArea).text.startswith("# mine")
        assert "Reset" in footer_descriptions(drill)


async def test_the_browsers_reset_is_offered_on_a_studied_card_only(build: AppFactory) -> None:
    app = build(study=StudyRequest(kind="choice"))
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "2", "enter", "space")  # right: the card is scheduled
        await press(pilot, "escape", "escape")  # the session ended, its summary left
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await searched(pilot)
        states = [row.state for row in browser.shown]
        assert "new" in states and "learning" in states, states
        studied = states.index("learning")
        table = browser.query_one("#browser-table", DataTable)
        for row, state in enumerate(states[:6]):
            table.move_cursor(row=row)
            await settle(pilot)
            assert ("Reset" in footer_descriptions(browser)) is (state != "new"), (row, state)
        table.move_cursor(row=studied)
        await settle(pilot)
        await press(pilot, "ctrl+r")
        await showing(pilot, ConfirmScreen)
        await press(pilot, "y")
        await showing(pilot, BrowserScreen)
        await settle(pilot)
        assert browser.shown[studied].state == "new"
        assert "Reset" not in footer_descriptions(browser)  # new again: nothing to forget
        table.move_cursor(row=0 if studied else 1)
        await settle(pilot)
        count = app.workspace.store.review_count()
        await press(pilot, "ctrl+r")  # a new card: no question, nothing forgotten
        assert app.screen is browser
        assert app.workspace.store.review_count() == count
