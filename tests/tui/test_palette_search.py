"""The palette's card search while its index is still being built.

The palette cancels the running search at every keystroke. The provider's startup
waited for the index build, and a search waiting on the startup cancelled it with
itself: on a loaded machine the palette then found nothing (sometimes spinning) until it
was opened again.
"""

from __future__ import annotations

import threading

import pytest
from textual.command import CommandList, CommandPalette

from quiz.search import SearchIndex
from tests.tui.conftest import WAIT_SECONDS, AppFactory, showing, wait_until


async def test_typing_while_the_index_builds_still_finds_the_card(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow_init = SearchIndex.__init__
    typed = threading.Event()

    def slowly(self: SearchIndex, *args: object, **kwargs: object) -> None:
        # the build (in a thread) ends only after the typing: a 0.5 s sleep here let a
        # loaded machine type slower than it and finish the build before the keys came
        assert typed.wait(WAIT_SECONDS), "the test never finished typing"
        slow_init(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(SearchIndex, "__init__", slowly)
    app = build()
    async with app.run_test() as pilot:
        await pilot.press("ctrl+p")
        await showing(pilot, CommandPalette)
        for key in "tiny":  # each key cancels the search the one before started
            await pilot.press(key)
        typed.set()
        listed = app.screen.query_one(CommandList)

        def prompts() -> list[str]:
            return [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]

        assert await wait_until(pilot, lambda: any("(tiny-sgd)" in p for p in prompts()))
        # Close the palette before the app: Textual's escape cancels its gathering worker,
        # while an app torn down with the palette open prunes the palette's component
        # styles under a worker still building a hit's help line (KeyError
        # 'command-palette--help-text', one fresh-clone CI run in four this round).
        await pilot.press("escape")
        assert await wait_until(pilot, lambda: not isinstance(app.screen, CommandPalette))
        await app.workers.wait_for_complete()
