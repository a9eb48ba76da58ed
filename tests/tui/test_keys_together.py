"""Keys that arrive together (typed fast, pasted, a terminal multiplexer's send-keys) act in
the order they were typed. Enter on the settings, the drill list and the card browser is a
priority binding (the table's own enter came first otherwise): the app ran it as soon as it
read it, while the arrow typed before it still waited in the table's queue, so enter opened
the row the cursor was leaving (on the card browser, the card the search box found before
the last letters typed)."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import DataTable, TextArea

from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.drills import DrillsScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.settings import ROWS, SettingsScreen
from tests.tui.conftest import AppFactory, Recorder, press, searched, settle, showing


def _type_together(app: object, *keys: str) -> None:
    """Post the keys to the app at once, as a terminal delivers a burst: none is handled
    before the next arrives (Pilot's `press` waits between keys, which hid the race)."""
    for key in keys:
        char = "\r" if key == "enter" else key if len(key) == 1 else None
        app.post_message(events.Key(key, char))  # type: ignore[attr-defined]


async def test_down_then_enter_together_edits_the_setting_below(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "comma")
        screen = await showing(pilot, SettingsScreen)
        assert screen.query_one(DataTable).cursor_row == 0
        _type_together(app, "down", "down", "enter")
        await settle(pilot)
        assert screen.editing == ROWS[2]


async def test_down_then_enter_together_opens_the_drill_below(
    build: AppFactory, tui_bank: Path
) -> None:
    drill = tui_bank / "mini" / "drills" / "tiny-sgd.md"
    second = drill.read_text(encoding="utf-8")
    second = second.replace("id: tiny-sgd", "id: tiny-sgd-again").replace(
        "title: A gradient-descent step", "title: Another gradient-descent step"
    )
    (drill.parent / "tiny-sgd-again.md").write_text(second, encoding="utf-8")
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "l")
        screen = await showing(pilot, DrillsScreen)
        assert screen.query_one(DataTable).cursor_row == 0
        below = screen.rows[1].id
        _type_together(app, "down", "enter")
        drill_screen = await showing(pilot, DrillScreen)
        assert drill_screen.sitting.card.id == below


async def test_a_search_typed_with_its_enter_opens_the_card_it_finds(build: AppFactory) -> None:
    app = build()
    opened: list[str] = []
    app.open_card = opened.append  # type: ignore[method-assign,assignment]
    async with app.run_test(size=(100, 30)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await searched(pilot)
        first = browser.shown[0].card.id
        _type_together(app, *"sigmoid", "enter")
        await settle(pilot)
        assert first != "sigmoid-bound"
        assert opened == ["sigmoid-bound"]


async def test_code_typed_with_its_ctrl_r_is_graded_whole(
    build: AppFactory, recorder: Recorder
) -> None:
    """ctrl+r is a priority key: it read the editor while the last letters typed before it
    still waited in the editor's queue, and graded code the screen did not show (at 80x24,
    `return ...` typed with its ctrl+r came back as an IndentationError on a line that
    held only its indent)."""
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(100, 30), message_hook=recorder) as pilot:
        screen = await showing(pilot, DrillScreen)
        await settle(pilot)
        editor = screen.query_one("#editor", TextArea)
        editor.load_text("")
        _type_together(app, *"x = 1", "ctrl+r")
        await settle(pilot)
        assert editor.text == "x = 1"
        assert [m.source for m in recorder.of(DrillScreen.DrillSubmitted)] == ["x = 1"]
