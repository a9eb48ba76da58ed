"""Inline code in a focused choice list: its box is a lighter (or darker) grey than the
list's highlight, in truecolor and in a 256-colour terminal, in dark and light themes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import Color, ColorSystem
from rich.segment import Segment

from quiz.tui.widgets.answers import ChoicePicker
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, screen_lines, settle

CODE = "keep = rng.random(A.shape) < 0.8"
PLAIN = ", then "


def _background(segments: list[Segment], text: str) -> Color:
    """The background of the first drawn segment holding `text`."""
    for segment in segments:
        if text in segment.text and segment.style is not None:
            assert segment.style.bgcolor is not None
            return segment.style.bgcolor
    raise AssertionError(f"{text!r} is not on the screen")


def _in_256(color: Color) -> tuple[int, int, int]:
    """The colour a 256-colour terminal draws (Rich's downgrade, as Textual's output does)."""
    red, green, blue = color.downgrade(ColorSystem.EIGHT_BIT).get_truecolor()
    return red, green, blue


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "gruvbox"])
async def test_code_in_focused_options_is_a_grey_box_on_the_highlight(
    build: AppFactory, code_choices: Path, theme: str
) -> None:
    app = build(study=StudyRequest(mode="cram", pack="snippets"), extra=[code_choices])
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        await settle(pilot)
        assert app.screen.query_one(ChoicePicker).has_focus
        segments = [segment for line in screen_lines(app) for segment in line]
        code, highlight = _background(segments, CODE), _background(segments, PLAIN)
        assert code.triplet != highlight.triplet  # the code's extent shows in truecolor
        code_256, highlight_256 = _in_256(code), _in_256(highlight)
        # the warning tint came out the 256-colour palette's dark red (95, 0, 0)
        assert code_256[0] == code_256[1] == code_256[2], f"{code_256} is not a grey"
        assert code_256 != highlight_256  # and it still shows in 256 colours
