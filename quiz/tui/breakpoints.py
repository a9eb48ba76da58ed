"""A screen's width classes (-narrow, -wide) set before its first frame."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen


def set_width_classes(screen: Screen[Any]) -> None:
    """Give `screen` the width classes of the app's width now, chosen by Textual's own rule
    (`HORIZONTAL_BREAKPOINTS`) as its resize handler chooses them.

    Textual sets them in the screen's first Resize event, which comes after the screen's
    first frames: a screen pushed at 80 columns drew its wide layout first (the drill's task
    beside its editor, code lines cut), then switched. Set in the screen's `__init__`, the
    first frame has the layout of the terminal's width, and the first resize finds the
    classes set (no restyling of the whole screen for them).
    """
    breakpoints = (
        screen.app.HORIZONTAL_BREAKPOINTS
        if screen.HORIZONTAL_BREAKPOINTS is None
        else screen.HORIZONTAL_BREAKPOINTS
    ) or []
    reached = screen._get_breakpoint_classes(screen.app.size.width, breakpoints)
    for _, name in breakpoints:
        screen.set_class(name in reached, name, update=False)
