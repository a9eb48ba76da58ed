"""A passed drill's "Why it works" heading sits one blank row under what is above it, as the
task's own blocks do. Textual's h2 margin (two rows above) on top of the hint line's margin
left three blank rows between "2 hints left" and the heading, at 80x24 an eighth of the
task pane."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App

from quiz.tui.screens.drill import DrillScreen
from tests.tui.conftest import SOLUTION, AppFactory, press, screen_lines, settle, showing
from tests.tui.test_drill import editor_of, grade_now


def _task_pane(app: App[Any]) -> list[str]:
    """The rows of the task pane as drawn, its right border and scroll bar left out."""
    pane = app.screen.query_one("#drill-task")
    left, right = pane.region.x, pane.region.right - 3
    rows = [line.text[left:right].rstrip() for line in screen_lines(app)]
    return rows[pane.region.y : pane.region.bottom]


def _around_heading(rows: list[str]) -> tuple[int, int]:
    """How many blank rows stand above and below the "Why it works" row."""
    at = next(i for i, row in enumerate(rows) if row.strip() == "Why it works")
    above = next(n for n in range(at) if rows[at - 1 - n].strip())
    below = next(n for n in range(len(rows) - at - 1) if rows[at + 1 + n].strip())
    return above, below


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_heading_has_one_blank_row_each_side(
    build: AppFactory, size: tuple[int, int]
) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(size=size) as pilot:
        screen = await showing(pilot, DrillScreen)
        editor_of(screen).load_text(SOLUTION)
        await grade_now(app, pilot)
        rows = _task_pane(app)
        assert any("hints left" in row for row in rows), "the hint line is above it"
        assert _around_heading(rows) == (1, 1)
        assert rows[rows.index(" Why it works") + 2].strip().startswith("theta - lr * grad")


async def test_one_blank_row_after_every_hint_is_read(build: AppFactory) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await showing(pilot, DrillScreen)
        await press(pilot, "ctrl+t")
        await press(pilot, "ctrl+t")
        await settle(pilot)
        editor_of(screen).load_text(SOLUTION)
        await grade_now(app, pilot)
        rows = _task_pane(app)
        assert any("No hints left." in row for row in rows)
        assert _around_heading(rows) == (1, 1)
