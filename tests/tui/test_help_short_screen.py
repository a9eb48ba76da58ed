"""The help on a screen under 24 rows: its table scrolls, and its scroll bar took two
cells from the rows, so Home's longest ("Settings: interview plan, daily limits, steps,
mock") read "steps, moc" at 80x20 (a browser tab of `drillbit serve` is about that
high) and the table scrolled sideways too."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from quiz.tui.screens.help import BOX_WIDTH, HelpScreen
from tests.tui.conftest import AppFactory, press, screen_lines, settle, showing, wait_until


@pytest.mark.parametrize("height", [14, 20, 24, 40])
async def test_every_help_row_is_whole_whether_or_not_the_table_scrolls(
    build: AppFactory, height: int
) -> None:
    app = build()
    async with app.run_test(size=(80, height)) as pilot:
        await press(pilot, "question_mark")
        help_screen = await showing(pilot, HelpScreen)
        table = help_screen.query_one(DataTable)
        assert await wait_until(pilot, lambda: table.row_count == len(help_screen.rows))
        await settle(pilot)
        scrolls = table.virtual_size.height > table.scrollable_content_region.height
        assert scrolls is (height < 24)  # the case this is about, and the one it was not
        assert table.virtual_size.width <= table.scrollable_content_region.width
        # at 14 rows the Settings row is below the fold since `a` got its row: scrolled to
        settings = next(
            at for at, (_, said) in enumerate(help_screen.rows) if "daily limits" in said
        )
        table.move_cursor(row=settings)
        await settle(pilot)
        drawn = " ".join(line.text for line in screen_lines(app))
        assert "daily limits, steps, mock" in drawn
        box = help_screen.query_one("#help-box").region.width
        assert box == BOX_WIDTH + (2 if scrolls else 0)  # no wider than it needs
