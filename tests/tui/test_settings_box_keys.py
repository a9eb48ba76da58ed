"""The settings' value box says its keys (fifty-second round): while a value was edited the
footer showed "esc Cancel" alone, the help listed the table's "↑, ↓  Move between settings"
over a box that had the focus and no enter, and the interview date opened on an empty box
with its format only in the wrapped line under it."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from quiz.tui.screens.help import help_rows
from quiz.tui.screens.settings import INTERVIEW_FORMAT, SettingsScreen
from tests.tui.conftest import AppFactory, press, settle
from tests.tui.test_footer import described
from tests.tui.test_settings_burst import _settings_on


async def test_the_box_shows_save_in_the_footer_and_its_keys_in_the_help(
    build: AppFactory,
) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _settings_on(pilot, "new_per_day")
        table_help = [what for _keys, what in help_rows(app, screen)]
        assert "Move between settings" in table_help
        assert described(app).get("Edit") is False and "Save" not in described(app)
        await press(pilot, "enter")
        await settle(pilot)
        assert screen.editing == "new_per_day"
        keys = described(app)
        assert keys.get("Save") is False and keys.get("Cancel") is False, keys
        assert "Edit" not in keys and "Back" not in keys, keys
        box_help = help_rows(app, screen)
        assert ("enter", "Save: save the typed value") in box_help, box_help
        assert "Move between settings" not in [what for _keys, what in box_help]
        await press(pilot, "ctrl+u", "7", "enter")  # the box's own enter saves, as before
        await settle(pilot)
        assert screen.editing is None and app.workspace.settings.new_per_day == 7
        assert "Edit" in described(app) and "Save" not in described(app)


async def test_the_empty_interview_box_shows_the_dates_format(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _settings_on(pilot, "interview")
        await press(pilot, "enter")
        await settle(pilot)
        box = screen.query_one(Input)
        assert box.value == "" and box.placeholder == INTERVIEW_FORMAT
        await press(pilot, *"2026-03-20", "enter")
        await settle(pilot)
        plan = app.workspace.store.interview_plan()
        assert plan is not None and plan.interview == date(2026, 3, 20)
        await screen.run_action("edit")  # a plan now: the box holds its date
        await settle(pilot)
        assert box.value == "2026-03-20" and box.placeholder == INTERVIEW_FORMAT
        await press(pilot, "escape")
        await press(pilot, "down", "enter")  # the next row, minutes: no placeholder either
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen) and box.placeholder == ""
