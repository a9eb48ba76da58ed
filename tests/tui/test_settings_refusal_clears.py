"""A refused value's red line goes at the box's next edit (fifty-third round): it stayed
under the box while a new value was typed, speaking of text no longer there, where the
number card's "Nothing typed" goes as soon as the box changes."""

from __future__ import annotations

from typing import Any

from textual.app import App

from tests.tui.conftest import AppFactory, press, screen_lines, settle
from tests.tui.test_settings_burst import _settings_on


def _drawn(app: App[Any]) -> str:
    return "\n".join(line.text for line in screen_lines(app))


async def test_a_refused_number_leaves_the_line_at_the_first_key_typed(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _settings_on(pilot, "new_per_day")
        await press(pilot, "enter", "ctrl+u", *"lots", "enter")
        await settle(pilot)
        assert screen.editing == "new_per_day"
        refused = _drawn(app)
        assert "'lots'" in refused, refused
        await press(pilot, "ctrl+u")  # the first edit: the box emptied
        await settle(pilot)
        drawn = _drawn(app)
        assert "'lots'" not in drawn, drawn
        assert "new_per_day: New cards per day" in drawn, drawn  # what it does, still
        await press(pilot, "7", "enter")
        await settle(pilot)
        assert screen.editing is None and app.workspace.settings.new_per_day == 7


async def test_a_refused_date_leaves_the_line_as_a_new_one_is_typed(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _settings_on(pilot, "interview")
        await press(pilot, "enter", *"2026-13-40", "enter")
        await settle(pilot)
        assert screen.editing == "interview" and "2026-13-40" in _drawn(app)
        await press(pilot, "backspace")
        await settle(pilot)
        drawn = _drawn(app)
        assert "2026-13-40" not in drawn and "2026-13-4" in drawn, drawn  # the box's value
        # a second refusal is said again, and goes again at the next key
        await press(pilot, "enter")
        await settle(pilot)
        assert "2026-13-4" in _drawn(app).split("\n", 1)[1] and screen.box_refusal
        await press(pilot, "x")
        await settle(pilot)
        assert not screen.box_refusal
