"""Keys typed in one burst after enter on a setting (ctrl+u and a new value, typed fast,
pasted, or sent by tmux) go in its box, in order: they reached the table before the box was
open, so the new value was lost, the old one was left open and the burst's last enter did
nothing (`quiz.tui.key_gate`). The keys typed before that enter still act before it: an
arrow moves the cursor first (tests/tui/test_keys_together.py)."""

from __future__ import annotations

from datetime import UTC, date

from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from quiz.tui.screens.settings import ROWS, SettingsScreen
from tests.tui.conftest import AppFactory, press, settle, showing


def _burst(pilot: Pilot[None], *keys: str) -> None:
    """The keys as a terminal delivers a burst: all read before the first is handled
    (`pilot.press` waits between keys, which hid the loss)."""
    named = {"enter": "\r", "ctrl+u": "\x15", "escape": "\x1b", "backspace": "\x7f"}
    for key in keys:
        character = named.get(key, key if len(key) == 1 else None)
        pilot.app.post_message(events.Key(key, character))


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


async def test_arrows_before_the_enter_move_first_and_the_value_goes_in_the_box(
    build: AppFactory,
) -> None:
    """The keys before enter are not held: down down moves two rows, then the box opens."""
    app = build()
    start = ROWS.index("new_per_day")
    below = ROWS[start + 2]
    assert below == "desired_retention"
    async with app.run_test(size=(80, 24)) as pilot:
        await _settings_on(pilot, "new_per_day")
        _burst(pilot, "down", "down", "enter", "ctrl+u", *"0.85", "enter")
        await settle(pilot)
        assert app.workspace.settings.desired_retention == 0.85
        assert app.workspace.settings.new_per_day == 20, "the row left is untouched"


async def test_escape_typed_after_the_enter_cancels_the_edit_and_stays(
    build: AppFactory,
) -> None:
    """Read at once, the escape left the screen (Back) while the box was opening."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _settings_on(pilot, "new_per_day")
        _burst(pilot, "enter", "ctrl+u", "9", "escape")
        await settle(pilot)
        assert app.screen is screen
        assert screen.editing is None
        assert not screen.query_one("#settings-input", Input).display
        assert app.workspace.settings.new_per_day == 20


async def test_a_burst_on_the_interview_date_sets_it_and_never_clears_the_plan(
    build: AppFactory,
) -> None:
    """An empty date clears the plan: the burst's ctrl+u alone must never be what is saved."""
    app = build()
    app.workspace.tz = UTC  # the fake clock's day: 2026-03-02
    async with app.run_test(size=(80, 24)) as pilot:
        await _settings_on(pilot, "interview")
        _burst(pilot, "enter", "ctrl+u", *"2026-03-20", "enter")
        await settle(pilot)
        plan = app.workspace.store.interview_plan()
        assert plan is not None and plan.interview == date(2026, 3, 20)
        _burst(pilot, "enter", "ctrl+u", *"2026-04-01", "enter")
        await settle(pilot)
        plan = app.workspace.store.interview_plan()
        assert plan is not None and plan.interview == date(2026, 4, 1)


async def test_a_switch_then_keys_in_one_burst_act_in_order(build: AppFactory) -> None:
    """A true/false row switches at enter (no box): the keys after it go to the table, in
    order, so down and enter then open the row below."""
    app = build()
    switch = next(
        key for key in ROWS if isinstance(getattr(app.workspace.settings, key, None), bool)
    )
    below = ROWS[ROWS.index(switch) + 1]
    before = getattr(app.workspace.settings, switch)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _settings_on(pilot, switch)
        _burst(pilot, "enter", "down", "enter")
        await settle(pilot)
        assert getattr(app.workspace.settings, switch) is not before
        assert screen.editing == below
