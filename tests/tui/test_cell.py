"""Home's table cells draw exactly as the Rich Text they stand for, only cheaper."""

from __future__ import annotations

import pytest
from rich.console import Console
from rich.padding import Padding
from rich.style import Style
from rich.text import Text
from textual.render import measure
from textual.renderables.styled import Styled

from quiz.tui.widgets.cell import Cell

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


@pytest.mark.parametrize("text", TEXTS)
def test_a_cell_draws_the_segments_of_its_text_at_every_width(text: str) -> None:
    # as DataTable draws a cell: padded, between its base and its cursor/zebra styles
    console = Console(width=120, force_terminal=True, color_system="truecolor")
    pre = Style(color="white", bgcolor="black") + Style.from_meta({"row": 1, "column": 2})
    post = Style(bgcolor="blue", bold=True)
    for style in STYLES:
        for width in (1, 3, 8, 12, 40):
            for no_wrap in (True, False):
                options = console.options.update_dimensions(width, 1).update(no_wrap=no_wrap)
                want = console.render_lines(
                    Styled(Padding(Text(text, style=style), (0, 1)), pre, post), options
                )
                got = console.render_lines(
                    Styled(Padding(Cell(text, style), (0, 1)), pre, post), options
                )
                assert got == want, (text, style, width, no_wrap)
    assert measure(console, Cell(text), 1) == measure(console, Text(text), 1)
    assert str(Cell(text, "bold")) == text
