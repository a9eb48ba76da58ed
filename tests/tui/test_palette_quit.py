"""Quitting with the command palette open in the middle of a search.

Textual's teardown prunes the palette's component styles while its gathering worker may
still be building a hit's help line: KeyError 'command-palette--help-text' (Escape, unlike
teardown, cancels that worker first). The app's quit closes the palette first and waits for
its worker to end, so the teardown never meets a palette, or a search, still running.
"""

from __future__ import annotations

import asyncio
import threading

import pytest
from textual.command import CommandPalette
from textual.message import Message
from textual.messages import ExitApp

from quiz.search import SearchIndex
from quiz.tui.app import DrillbitApp
from tests.tui.conftest import WAIT_SECONDS, AppFactory, showing, wait_until

QUERIES = ("ti", "sgd", "t", "tiny s") * 3
"""One new app per query, each quit mid-search: the race showed in one fresh-clone CI run
in four, so every one of these quits must find the palette closed and its search ended."""


async def quit_mid_search(app: DrillbitApp, query: str) -> tuple[bool, list[str]]:
    """Open the palette, type `query`, press ctrl+q while the palette still searches: what
    the app's teardown found as it began (its ExitApp message), the palette still on the
    stack and the palette's workers not yet ended."""
    palettes: list[CommandPalette] = []
    at_exit: list[tuple[bool, list[str]]] = []
    exited = asyncio.Event()

    def searching() -> list[str]:
        return [w.name for w in app.workers if w.node is palettes[0] and not w.is_finished]

    def on_message(message: Message) -> None:
        if isinstance(message, ExitApp) and not exited.is_set():
            at_exit.append((palettes[0] in app.screen_stack, searching()))
            exited.set()

    async with app.run_test(message_hook=on_message) as pilot:
        await pilot.press("ctrl+p")
        await showing(pilot, CommandPalette)
        assert isinstance(app.screen, CommandPalette)
        palettes.append(app.screen)
        await pilot.press(*query)
        assert await wait_until(pilot, lambda: bool(searching())), "no search started"
        await pilot.press("ctrl+q")
        await asyncio.wait_for(exited.wait(), WAIT_SECONDS)
    assert app.return_code == 0
    return at_exit[0]


async def test_quitting_mid_search_closes_the_palette_and_ends_its_search_first(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = threading.Event()
    build_index = SearchIndex.__init__

    def held_back(self: SearchIndex, *args: object, **kwargs: object) -> None:
        # the card search waits for this index, so the palette's gathering worker is still
        # searching when the quit comes (released once each app has ended)
        assert held.wait(WAIT_SECONDS), "the test never released the index"
        build_index(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(SearchIndex, "__init__", held_back)
    for query in QUERIES:
        held.clear()
        try:
            found = await quit_mid_search(build(), query)
        finally:
            held.set()
        assert found == (False, []), f"quitting while searching {query!r}"
