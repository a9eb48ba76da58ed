"""attention-scaling's key-point box at 80x24, revealed: every row's right border in the last
column by Unicode's widths as well as Rich's, and its first point's "q ⋅" a DOT OPERATOR,
not the MIDDLE DOT (East Asian Ambiguous) after which a terminal drew the border a column
off."""

from __future__ import annotations

import unicodedata

from quiz.bank.sources import bundled_content_dir
from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.cells import AMBIGUOUS_KEPT, terminal_width
from tests.tui.conftest import AppFactory, press, screen_lines, settle, showing

BOX_DRAWING = range(0x2500, 0x25A0)
"""Box drawing and block elements: Textual's border and scroll bar, not the card's text."""


async def test_the_key_point_box_keeps_its_right_border_in_one_column(build: AppFactory) -> None:
    app = build(
        study=StudyRequest(mode="cram", card_ids=("attention-scaling",)),
        extra=[bundled_content_dir()],
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, StudyScreen)
        await press(pilot, "space")
        await settle(pilot)
        rows = [line.text for line in screen_lines(app)]
        top = next(n for n, row in enumerate(rows) if row.startswith("╭─ Key points"))
        bottom = next(n for n, row in enumerate(rows) if n > top and row.startswith("╰"))
        box = rows[top : bottom + 1]
        assert len(box) >= 8, "\n".join(rows)
        for row in box:
            right = max(row.rfind("│"), row.rfind("╮"), row.rfind("╯"))
            # by Unicode's widths, apart from Rich's that Textual laid the row out by
            assert terminal_width(row[:right]) == 79, row
            assert terminal_width(row) == 80, row
            text = [c for c in row if ord(c) not in BOX_DRAWING]
            wide_by_setting = {c for c in text if unicodedata.east_asian_width(c) == "A"}
            assert wide_by_setting <= AMBIGUOUS_KEPT, row
        first = next(row for row in box if "1. If q and k" in row)
        assert first.rstrip(" │").endswith("q ⋅"), first  # the reported line, now the operator
        assert not any("·" in row for row in box), "\n".join(box)
