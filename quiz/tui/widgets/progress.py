"""The study screen's progress: Textual's progress bar and percentage, drawn by one widget.

Textual's `ProgressBar` is three widgets (the bar, the percentage, their container), each
registered, styled and laid out, plus an ETA clock ticking every second that the study
screen does not show. This draws the same line, the bar with Textual's `Bar` renderable
and styles and the percentage right-aligned in five cells, as one widget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.renderables.bar import Bar
from textual.widget import Widget

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

PERCENT_WIDTH = 5
"""Cells of the percentage, as Textual's ProgressBar gives it ("100%" right-aligned)."""


class _Line:
    """The bar over all but the last five cells, then the percentage in those."""

    def __init__(self, bar: Bar, percent: str) -> None:
        self.bar = bar
        self.percent = percent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(0, options.max_width - PERCENT_WIDTH)
        line = Text("", end="")
        if width:
            for part in self.bar.__rich_console__(console, options.update_width(width)):
                if isinstance(part, Text):
                    line.append_text(part)
        line.append(self.percent.rjust(PERCENT_WIDTH))
        yield line


class SessionProgress(Widget, can_focus=False):
    """How far a session is, as Textual's ProgressBar (without its ETA) draws it."""

    COMPONENT_CLASSES = {"bar--bar", "bar--complete"}
    """The bar's colours, as Textual's progress bar names them."""

    DEFAULT_CSS = """
    SessionProgress {
        width: 1fr;
        height: 1;

        &> .bar--bar {
            color: $primary;
            background: $surface;
        }
        &> .bar--complete {
            color: $success;
            background: $surface;
        }
    }
    """

    def __init__(self, done: int, total: int, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.done = done
        self.total = total

    @property
    def fraction(self) -> float:
        """Done over total, between 0 and 1 (1 for an empty session)."""
        if self.total <= 0:
            return 1.0
        return min(1.0, max(0.0, self.done / self.total))

    def update(self, done: int, total: int) -> None:
        """Show a new count; redrawn only when it changed."""
        if (done, total) != (self.done, self.total):
            self.done, self.total = done, total
            self.refresh()

    def render(self) -> _Line:
        """The bar filled to the fraction, in half cells as Textual's bar fills it."""
        fraction = self.fraction
        width = max(0, self.size.width - PERCENT_WIDTH)
        if width:  # Textual's bar keeps the fraction in whole half cells of its width
            fraction = int(fraction * width * 2) / (width * 2)
        style = self.get_component_rich_style("bar--bar" if fraction < 1 else "bar--complete")
        bar = Bar(
            highlight_range=(0, width * fraction),
            highlight_style=Style.from_color(style.color),
            background_style=Style.from_color(style.bgcolor),
        )
        return _Line(bar, f"{round(self.fraction * 100)}%")
