"""A one-line table cell that Rich draws as one segment, for tables drawn at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult


class Cell:
    """Styled text on one line, drawn as the same segments a `Text` of it gives.

    A DataTable draws each cell through Rich, and a `Text` goes through wrapping,
    justifying and cropping for every one: about 0.1 ms a cell, 30-60 ms for the first
    frame of Home's table. Text that fits its width on one line needs none of that: it
    is one segment in its style, then the padding. Anything else (empty, wider than its
    column, a tab, a line break, a control character) is drawn as the `Text` would be.
    """

    __slots__ = ("_style", "_width", "text")

    def __init__(self, text: str, style: str = "") -> None:
        self.text = text
        self._style = style
        self._width = cell_len(text) if text and text.isprintable() else -1

    def as_text(self) -> Text:
        """The same cell as a Rich `Text` (what it draws like)."""
        return Text(self.text, style=self._style)

    @property
    def plain(self) -> str:
        """The text without its style, as a `Text` names it."""
        return self.text

    def __str__(self) -> str:
        return self.text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        if self._width < 0 or self._width > width:
            yield self.as_text()
            return
        yield Segment(self.text, console.get_style(self._style) if self._style else Style())
        if self._width < width:
            yield Segment(" " * (width - self._width))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        if self._width < 0:
            return Measurement.get(console, options, self.as_text())
        return Measurement(self._width, self._width)


def clipped(text: str, style: str = "") -> Text:
    """A one-line table cell that ends in "…" when its column is narrower than it.

    A plain string cell is cut at the column's edge with nothing to say so (and is read as
    markup: a title with `[i]` in it lost it); titles and topics use this instead.
    """
    return Text(text, style=style, no_wrap=True, overflow="ellipsis", end="")


class ClippedCell(Cell):
    """A `Cell` that ends in "…" when its column is narrower than it, as `clipped` does:
    the card browser's titles, which fit their column on most rows."""

    __slots__ = ()

    def as_text(self) -> Text:
        return clipped(self.text, self._style)
