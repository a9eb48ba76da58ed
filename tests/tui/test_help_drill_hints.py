"""The drill's help once every hint is seen: its three hint keys were three rows, each
"Hint: one more (the pass is Hard at best) (not now)", one column wider than the help's
box at 80 columns (its ")" cut off), and "not now" did not say that no hint is left. One
row now names the keys together and says why."""

from __future__ import annotations

from quiz.tui.screens.drill import DrillScreen
from tests.tui.conftest import AppFactory, press, settle, showing
from tests.tui.test_help_meanings import _help_fits


async def test_with_every_hint_seen_the_help_says_none_are_left_in_one_row_that_fits(
    build: AppFactory,
) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        drill = await showing(pilot, DrillScreen)
        await press(pilot, "ctrl+t", "ctrl+t")
        await settle(pilot)
        assert drill.sitting.hints_left == 0
        rows = await _help_fits(pilot)  # each row fits the box at 80 columns
        hints = [(keys, what) for keys, what in rows if what.startswith("Hint")]
        assert hints == [("^t, f2, h", "Hint: none left, 2 hints seen")], rows


async def test_with_a_hint_left_the_help_still_offers_it(build: AppFactory) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, DrillScreen)
        await press(pilot, "ctrl+t")
        rows = await _help_fits(pilot)
        hints = [(keys, what) for keys, what in rows if what.startswith("Hint")]
        assert hints == [("^t", "Hint: one more (the pass is Hard at best)")], rows
