"""The drill editor at 80x24 shows `STARTER_COLUMNS` columns of code unwrapped beside a
two-digit line-number gutter, as lint's `starter-too-wide` rule assumes: a wider line wraps."""

from __future__ import annotations

import pytest

from quiz.bank.lint import STARTER_COLUMNS
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.widgets.code_editor import CodeEditor
from tests.tui.conftest import AppFactory, settle, showing


@pytest.mark.parametrize(("width", "rows"), [(STARTER_COLUMNS, 1), (STARTER_COLUMNS + 1, 2)])
async def test_a_starter_line_of_the_lint_width_fits_the_editor_at_80_columns(
    build: AppFactory, width: int, rows: int
) -> None:
    code = ["def f(x):"] * 11 + ["    # " + "w" * (width - 6)]  # 12 lines: two digits
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, DrillScreen)
        editor = screen.query_one("#editor", CodeEditor)
        editor.load_text("\n".join(code))
        await settle(pilot)
        assert len(code[-1]) == width
        assert editor.wrapped_document.height == len(code) - 1 + rows
