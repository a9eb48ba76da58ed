"""ctrl+u in the browser's search box, then typing at once: every key typed straight after
it is in the box, and the rows are for that text (once seen not to show, in a browser tab;
not reproduced here, with the keys sent as fast as Pilot sends them)."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from quiz.tui.screens.browser import BrowserScreen
from tests.tui.conftest import AppFactory, press, settle, showing, wait_until


@pytest.mark.parametrize("before", ["", "keep_prob", "relu"])
async def test_keys_typed_straight_after_ctrl_u_are_in_the_box(
    build: AppFactory, before: str
) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        box = browser.query_one(Input)
        if before:
            await press(pilot, *before)
        for _ in range(3):
            # no pause between the keys: each is queued before the last is handled
            await pilot.press("ctrl+u", *"sigmoid")
            assert await wait_until(pilot, lambda: box.value == "sigmoid"), box.value
            assert await wait_until(pilot, lambda: not browser.search_pending)  # typing paused
            await settle(pilot)
            assert (box.value, box.cursor_position) == ("sigmoid", len("sigmoid"))
            assert [row.card.id for row in browser.shown] == ["sigmoid-bound"]
            await pilot.press("ctrl+u", *"relu")
            assert await wait_until(pilot, lambda: box.value == "relu"), box.value
            assert await wait_until(pilot, lambda: not browser.search_pending)
            await settle(pilot)
            assert [row.card.id for row in browser.shown] == ["what-is-relu"]
