"""On a narrow terminal (60x15 with the bundled bank; narrower for the tests' short
titles) nothing important needs a sideways scroll or is cut: Home gives up its
suspended and total columns (and brings them back when wider), the header shortens its
subtitle rather than cutting it, and a session's footer keeps esc End after Help."""

from __future__ import annotations

from textual.widgets import DataTable

from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from tests.tui.conftest import AppFactory, press, screen_lines, settle, showing

ALL = ["name", "today", "new", "learning", "review", "suspended", "total"]


def _columns(table: DataTable[object]) -> list[str]:
    return [str(key.value) for key in table.columns]


async def test_home_gives_up_its_last_columns_rather_than_scroll_sideways(
    build: AppFactory,
) -> None:
    app = build()
    async with app.run_test(size=(46, 15)) as pilot:
        home = await showing(pilot, HomeScreen)
        await settle(pilot)
        table = home.query_one(DataTable)
        assert _columns(table) == ALL[:5]
        assert table.virtual_size.width <= table.scrollable_content_region.width
        top = screen_lines(app)[0].text
        assert "drillbit — interview prep" in top and "…" not in top, top
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        assert _columns(table) == ALL
        assert "interview prep: quizzes and NumPy drills" in screen_lines(app)[0].text
        assert table.virtual_size.width <= table.scrollable_content_region.width
        await pilot.resize_terminal(46, 15)
        await settle(pilot)
        assert _columns(table) == ALL[:5]
        assert table.row_count == len(home.rows)


async def test_a_session_s_footer_keeps_its_way_out_when_narrow(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(46, 15)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "c")
        await showing(pilot, StudyScreen)
        await press(pilot, "space")
        await settle(pilot)
        footer = screen_lines(app)[-1].text
        assert footer.startswith("? Help esc End "), footer
