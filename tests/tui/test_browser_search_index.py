"""The card browser's search index is built in a thread, not at the first search key.

Built on the UI thread at the first key, it froze a heavy user's browser for about a
second (10,000 cards); the keys typed meanwhile waited behind it.
"""

from __future__ import annotations

import threading

import pytest
from textual.widgets import Input

from quiz.search import SearchIndex
from quiz.tui.screens.browser import BrowserScreen
from tests.tui.conftest import AppFactory, press, searched, settle, showing, wait_until

QUERY = "keep_prob"


async def _searched_ids(
    build: AppFactory, *, before_index: bool, gate: threading.Event
) -> list[str]:
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        try:
            await settle(pilot)
            await pilot.press("b")  # not `press`: it would wait for the index's thread
            browser = await showing(pilot, BrowserScreen)
            if before_index:
                await pilot.press(*QUERY)
                # every key reaches the box while the index is built, and the rows wait for
                # the index (no search without it)
                assert await wait_until(pilot, lambda: browser.query_one(Input).value == QUERY)
                assert app.workspace.search.built() is None
                assert len(browser.shown) == len(app.workspace.cards)
            gate.set()
            if not before_index:
                assert await wait_until(pilot, lambda: app.workspace.search.built() is not None)
                await press(pilot, *QUERY)
            assert await wait_until(pilot, lambda: len(browser.shown) < len(app.workspace.cards))
            await searched(pilot)
            return [row.card.id for row in browser.shown]
        finally:
            gate.set()  # a failed step above leaves no build waiting


async def test_typing_while_the_index_builds_gives_the_rows_of_typing_after(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    built_on: list[bool] = []
    gate = threading.Event()
    real_init = SearchIndex.__init__

    def held(self: SearchIndex, *args: object, **kwargs: object) -> None:
        built_on.append(threading.current_thread() is threading.main_thread())
        # the test lets the build finish when it has typed (a ceiling: 10 s ran out while
        # a loaded machine typed, and the index was built before the test looked)
        gate.wait(timeout=600)
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(SearchIndex, "__init__", held)
    typed_during = await _searched_ids(build, before_index=True, gate=gate)
    gate.clear()
    typed_after = await _searched_ids(build, before_index=False, gate=gate)
    assert typed_during == typed_after == ["dropout-inference"]
    assert built_on == [False, False], "built once per app, never on the UI thread"
