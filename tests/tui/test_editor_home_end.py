"""Home and End in the drill editor go by the line of code, wrapped on screen or not."""

from __future__ import annotations

from quiz.tui.screens.drill import DrillScreen
from quiz.tui.widgets.code_editor import CodeEditor, line_end, line_start
from tests.tui.conftest import AppFactory, press, showing

LONG = "    total = " + " + ".join(f"x{index}" for index in range(60))
"""An indented line far wider than the editor at 80 columns: wrapped on screen."""


async def _columns_after(build: AppFactory, start: int, *keys: str) -> list[int]:
    """The cursor's column on LONG's line after each key, from `start`, at 80x24."""
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, DrillScreen)
        editor = screen.query_one("#editor", CodeEditor)
        editor.load_text(f"def f(x0):\n{LONG}\n    return total\n")
        editor.focus()
        editor.move_cursor((1, start))
        await press(pilot)
        assert editor.wrapped_document.get_offsets(1), "the line fits: the test shows nothing"
        columns = []
        for key in keys:
            await press(pilot, key)
            assert editor.cursor_location[0] == 1
            columns.append(editor.cursor_location[1])
        return columns


async def test_home_on_a_wrapped_line_goes_on_to_the_indent_and_column_0(
    build: AppFactory,
) -> None:
    """TextArea's Home reached the start of the wrapped part the cursor was on and, pressed
    again, stayed there: the line's start was out of reach of the key."""
    columns = await _columns_after(build, len(LONG), "home", "home", "home", "home")
    assert 4 < columns[0] < len(LONG)  # the start of the last part on screen
    assert columns[1:] == [4, 0, 4]  # the code's first character, column 0, and back


async def test_end_on_a_wrapped_line_goes_on_to_the_line_end(build: AppFactory) -> None:
    columns = await _columns_after(build, 0, "end", "end", "end")
    assert 0 < columns[0] < len(LONG) - 1
    assert columns[1:] == [len(LONG), len(LONG)]


def test_home_and_end_on_a_line_that_fits_toggle_as_code_editors_do() -> None:
    line = "    return x"
    assert [line_start(line, column, []) for column in (12, 4, 0, 2)] == [4, 0, 4, 0]
    assert line_end(line, 0, []) == line_end(line, 12, []) == 12
    assert line_start("    ", 4, []) == 0 and line_start("    ", 0, []) == 4
