"""What a user reads on the screens at 80x24 and 120x40: nothing cut without a sign,
nothing hidden that the screen is for, words that say what the screen does."""

from __future__ import annotations

from textual.command import CommandInput
from textual.widgets import DataTable

from quiz.settings import KEYS, describe
from quiz.tui.app import PALETTE_PLACEHOLDER
from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.screens.settings import SettingsScreen
from quiz.tui.widgets.footer import KeysFooter
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, wait_until


async def test_the_palette_says_it_finds_cards_and_commands(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        assert await wait_until(pilot, lambda: bool(app.screen.query(CommandInput)))
        placeholder = str(app.screen.query_one(CommandInput).placeholder)
        assert placeholder == PALETTE_PLACEHOLDER
        assert "card" in placeholder and "Search for commands" not in placeholder


async def test_sorted_by_difficulty_the_browser_shows_the_difficulty(build: AppFactory) -> None:
    app = build()
    session = app.workspace.start_session(StudyRequest(mode="due", kind="choice"))
    session.answer(False)  # Again: fsrs's difficulty of this card is set, the rest are new
    session.finish()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        browser = app.screen
        assert isinstance(browser, BrowserScreen)
        table: DataTable[object] = browser.query_one(DataTable)
        labels = [str(column.label) for column in table.ordered_columns]
        assert "difficulty" not in labels
        await pilot.press("ctrl+o", "ctrl+o")  # content -> due -> difficulty
        await pilot.pause()
        assert browser.sort == "difficulty"
        labels = [str(column.label) for column in table.ordered_columns]
        assert labels == ["card", "kind", "state", "due", "difficulty", "lapses"]
        column = labels.index("difficulty")
        shown = [str(table.get_row_at(n)[column]) for n in range(table.row_count)]
        reviewed = browser.shown[0]
        assert reviewed.difficulty is not None and shown[0] == f"{reviewed.difficulty:.1f}"
        assert shown[1:] == ["–"] * (len(shown) - 1)  # new cards have none yet
        await pilot.pause()
        assert table.virtual_size.width <= table.size.width  # every column on screen
        await pilot.press("ctrl+o")  # lapses: the column goes
        await pilot.pause()
        assert "difficulty" not in [str(column.label) for column in table.ordered_columns]


def table_text(table: DataTable[object]) -> str:
    """Everything the table draws, its lines joined with spaces (wrapped cells rejoined)."""
    lines = [table.render_line(y).text for y in range(table.size.height)]
    return " ".join(" ".join(lines).split())


async def test_settings_descriptions_wrap_and_a_refusal_keeps_the_description(
    build: AppFactory,
) -> None:
    """At 80x24 every setting's whole description is in the table (the column cut them:
    "Steps of a forgotten card before it returns to re"); a refused value is said in full
    above the setting's description, which stays."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        table: DataTable[object] = screen.query_one(DataTable)
        await pilot.pause()
        drawn = table_text(table)
        for key in KEYS:
            assert describe(key) in drawn, key
        assert table.virtual_size.width <= table.size.width
        await pilot.press("enter", "ctrl+u", *"10x", "enter")
        await pilot.pause()
        help_line = screen.query_one("#settings-help")
        said = str(help_line.render())
        assert said.startswith("new_per_day: ") and said.splitlines()[0].endswith("an integer")
        assert describe("new_per_day") in said and "enter saves" in said
        assert help_line.size.height >= 3  # all of it on screen
        assert help_line.region.bottom <= screen.query_one(KeysFooter).region.y
    app = build()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        drawn = table_text(app.screen.query_one(DataTable))
        assert all(describe(key) in drawn for key in KEYS)
