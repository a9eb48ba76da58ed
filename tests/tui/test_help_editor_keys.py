"""A drill's help lists the drill's own keys first, then the editor's in a few rows of its
own words: TextArea's were 38 rows in Textual's words ("Cursor left word select", "Delete
right to start of word") under "In the focused widget:", 55 rows in a table of 17 at
80x24."""

from __future__ import annotations

import re

from textual.binding import Binding

from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.help import BROWSER_KEPT_KEYS, table_height
from quiz.tui.widgets.code_editor import CodeEditor
from tests.tui.conftest import AppFactory, showing
from tests.tui.test_help_meanings import _help_fits


def _keys(shown: str) -> list[str]:
    """The keys a help row names ("^x, ^c, ^v", "↑ ↓ ← →")."""
    return [key for key in re.split(r",? ", shown) if key]


async def test_a_drills_help_lists_its_keys_then_the_editors_few_rows(
    build: AppFactory,
) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, DrillScreen)
        assert isinstance(screen.focused, CodeEditor)
        rows = await _help_fits(pilot)
        editor_rows = list(CodeEditor.HELP_KEYS)
        assert rows[-len(editor_rows) :] == editor_rows
        said = " ".join(what for _keys, what in rows)
        assert "In the focused widget" not in said
        assert "Cursor left word select" not in said and "Delete character left" not in said
        drill_rows = rows[: -len(editor_rows) - 1]
        words = [what.split(":")[0] for _keys, what in drill_rows]
        for own in ("Grade", "Hint", "Back", "Reset", "Give up", "Help"):
            assert own in words, own
        # the drill's keys all show before any scroll: the table's rows, its header counted
        assert len(drill_rows) + 1 <= table_height(24)
        assert len(rows) + 1 <= 2 * table_height(24)  # it was 55: under two screenfuls now


async def test_each_key_the_editors_rows_name_does_what_the_editor_binds(
    build: AppFactory,
) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, DrillScreen)
        editor = screen.query_one(CodeEditor)
        assert screen.focused is editor
        # the editor's keys the drill leaves it (the drill's priority keys, ^a and ^e, win)
        editors = {
            app.get_key_display(Binding(key, found.binding.action)): key
            for key, found in screen.active_bindings.items()
            if found.node is editor
        }
        for shown, what in CodeEditor.HELP_KEYS:
            for key in _keys(shown):
                assert key in editors, (key, "is not the editor's key")
                assert editors[key] not in BROWSER_KEPT_KEYS, key
                if "with shift" in what:
                    assert f"shift+{key}" in editors, (key, "does not select with shift")
