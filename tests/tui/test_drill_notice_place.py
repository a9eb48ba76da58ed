"""Where the drill's notices other than a pass's lie: over the editor's rows, ending on its
last, as a pass's does wide. Narrow they lay under the title bar at the top right, over the
task's first lines ("No hints left.", "Back to the starter code." for their 5 s); wide over
the ends of the code's first lines."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from quiz.tui.screens.drill import DrillScreen
from tests.tui.conftest import AppFactory, press, resize, settle, showing
from tests.tui.test_drill_pass_notice_place import notice_region, overlaps


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)])
@pytest.mark.parametrize(
    ("words", "title"),
    [("No hints left.", ""), ("Could not grade: the sandbox did not start.", "Could not grade")],
)
async def test_a_drill_notice_lies_over_the_editors_last_rows_never_the_task_or_first_lines(
    build: AppFactory,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
    words: str,
    title: str,
) -> None:
    app = build(drill="tiny-sgd")
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)  # on screen while looked at
    async with app.run_test(size=size, notifications=True) as pilot:
        screen = await showing(pilot, DrillScreen)
        assert screen.has_class("-narrow") == (size[0] < 110)
        screen.notify(words, title=title, severity="warning")
        notice = await notice_region(app, pilot, words)
        editor = screen.query_one("#editor").region
        assert editor.contains_region(notice)  # over the editor's rows only
        assert notice.bottom == editor.bottom  # at its foot
        if screen.has_class("-narrow"):  # a band the editor's width
            assert notice.width == editor.width
        code_rows = screen.query_one("#editor", TextArea).document.line_count
        assert notice.y > editor.y + min(3, code_rows), "the code's first lines stay in view"
        assert not overlaps(notice, screen.query_one("#drill-task").region)


async def test_the_reset_notice_lies_at_the_editors_foot_and_follows_it(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real "Back to the starter code." at 80x24, then the terminal made taller (still
    narrow): the editor gets more rows and the notice goes with its foot."""
    app = build(drill="tiny-sgd")
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await showing(pilot, DrillScreen)
        screen.query_one("#editor", TextArea).load_text("x = 1\n")
        await press(pilot, "ctrl+n", "y")  # reset, confirmed
        await settle(pilot)
        back = await notice_region(app, pilot, "Back to the starter code.")
        editor = screen.query_one("#editor").region
        assert back.bottom == editor.bottom and back.width == editor.width
        assert not overlaps(back, screen.query_one("#drill-task").region)
        await resize(pilot, 90, 34)
        moved = screen.query_one("#editor").region
        assert screen.has_class("-narrow") and moved.bottom > editor.bottom
        after = await notice_region(app, pilot, "Back to the starter code.")
        assert after.bottom == moved.bottom and after.width == moved.width
        assert not overlaps(after, screen.query_one("#drill-task").region)


async def test_a_notice_placed_after_the_editor_is_gone_is_left_where_textual_put_it(
    build: AppFactory,
) -> None:
    """The placing runs after a refresh and after every layout; a drill screen taken down in
    between (a mock's coding round ending) has no editor left, and the query for it stopped
    the app with NoMatches (a CI run found it in test_countdown, one run in many)."""
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await showing(pilot, DrillScreen)
        await screen.query_one("#editor").remove()
        screen.notify("No hints left.", severity="warning")
        screen._place_notice()  # noqa: SLF001 - the step that raised, called as the refresh does
        await settle(pilot)
        assert app.is_running and not screen.query("#editor")
