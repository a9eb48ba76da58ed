"""The drill list folds a title too long for its column onto a second line."""

from __future__ import annotations

from quiz.tui.screens.drills import TITLE_LINES, title_lines

TITLE = "Multi-head self-attention with an optional causal mask"


def test_a_title_folds_at_spaces_and_keeps_every_word() -> None:
    lines = title_lines(TITLE, 38)
    assert lines == ["Multi-head self-attention with an", "optional causal mask"]
    assert title_lines(TITLE, 60) == [TITLE]


def test_a_title_too_long_for_two_lines_keeps_the_rest_on_the_last_for_its_ellipsis() -> None:
    """The cell cuts the last line with "…" (`clipped`): nothing is dropped silently."""
    lines = title_lines(TITLE, 12)
    assert len(lines) == TITLE_LINES
    assert " ".join(lines) == TITLE and len(lines[0]) <= 12 < len(lines[-1])
