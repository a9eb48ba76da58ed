"""A true/false setting switches with enter, as a checkbox does, with no box to type in."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Static

from quiz.settings import load_settings
from quiz.tui.screens.settings import ROWS, SettingsScreen
from tests.tui.conftest import AppFactory, press, settle, showing


def _help(screen: SettingsScreen) -> str:
    return str(screen.query_one("#settings-help", Static).render())


async def test_enter_switches_a_true_false_setting_and_saves_it(
    build: AppFactory, _isolated_home: Path
) -> None:
    """Enter opened a box holding "true", and a newcomer had to know to type "false" (or
    "no") to turn shuffling off. It switches the value and saves it at once."""
    app = build()  # shuffle_choices=False
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "comma")
        screen = await showing(pilot, SettingsScreen)
        assert "or switches a true/false one" in _help(screen)
        screen.query_one(DataTable).move_cursor(row=ROWS.index("shuffle_choices"))
        await press(pilot, "enter")
        await settle(pilot)
        assert screen.editing is None and not screen.query_one(Input).display
        assert app.workspace.settings.shuffle_choices is True
        assert load_settings(_isolated_home / "config.toml").shuffle_choices is True
        assert _help(screen).startswith("shuffle_choices = true (saved)\n")
        await press(pilot, "enter")
        await settle(pilot)
        assert app.workspace.settings.shuffle_choices is False
        assert _help(screen).startswith("shuffle_choices = false (saved)\n")
        assert screen.query_one(DataTable).has_focus
        # a number is still typed in its box
        screen.query_one(DataTable).move_cursor(row=ROWS.index("mock_minutes"))
        await press(pilot, "enter")
        await settle(pilot)
        assert screen.editing == "mock_minutes" and screen.query_one(Input).display
