"""Table rows cut to the terminal's width, as `git branch -v` keeps its rows on one line:
at 80 columns a third of `drillbit drills`' rows wrapped, the end of the title under the
next row's drill id, cut mid-word. `list` and `cards`, whose columns before the title took
80 already, also drop the columns a narrow terminal has no room for, or merge two into one
(`table_lines`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from quiz.textsafe import printable
from quiz.wrapping import fit

__all__ = ["TITLE_ROOM", "Column", "Merged", "Narrowing", "table_lines"]


TITLE_ROOM = 40
"""Columns a terminal leaves the title (most titles' length), dropping other columns for it
while it can: an 80-column `drillbit list` or `cards` gave it none (their fixed columns
took 80), and each row wrapped."""


@dataclass(frozen=True)
class Column:
    """One column of a table before its last, the title: its header, one cell a row, the
    spaces after it, and the number of columns it is padded to (the widest cell by default)."""

    header: str
    cells: Sequence[str]
    gap: int = 2
    pad: int | None = None
    right: bool = False
    """Numbers are right-aligned, under a header as wide as them."""

    @cached_property
    def padded(self) -> int:
        """The columns each cell is padded to (measured once: a bank has thousands)."""
        return self.pad if self.pad is not None else max(map(len, [self.header, *self.cells]))

    def width(self) -> int:
        """The column's width with its gap."""
        return self.padded + self.gap

    def cell(self, text: str) -> str:
        """`text` padded to the column, aligned, and the gap after it."""
        pad = self.padded
        return (f"{text:>{pad}}" if self.right else f"{text:<{pad}}") + " " * self.gap


@dataclass(frozen=True)
class Merged:
    """Columns a narrow terminal shows as one, `into`, in the place of the first of them:
    `cards`' state and due date become one DUE column, a date or the state of a card that
    has none (new, suspended, buried), as Anki's browser says "New #3" under Due."""

    columns: tuple[Column, ...]
    into: Column


Narrowing = Column | Merged
"""One step a narrow terminal takes for the title: a column dropped, or columns merged."""


def table_lines(
    columns: Sequence[Column],
    titles: Sequence[str],
    width: int | None,
    narrower: Sequence[Narrowing] = (),
) -> list[str]:
    """The header ("TITLE") and one line a row: the columns, then the title, each line cut
    to `width` (`fit`). While the columns leave the title fewer than `TITLE_ROOM` columns
    of the terminal (or than the longest title, when shorter), the steps of `narrower` are
    taken, in its order (a column dropped, or columns merged into one); into a pipe
    (`width` None) every column stays, and every line whole."""
    layout = [(column, column) for column in columns]  # (the column asked for, as shown)
    room = min(TITLE_ROOM, max(map(len, titles), default=0))  # short titles need less
    for step in narrower:
        if width is None or sum(shown.width() for _, shown in layout) + room <= width:
            break
        layout = _narrowed(layout, step)
    kept = [shown for _, shown in layout]
    rows = [(tuple(c.header for c in kept), "TITLE")]
    rows += [(tuple(c.cells[i] for c in kept), title) for i, title in enumerate(titles)]
    return [
        fit(
            printable("".join(c.cell(text) for c, text in zip(kept, cells, strict=True)) + title),
            width,
        )
        for cells, title in rows
    ]


Layout = list[tuple[Column, Column]]
"""A table's columns as (the column asked for, the column as shown, its gap widened)."""


def _narrowed(layout: Layout, step: Narrowing) -> Layout:
    """`layout` after `step`. A dropped column leaves the one before it the wider of their
    two gaps: a due date was followed by the time one space on, and by the title two."""
    if isinstance(step, Merged):
        first, *others = step.columns
        return [
            (step.into, step.into) if asked is first else (asked, shown)
            for asked, shown in layout
            if not any(asked is other for other in others)
        ]
    narrowed: Layout = []
    for asked, shown in layout:
        if asked is not step:
            narrowed.append((asked, shown))
        elif narrowed:
            before_asked, before = narrowed[-1]
            narrowed[-1] = (before_asked, replace(before, gap=max(before.gap, shown.gap)))
    return narrowed
