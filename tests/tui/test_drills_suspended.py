"""The drill list says a suspended drill is suspended, as the card browser does, and how
to put it back: it said "not started", and `n` and enter gave no hint it was set aside."""

from __future__ import annotations

from textual.widgets import DataTable, Label

from quiz.drills_view import PUT_BACK
from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.screens.drills import DrillsScreen
from tests.tui.conftest import AppFactory, press, searched, settle, showing


def state_cell(listing: DrillsScreen) -> str:
    return str(listing.query_one(DataTable).get_row_at(0)[1])


def heading(listing: DrillsScreen) -> str:
    return str(listing.query_one("#drills-title", Label).content)


async def test_a_suspended_drill_says_so_and_how_to_put_it_back(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "l")
        await settle(pilot)
        listing = await showing(pilot, DrillsScreen)
        assert state_cell(listing) == "not started"
        assert "suspended" not in heading(listing)
        await press(pilot, "escape", "b")
        await settle(pilot)
        browser = await showing(pilot, BrowserScreen)
        await press(pilot, *"tiny-sgd")
        await searched(pilot)
        assert [row.card.id for row in browser.shown] == ["tiny-sgd"]
        await press(pilot, "ctrl+s")  # suspend it
        await settle(pilot)
        assert [row.state for row in browser.shown] == ["suspended"]
        await press(pilot, "escape", "l")
        await settle(pilot)
        listing = await showing(pilot, DrillsScreen)
        assert [(row.id, row.state) for row in listing.rows] == [("tiny-sgd", "not started")]
        assert state_cell(listing) == "suspended", "the browser's word, not 'not started'"
        said = heading(listing)
        assert "1 suspended" in said and PUT_BACK in said
        widths = {c.key.value: c.width for c in listing.query_one(DataTable).ordered_columns}
        assert widths["state"] >= len("suspended"), "the cell is whole"
        # what the heading says works: ctrl+s in Cards puts it back
        await press(pilot, "escape", "b")
        await settle(pilot)
        browser = await showing(pilot, BrowserScreen)
        await press(pilot, *"tiny-sgd")
        await searched(pilot)
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert [row.state for row in browser.shown] == ["new"]
        await press(pilot, "escape", "l")
        await settle(pilot)
        listing = await showing(pilot, DrillsScreen)
        assert state_cell(listing) == "not started"
        assert "suspended" not in heading(listing)
