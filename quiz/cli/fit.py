"""Table rows cut to the terminal's width, as `git branch -v` keeps its rows on one line:
at 80 columns a third of `drillbit drills`' rows wrapped, the end of the title under the
next row's drill id, cut mid-word."""

from __future__ import annotations

import shutil
import sys


def row_width() -> int | None:
    """The terminal's columns when stdout is a terminal; None for a pipe or a file, which
    get whole rows (`drillbit drills | grep`, `drillbit drills | less -S`)."""
    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size((80, 24)).columns


def fit(row: str, width: int | None) -> str:
    """`row` cut to `width` columns, "…" marking the cut (whole when `width` is None)."""
    if width is None or len(row) <= width:
        return row
    return row[: max(width - 1, 0)] + "…"
