"""Every text box's cursor blinks as the app says: with `cursor_blink=False` (the tests and
their screenshots) each box, whichever screen it is on, draws a steady cursor.

Four boxes copied the app's choice by hand, and the command palette's query box did not:
it blinked every 0.5 s, so a screenshot or a look at it caught the cursor or not by when
it was taken. The app now applies its choice to whatever box takes the focus.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from rich.style import Style
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input, TextArea
from textual.widgets.text_area import TextAreaTheme

from quiz.tui.app import DrillbitApp
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, press, settle, wait_until

Opener = Callable[[Pilot[None]], Awaitable[None]]


def _styled(strip: Strip, style: Style) -> bool:
    """Whether some cell of the row is drawn in `style` (the cursor's colours)."""
    return any(
        segment.style is not None
        and segment.style.color == style.color
        and segment.style.bgcolor == style.bgcolor
        and segment.style.reverse == style.reverse
        for segment in strip
        if segment.text
    )


def _cursor_drawn(box: Widget) -> bool:
    """Whether the box draws its cursor now (a blinking one is drawn half the time)."""
    if isinstance(box, TextArea):
        row = box.cursor_location[0] - round(box.scroll_offset.y)
        theme = TextAreaTheme.get_builtin_theme(box.theme)  # the editor's colours
        cursor = theme.cursor_style if theme is not None else None
        return _styled(
            box.render_line(row), cursor or box.get_component_rich_style("text-area--cursor")
        )
    assert isinstance(box, Input)
    return _styled(box.render_line(0), box.get_component_rich_style("input--cursor"))


async def _browser(pilot: Pilot[None]) -> None:
    await press(pilot, "b")


async def _settings(pilot: Pilot[None]) -> None:
    await press(pilot, "comma", "enter")  # the first setting's box


async def _palette(pilot: Pilot[None]) -> None:
    await press(pilot, "ctrl+p")


async def _nothing(pilot: Pilot[None]) -> None:
    """The box the app opens on: a number card's answer, a drill's editor."""


BOXES = [
    pytest.param({}, _browser, id="card-browser-search"),
    pytest.param({}, _settings, id="settings-box"),
    pytest.param({}, _palette, id="command-palette"),
    pytest.param(
        {"study": StudyRequest(mode="cram", kind="numeric")}, _nothing, id="number-answer"
    ),
    pytest.param({"drill": "tiny-sgd"}, _nothing, id="drill-editor"),
]


@pytest.mark.parametrize(("options", "open_box"), BOXES)
async def test_a_focused_box_draws_a_steady_cursor(
    build: AppFactory, options: dict[str, object], open_box: Opener
) -> None:
    app: DrillbitApp = build(**options)
    assert app.cursor_blink is False
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_box(pilot)
        assert await wait_until(pilot, lambda: isinstance(app.focused, Input | TextArea))
        box = app.focused
        assert box is not None
        await settle(pilot)
        assert box.cursor_blink is False, f"{type(box).__name__} blinks"  # type: ignore[attr-defined]
        assert _cursor_drawn(box)
