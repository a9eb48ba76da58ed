"""Where a pass's notice lies: over the editor, the code that has just passed (narrow, a
band from its first row; wide, at its foot, below the code). At 80x24 it lay under the
title bar, over columns 39-79 of the task pane's first rows, where a pass puts the
explanation, and hid them for its 5 s; at 120x40 over the ends of the code's first lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from textual.widgets import TextArea
from textual.widgets._toast import Toast

from quiz.tui.screens.drill import DrillScreen
from tests.tui.conftest import (
    SOLUTION,
    AppFactory,
    inprocess_grade,
    press,
    settle,
    showing,
    wait_until,
)

if TYPE_CHECKING:
    from textual.geometry import Region
    from textual.pilot import Pilot

    from quiz.tui.app import DrillbitApp


async def notice_region(app: DrillbitApp, pilot: Pilot[None], words: str) -> Region:
    """The drawn region of the one notice on screen, which must say `words`."""
    screen = app.screen
    assert await wait_until(pilot, lambda: len(list(screen.query(Toast))) == 1)
    await settle(pilot)
    toast = screen.query_one(Toast)
    assert words in str(toast.render())
    return toast.region


def overlaps(one: Region, other: Region) -> bool:
    return one.intersection(other).area > 0


async def pass_the_drill(app: DrillbitApp, pilot: Pilot[None]) -> DrillScreen:
    screen = await showing(pilot, DrillScreen)
    screen.query_one("#editor", TextArea).load_text(SOLUTION)
    await press(pilot, "ctrl+r")
    await app.workers.wait_for_complete()
    await settle(pilot)
    assert screen.sitting.progress.passed
    return screen


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_pass_notice_lies_over_the_editor_and_covers_no_task_or_verdict_line(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    app = build(drill="tiny-sgd", grader=inprocess_grade)
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)  # on screen while looked at
    async with app.run_test(size=size, notifications=True) as pilot:
        screen = await pass_the_drill(app, pilot)
        notice = await notice_region(app, pilot, "Passed.")
        editor = screen.query_one("#editor").region
        if screen.has_class("-narrow"):  # a band from the editor's first row
            assert notice.y == editor.y and notice.width == editor.width
        else:  # ending on its last row, over the rows below the code
            assert notice.bottom == editor.bottom
            code_rows = screen.query_one("#editor", TextArea).document.line_count
            assert notice.y > editor.y + code_rows
        assert editor.contains_region(notice)  # inside the editor: the passed code only
        assert not overlaps(notice, screen.query_one("#drill-task").region)
        assert not overlaps(notice, screen.query_one("#verdict-status").region)


async def test_the_notice_follows_the_editor_to_its_rows_and_others_lie_at_its_foot(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build(drill="tiny-sgd", grader=inprocess_grade)
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await pass_the_drill(app, pilot)
        before = (await notice_region(app, pilot, "Passed.")).y
        await press(pilot, "tab")  # back to the editor: narrow, it takes the larger share
        await settle(pilot)
        assert screen.focused is screen.query_one("#editor")
        editor = screen.query_one("#editor").region
        assert editor.y < before  # it moved up, and the notice with it
        assert (await notice_region(app, pilot, "Passed.")).y == editor.y

        await press(pilot, "ctrl+n", "y")  # reset, confirmed: a notice of another kind
        await settle(pilot)
        back = await notice_region(app, pilot, "Back to the starter code.")
        # not over the code's first lines, being typed: at the editor's foot, as every
        # notice but a pass's (test_drill_notice_place.py)
        assert back.bottom == screen.query_one("#editor").region.bottom
        assert not screen.has_class("-over-code")
