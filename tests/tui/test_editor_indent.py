"""Pilot tests of the drill editor's indenting: enter keeps the indent and adds a level after
a ':', backspace in the indent goes back a level."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets.text_area import Selection

from quiz.tui.screens.drill import DrillScreen
from quiz.tui.widgets.code_editor import CodeEditor, code_of
from tests.tui.conftest import AppFactory, press, settle, showing


async def empty_editor(pilot: Pilot[None]) -> CodeEditor:
    """The drill's editor, emptied, with the cursor in it, ready for keys."""
    screen = await showing(pilot, DrillScreen)
    editor = screen.query_one("#editor", CodeEditor)
    editor.load_text("")
    editor.focus()
    await press(pilot)
    return editor


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type `text` as a person does: each line's characters, enter for a line break.

    A line's characters go in as one burst, handled in full (`settle`) before the next key:
    they reach the editor's queue in the order typed, and only enter and backspace do more
    than insert. A `settle` after every character kept a test waiting 10 s on a loaded
    machine for what the keys did at once."""
    for index, line in enumerate(text.split("\n")):
        if index:
            await press(pilot, "enter")
        if line:
            await pilot.press(*line)
            await settle(pilot)


async def test_typing_a_function_indents_its_body_and_keeps_the_indent(
    build: AppFactory,
) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        editor = await empty_editor(pilot)
        await type_text(pilot, "def f(x):\ny = x\nif y:\nreturn y")
        assert editor.text == "def f(x):\n    y = x\n    if y:\n        return y"
        assert editor.cursor_location == (3, 16)


async def test_enter_after_a_colon_in_a_comment_or_a_string_adds_no_level(
    build: AppFactory,
) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        editor = await empty_editor(pilot)
        await type_text(pilot, "def f(x):  # the step:\ns = 'a:'\n")
        assert editor.text == "def f(x):  # the step:\n    s = 'a:'\n    "


async def test_backspace_in_the_indent_goes_back_one_level(build: AppFactory) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        editor = await empty_editor(pilot)
        await type_text(pilot, "for i in r:\nif i:\ns = i\n")
        assert editor.cursor_location == (3, 8)
        await press(pilot, "backspace")
        assert editor.cursor_location == (3, 4)
        await press(pilot, "backspace", "backspace")
        assert editor.text == "for i in r:\n    if i:\n        s = i"
        await type_text(pilot, "\nx")
        await press(pilot, "backspace", "backspace")  # the x, then one level
        assert editor.text == "for i in r:\n    if i:\n        s = i\n    "
        await press(pilot, "space", "space", "backspace")  # to the level below: 6 to 4
        assert editor.text == "for i in r:\n    if i:\n        s = i\n    "


async def test_enter_after_a_statement_that_ends_its_block_goes_back_one_level(
    build: AppFactory,
) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        editor = await empty_editor(pilot)
        await type_text(pilot, "def f(x):\nfor i in x:\nif i:\ncontinue\nreturn_x = i\n")
        await type_text(pilot, "return return_x\n")
        assert editor.text == (
            "def f(x):\n"
            "    for i in x:\n"
            "        if i:\n"
            "            continue\n"
            "        return_x = i\n"  # a name that begins with 'return' keeps the level
            "        return return_x\n"
            "    "
        )


async def test_backspace_after_code_deletes_one_character(build: AppFactory) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        editor = await empty_editor(pilot)
        await type_text(pilot, "if x:\nab  ")
        await press(pilot, "backspace")
        assert editor.text == "if x:\n    ab "


async def test_enter_replaces_a_selection_and_undo_takes_the_indent_back(
    build: AppFactory,
) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        editor = await empty_editor(pilot)
        await type_text(pilot, "    x = 1 + 2")
        editor.select_line(0)
        editor.selection = type(editor.selection)((0, 9), (0, 13))
        await press(pilot, "enter")
        assert editor.text == "    x = 1\n    "
        await press(pilot, "ctrl+z")
        assert editor.text == "    x = 1 + 2"


def test_the_code_of_a_line_stops_at_its_comment_outside_strings() -> None:
    assert code_of("if a:  # b") == "if a:  "
    assert code_of("s = '#:' + \"#\"  # x") == "s = '#:' + \"#\"  "
    assert code_of('t = """a # b""":') == 't = """a # b""":'
    assert code_of(r"u = 'it\'s # no' # yes") == r"u = 'it\'s # no' "
    assert code_of("open = 'still # open") == "open = 'still # open"


async def test_tab_on_selected_lines_indents_them_and_shift_tab_dedents_them(
    build: AppFactory,
) -> None:
    """A selected block is shifted, not replaced by the tab's blanks (the block was lost)."""
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        editor = await empty_editor(pilot)
        editor.load_text("def f(x):\ny = x\n\nreturn y\nz = 1")
        editor.selection = Selection((1, 2), (3, 3))  # parts of lines 1 to 3, not line 4
        await press(pilot, "tab")
        assert editor.text == "def f(x):\n    y = x\n\n    return y\nz = 1"
        assert editor.selection == Selection((1, 0), (3, 12))  # the lines, for the next press
        await press(pilot, "tab", "shift+tab", "shift+tab")
        assert editor.text == "def f(x):\ny = x\n\nreturn y\nz = 1"
        assert editor.has_focus  # shift+tab on a selection stays in the editor
        await press(pilot, "ctrl+z")
        assert editor.text == "def f(x):\n    y = x\n\n    return y\nz = 1"


async def test_shift_tab_dedents_up_to_one_level_and_a_selection_to_a_line_start_stops_before_it(
    build: AppFactory,
) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        editor = await empty_editor(pilot)
        editor.load_text("  a = 1\n        b = 2\nc = 3")
        editor.selection = Selection((0, 0), (2, 0))
        await press(pilot, "shift+tab")
        assert editor.text == "a = 1\n    b = 2\nc = 3"


async def test_tab_within_one_line_still_types_blanks_and_shift_tab_alone_leaves(
    build: AppFactory,
) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        editor = await empty_editor(pilot)
        editor.load_text("x = 1  # two")
        editor.selection = Selection((0, 5), (0, 12))
        await press(pilot, "tab")
        assert editor.text.startswith("x = 1 ") and editor.text.strip() == "x = 1"
        await press(pilot, "shift+tab")
        assert not editor.has_focus  # no selection: shift+tab goes to the task pane


async def test_ctrl_home_and_ctrl_end_go_to_the_start_and_the_end_of_the_code(
    build: AppFactory,
) -> None:
    """The keys tmux sends for ctrl+home and ctrl+end (read as these names) move through the
    whole code, and with shift select to there; TextArea bound neither."""
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        editor = await empty_editor(pilot)
        editor.load_text("def f(x):\n    y = x\n    return y")
        editor.move_cursor((1, 5))
        await press(pilot, "ctrl+end")
        assert editor.cursor_location == (2, 12)
        await press(pilot, "ctrl+home")
        assert editor.cursor_location == (0, 0)
        editor.move_cursor((1, 8))
        await press(pilot, "ctrl+shift+end")
        assert editor.selected_text == "x\n    return y"
        editor.move_cursor((1, 5))
        await press(pilot, "ctrl+shift+home")
        assert editor.selected_text == "def f(x):\n    y"
