"""A setting that counts minutes says so where its number is read: the settings screen
showed "minutes_per_day 30 The plan's daily study budget (1-1440)." and "mock_minutes 20
Length of a mock interview.", a number whose unit only the key's name hinted at (1440 read
as a count of anything). Each row's description names the unit, as the line after a save
("30 min/day") already did."""

from __future__ import annotations

from textual.widgets import DataTable

from quiz.tui.screens.settings import ROWS, SettingsScreen
from tests.tui.conftest import AppFactory, press, screen_lines, set_plan, settle, showing

MINUTES = ("minutes_per_day", "mock_minutes")


async def test_each_minutes_row_names_its_unit_beside_its_number(build: AppFactory) -> None:
    app = build()
    set_plan(app.workspace, 14, 30.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "comma")
        await settle(pilot)
        screen = await showing(pilot, SettingsScreen)
        table = screen.query_one(DataTable)
        for key in MINUTES:
            name, value, what = table.get_row_at(ROWS.index(key))
            assert str(value).isdigit(), (key, value)
            assert "minutes" in str(what).lower(), (key, str(what))
        lines = [line.text.strip() for line in screen_lines(app)]
        # each still one line at 80 columns: a second pushed the last row off the screen
        assert any(line.endswith("Minutes a day the plan may use (1-1440).") for line in lines)
        assert any(line.endswith("Length of a mock interview in minutes.") for line in lines)
