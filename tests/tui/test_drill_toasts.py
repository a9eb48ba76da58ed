"""Notices in the drill editor: where they land, so the code being typed stays in view."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea
from textual.widgets._toast import Toast

from quiz.tui.screens.drill import DrillScreen
from tests.tui.conftest import AppFactory, settle, showing, wait_until


async def test_notices_in_the_drill_editor_leave_the_code_and_the_keys_in_view(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80x24 each "No hints left." stacked another box at the bottom right, over the end
    of the code being typed and the footer's keys: five covered half the editor. One
    notice is shown at a time now, a band over the editor's last row (at the top right it
    covered the task's first lines: test_drill_notice_place.py)."""
    app = build(drill="tiny-sgd")
    # on screen while looked at, however loaded the machine
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await showing(pilot, DrillScreen)
        for _ in range(5):  # the hint key no longer says "No hints left.": any notice
            screen.notify("No hints left.", severity="warning")
            await settle(pilot)  # one a key press, as a person's come
        assert await wait_until(pilot, lambda: bool(list(screen.query(Toast))))
        toasts = [toast.region for toast in screen.query(Toast)]
        assert len(toasts) == 1, "one notice at a time, not a stack"
        [toast] = toasts
        editor = screen.query_one(TextArea).region
        assert editor.contains_region(toast), (toast, editor)
        assert not toast.overlaps(screen.query_one("#drill-task").region)
        assert toast.y + toast.height <= 24 - 2, "the footer and the line above it stay clear"
        assert toast.y >= 1, "the drill's title bar stays clear"
