"""A card file edited on disk while the app is open (another editor, another drillbit's ctrl+e):
the card browser and the palette list it as it is now, the next time they list it."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from quiz.tui.app import DrillbitApp
from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.screens.home import HomeScreen
from tests.tui.conftest import AppFactory, press, retitling_editor, showing, wait_until

TITLE = "What ReLU computes"


def edit_title(app: DrillbitApp) -> None:
    content = app.workspace.content
    ref = content.ref("what-is-relu")
    assert ref is not None and ref.title == TITLE
    path = content.index.card_path(ref)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"title: {TITLE}", f"title: {TITLE} (fixed)", 1), "utf-8")


def titles(browser: BrowserScreen) -> list[str]:
    return [row.card.title for row in browser.shown]


async def test_the_browser_lists_a_card_edited_on_disk(build: AppFactory) -> None:
    """It kept the title from the app's start until it was restarted."""
    app = build()
    async with app.run_test() as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        assert TITLE in titles(browser)
        edit_title(app)
        await press(pilot, "escape")
        await showing(pilot, HomeScreen)
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        assert await wait_until(pilot, lambda: f"{TITLE} (fixed)" in titles(browser))
        assert TITLE not in titles(browser)


async def palette_lists(pilot: Pilot[None], app: DrillbitApp, query: str, wanted: str) -> bool:
    """Open the palette, type `query`, and wait for a hit that holds `wanted`."""
    await pilot.press("ctrl+p")
    await showing(pilot, CommandPalette)
    for key in query:
        await pilot.press(key)
    listed = app.screen.query_one(CommandList)

    def prompts() -> list[str]:
        return [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]

    return await wait_until(pilot, lambda: any(wanted in p for p in prompts()))


async def test_the_palette_finds_a_card_by_its_text_edited_on_disk(build: AppFactory) -> None:
    """The palette's search index, built at its first opening, kept the old text."""
    app = build()
    async with app.run_test() as pilot:
        await showing(pilot, HomeScreen)
        assert await palette_lists(pilot, app, "relu", f"{TITLE} (what-is-relu)")
        await press(pilot, "escape")
        await showing(pilot, HomeScreen)
        edit_title(app)
        assert await palette_lists(pilot, app, "fixed", f"{TITLE} (fixed)")


async def test_an_edit_on_disk_after_one_with_ctrl_e_is_listed_too(
    build: AppFactory, tmp_path: Path
) -> None:
    """ctrl+e's reload put in a bank that no longer knew its files: an edit made on disk
    after it was never listed until the app restarted."""
    app = build(editor=retitling_editor(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "b", *"keep_prob")
        browser = await showing(pilot, BrowserScreen)
        await press(pilot, "ctrl+e")
        assert await wait_until(pilot, lambda: "Dropout at test time" in titles(browser))
        edit_title(app)
        await press(pilot, "escape")
        await showing(pilot, HomeScreen)
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        assert await wait_until(pilot, lambda: f"{TITLE} (fixed)" in titles(browser))
