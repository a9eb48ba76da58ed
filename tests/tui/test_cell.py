"""Home's and the card browser's table cells draw exactly as the Rich Text they stand
for, only cheaper."""

from __future__ import annotations

import pytest
from rich.console import Console
from rich.padding import Padding
from rich.style import Style
from rich.text import Text
from textual.render import measure
from textual.renderables.styled import Styled

from quiz.tui.widgets.cell import Cell, ClippedCell, clipped

TEXTS = [
    "0",
    "12",
    "  basics",
    "Pack title",
    "数学 wide",
    "emoji 🙂",
    "tab\there",
    "two\nlines",
    "",
]
STYLES = ["", "bold", "bold yellow", "dim", "cyan"]


def _drawn_alike(cell: Cell, text: Text) -> None:
    """`cell` and `text` give the same lines at every width, as DataTable draws a cell:
    padded, between its base and its cursor/zebra styles."""
    console = Console(width=120, force_terminal=True, color_system="truecolor")
    pre = Style(color="white", bgcolor="black") + Style.from_meta({"row": 1, "column": 2})
    post = Style(bgcolor="blue", bold=True)
    for width in (1, 3, 8, 12, 40):
        for no_wrap in (True, False):
            options = console.options.update_dimensions(width, 1).update(no_wrap=no_wrap)
            want = console.render_lines(Styled(Padding(text, (0, 1)), pre, post), options)
            got = console.render_lines(Styled(Padding(cell, (0, 1)), pre, post), options)
            assert got == want, (text, width, no_wrap)
    assert measure(console, cell, 1) == measure(console, text, 1)


@pytest.mark.parametrize("text", TEXTS)
def test_a_cell_draws_the_segments_of_its_text_at_every_width(text: str) -> None:
    for style in STYLES:
        _drawn_alike(Cell(text, style), Text(text, style=style))
    assert str(Cell(text, "bold")) == Cell(text, "bold").plain == text


@pytest.mark.parametrize("text", [*TEXTS, "A title far wider than the narrowest of its columns"])
def test_a_clipped_cell_draws_as_the_clipped_text_it_stands_for(text: str) -> None:
    """The card browser's titles: one segment where they fit, and cut with "…" as
    `clipped` cuts them where they do not (each Text cell of the browser's first frame
    was wrapped, justified and cropped)."""
    for style in STYLES:
        _drawn_alike(ClippedCell(text, style), clipped(text, style))
