"""The session summary's help names its panes' keys in its own words: it listed Textual's
eight names of the scrolled body ("↑  Scroll Up", "←  Scroll Left", "pgdn  Page Down")
under "In the focused widget:", 18 rows (the header counted) in a table of 17 at 80x24,
cut before "Page Down"."""

from __future__ import annotations

from quiz.tui.screens.help import table_height
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.tui.conftest import AppFactory, press, settle, showing
from tests.tui.test_help_meanings import _help_fits


async def test_the_summarys_help_says_what_its_panes_keys_do_and_is_whole_at_80x24(
    build: AppFactory,
) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "d")
        await press(pilot, "2", "enter", "escape")
        summary = await showing(pilot, SummaryScreen)
        body = await _help_fits(pilot)
        assert body[-3:] == list(SummaryScreen.SCROLL_KEYS)
        said = " ".join(what for _keys, what in body)
        assert "In the focused widget" not in said
        assert "Scroll Left" not in said and "Page Down" not in said
        assert len(body) + 1 <= table_height(24)  # the header too: no row below the fold

        await press(pilot, "tab")  # to the cards' table
        await settle(pilot)
        assert summary.focused is summary.query_one("#summary-table")
        table = await _help_fits(pilot)
        assert table[-3:] == list(SummaryScreen.TABLE_KEYS)
        assert len(table) + 1 <= table_height(24)
