"""Home's columns, and which of them a narrow terminal gives up so that none of the rest
needs a horizontal scroll bar (as the card list shortens its labels to keep the titles)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.cells import cell_len

COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", "pack / topic"),
    ("today", "today"),
    ("new", "new"),
    ("learning", "learning"),
    ("review", "review"),
    ("suspended", "susp."),
    ("total", "cards"),
)
"""Every column's key and label, in order: first what `d` studies today, then by state."""

GIVEN_UP = ("suspended", "total")
"""What a narrow terminal drops first, in order: suspended cards (mostly none, the card
list shows them) and the total (the totals line above the table says it). What `d`
studies, the new, learning and review counts stay."""

CHROME = 2
"""The table's vertical scroll bar, beside the columns."""


def fitted_columns(width: int, cells: Iterable[Mapping[str, str]]) -> tuple[str, ...]:
    """The keys of the columns shown at `width` cells for rows of `cells` (key -> text):
    every column while they fit (a cell of padding each side), else GIVEN_UP's in order."""
    widest = {key: cell_len(label) for key, label in COLUMNS}
    for row in cells:
        for key, text in row.items():
            widest[key] = max(widest.get(key, 0), cell_len(text))
    shown = [key for key, _ in COLUMNS]
    for key in GIVEN_UP:
        if sum(widest[k] + 2 for k in shown) + CHROME <= width:
            break
        shown.remove(key)
    return tuple(shown)
