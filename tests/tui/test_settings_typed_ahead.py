"""Keys typed in one burst after enter on a setting (ctrl+u and a new value, typed fast or
sent by tmux) go in its box: they reached the table before the box was open, which lost
the new value and left the old one open, and ctrl+u could empty the box for the next enter
to save (`quiz.tui.widgets.held_input`)."""

from __future__ import annotations

from datetime import UTC, date

from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from quiz.tui.screens.settings import ROWS, SettingsScreen
from tests.tui.conftest import AppFactory, press, settle, showing


def _burst(pilot: Pilot[None], *keys: str) -> None:
    """The keys as a terminal sends a burst: all read before the first is handled."""
    named = {"enter": None, "ctrl+u": "\x15"}
    for key in keys:
        pilot.app.post_message(events.Key(key, named.get(key, key)))


async def _settings_on(pilot: Pilot[None], row: str) -> SettingsScreen:
    await press(pilot, "comma")
    screen = await showing(pilot, SettingsScreen)
    screen.query_one(DataTable).move_cursor(row=ROWS.index(row))
    await settle(pilot)
    return screen


async def test_ctrl_u_and_a_value_typed_in_a_burst_are_saved(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _settings_on(pilot, "new_per_day")
        _burst(pilot, "enter", "ctrl+u", "4", "5", "enter")
        await settle(pilot)
        assert app.workspace.settings.new_per_day == 45
        assert screen.editing is None, "the last enter saved it"
        _burst(pilot, "enter", "ctrl+u", "7")  # no enter: the box holds what was typed
        await settle(pilot)
        assert screen.editing == "new_per_day"
        assert screen.query_one("#settings-input", Input).value == "7"
        assert app.workspace.settings.new_per_day == 45, "nothing saved before enter"


async def test_a_burst_on_the_interview_date_sets_it_and_never_clears_the_plan(
    build: AppFactory,
) -> None:
    """An empty date clears the plan: the burst's ctrl+u alone must never be what is saved."""
    app = build()
    app.workspace.tz = UTC  # the fake clock's day: 2026-03-02
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _settings_on(pilot, "interview")
        _burst(pilot, "enter", "ctrl+u", *"2026-03-20", "enter")
        await settle(pilot)
        plan = app.workspace.store.interview_plan()
        assert plan is not None and plan.interview == date(2026, 3, 20)
        _burst(pilot, "enter", "ctrl+u", *"2026-04-01", "enter")
        await settle(pilot)
        plan = app.workspace.store.interview_plan()
        assert plan is not None and plan.interview == date(2026, 4, 1), "moved, not cleared"
        assert screen.editing is None
