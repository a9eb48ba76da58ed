"""The card browser's notices ("Suspended: ...", "Buried until tomorrow: ...") take a line
of their own above the footer: at 80x24 Textual's box at the bottom right lay over the
last rows' kind, state and due, the row just suspended among them when it was one of the
last, and the table now keeps the cursor's row in view as it gives that line up."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable
from textual.widgets._toast import Toast

from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.widgets.footer import KeysFooter
from tests.tui.conftest import (
    AppFactory,
    press,
    screen_lines,
    searched,
    settle,
    showing,
    wait_until,
)

COPIES = 30
"""Cards enough to fill the browser's table at 80x24 and run below it."""


def _many_cards(tui_bank: Path) -> None:
    """COPIES more concept cards in mini's basics, titled "What ReLU computes, copy NN"."""
    card = tui_bank / "mini" / "basics" / "what-is-relu.md"
    text = card.read_text(encoding="utf-8")
    for n in range(COPIES):
        copy = text.replace("id: what-is-relu", f"id: relu-copy-{n:02d}")
        copy = copy.replace("title: What ReLU computes", f"title: What ReLU computes, copy {n:02d}")
        (card.parent / f"relu-copy-{n:02d}.md").write_text(copy, encoding="utf-8")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_suspending_the_last_row_shown_leaves_it_in_view_beside_the_notice(
    build: AppFactory, tui_bank: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    _many_cards(tui_bank)
    app = build()
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)  # on screen while looked at
    async with app.run_test(size=size, notifications=True) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await searched(pilot)
        table = browser.query_one(DataTable)
        last = table.size.height - 2  # the header's line, and rows from 0
        table.move_cursor(row=last)
        await settle(pilot)
        card = browser.shown[last].card
        await press(pilot, "ctrl+s")
        assert await wait_until(pilot, lambda: bool(list(browser.query(Toast))))
        await settle(pilot)
        [toast] = browser.query(Toast)
        assert f"Suspended: {card.title}" in str(toast.render())
        assert toast.region.height == 1, "one line, the width of the screen"
        assert not toast.region.overlaps(table.region), (toast.region, table.region)
        assert not toast.region.overlaps(browser.query_one(KeysFooter).region)
        drawn = [line.text for line in screen_lines(app)]
        row = [line for line in drawn if card.title in line and "Suspended" not in line]
        assert len(row) == 1 and "suspended" in row[0], drawn
