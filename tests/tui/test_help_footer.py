"""The help shows its own keys at the bottom, not those of the screen under it."""

from __future__ import annotations

from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.home import HomeScreen
from tests.tui.conftest import AppFactory, press, screen_lines, settle, showing


async def test_the_help_over_home_shows_its_own_footer(build: AppFactory) -> None:
    """The help over Home at 80x24 had Home's "d Due  c Cram ... s Stats" under it, none
    of which did anything while the help was up."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, HomeScreen)
        await settle(pilot)
        home_bottom = screen_lines(app)[-1].text
        assert "Cram" in home_bottom, home_bottom
        await press(pilot, "question_mark")
        await showing(pilot, HelpScreen)
        await settle(pilot)
        bottom = screen_lines(app)[-1].text
        assert "esc Close" in bottom, bottom
        assert "Cram" not in bottom and "Stats" not in bottom, bottom
        await press(pilot, "escape")
        await showing(pilot, HomeScreen)
        await settle(pilot)
        assert screen_lines(app)[-1].text == home_bottom
