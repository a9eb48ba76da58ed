"""The card browser on a search that finds no card: a line says so, and the keys that act
on a card (Open, Suspend, Bury, Sort, $EDITOR) leave the footer until one is shown. Reset
comes only with a card that has a schedule to forget (tests/tui/test_reset_keys.py)."""

from __future__ import annotations

from textual.widgets import Input, Static

from quiz.tui.screens.browser import BrowserScreen
from tests.tui.conftest import AppFactory, footer_descriptions, press, searched, showing

CARD_KEYS = {"Open", "Suspend", "Bury", "Sort", "$EDITOR"}


async def test_no_match_says_so_and_offers_no_key_that_needs_a_card(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await searched(pilot)
        empty = browser.query_one("#browser-empty", Static)
        assert CARD_KEYS <= set(footer_descriptions(browser))
        assert not empty.display
        await press(pilot, *"zqxj")
        await searched(pilot)
        assert browser.shown == []
        assert empty.display and not browser.query_one("#browser-table").display
        assert "No card matches 'zqxj'." in str(empty.render())
        assert not CARD_KEYS & set(footer_descriptions(browser))
        await press(pilot, "enter", "ctrl+s")  # nothing to open or suspend: nothing happens
        assert app.screen is browser
        assert not app.workspace.store.card_flags()
        browser.query_one(Input).value = "zqxj [/b]"  # no markup: said as typed
        await searched(pilot)
        assert "No card matches 'zqxj [/b]'." in str(empty.render())
        await press(pilot, "end", "ctrl+u")
        await searched(pilot)
        assert browser.shown and not empty.display
        assert CARD_KEYS <= set(footer_descriptions(browser))
