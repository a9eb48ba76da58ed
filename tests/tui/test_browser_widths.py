"""The card browser's column widths, measured once per distinct cell (`widest_cells`) and
its titles only when a label can give way to them (`widest_title`)."""

from __future__ import annotations

import dataclasses

from rich.cells import cell_len

from quiz.browser import CardRow
from quiz.tui.screens.browser import DIFFICULTY, widest_cells, widest_title
from tests.study.fakes import deck

ROWS = [
    ("concept", "review", "*2024-12-06", "5.3", "0"),
    ("coding", "learning", "14:25", "10.0", "12"),
    ("数学", "new", "", "–", "0"),
    ("concept", "review", "Dec 06 09:48", "5.3", "3"),
]


def test_each_column_is_as_wide_as_its_widest_cell() -> None:
    want = [max(cell_len(row[n]) for row in ROWS) for n in range(5)]
    assert widest_cells(5, ROWS) == want == [7, 8, 12, 4, 2]
    assert widest_cells(4, []) == [0, 0, 0, 0]


def _rows(titles: list[str]) -> list[CardRow]:
    card = deck()[0]
    return [
        CardRow(
            card=dataclasses.replace(card, title=title),
            state="new",
            due=None,
            difficulty=None,
            lapses=0,
            is_due=False,
        )
        for title in titles
    ]


def test_the_titles_are_measured_only_when_a_label_can_give_way_to_them() -> None:
    """Only "difficulty" has a shorter label: with the other columns the widest title
    changes nothing, and a heavy user's 10,000 were measured for it (5 ms a first frame)."""
    rows = _rows(["Short", "A wide 数学 title", "Mid title"])
    assert widest_title(rows, ["kind", "state", "due", DIFFICULTY, "lapses"]) == cell_len(
        "A wide 数学 title"
    )
    assert widest_title(rows, ["kind", "state", "due", "lapses"]) == 0
    assert widest_title([], ["kind", DIFFICULTY]) == 0
