"""The card browser's search box takes Anki's `is:` and `tag:` terms, and says which Anki
terms it has not instead of "No card matches"."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from quiz.tui.screens.browser import BrowserScreen
from tests.tui.conftest import AppFactory, press, searched, showing


async def test_anki_terms_filter_and_an_unknown_one_is_explained(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await pilot.pause()  # the box's Changed message, then the search it asks for
        await searched(pilot)
        everything = len(browser.shown)
        # the empty box says Anki's terms work: an Anki user would not guess it
        assert "is:due tag:T deck:P" in browser.query_one(Input).placeholder
        browser.query_one(Input).value = "is:new kind:coding"
        await pilot.pause()  # the box's Changed message, then the search it asks for
        await searched(pilot)
        assert 0 < len(browser.shown) < everything
        assert {row.card.kind for row in browser.shown} == {"coding"}
        browser.query_one(Input).value = "is:suspended"  # none yet: the no-match line
        await pilot.pause()  # the box's Changed message, then the search it asks for
        await searched(pilot)
        empty = browser.query_one("#browser-empty", Static)
        assert browser.shown == [] and "No card matches 'is:suspended'." in str(empty.render())
        browser.query_one(Input).value = "rated:1"
        await pilot.pause()  # the box's Changed message, then the search it asks for
        await searched(pilot)
        said = str(empty.render())
        assert browser.shown == [] and empty.display
        assert "'rated:1' is not a search drillbit has" in said and "tag:T" in said


async def test_filters_alone_do_not_wait_for_the_search_index(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`is:new` waited "searching… (indexing)" for the full-text index (a second on a
    heavy user's bank) though it has no word to look up."""
    app = build()
    monkeypatch.setattr(app.workspace.search, "built", lambda: None)  # never built
    monkeypatch.setattr(BrowserScreen, "_build_index", lambda self: None)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        everything = len(browser.shown)
        browser.query_one(Input).value = "is:new kind:coding"
        await pilot.pause()
        await searched(pilot)
        assert 0 < len(browser.shown) < everything
        assert "indexing" not in str(browser.query_one("#browser-title").render())
