"""Which lines of notes are outside fenced code: the one walk the line-rewriting readers share
(and, within a line, what is inside a code span).

Tag lines, Obsidian comments, footnotes and Logseq clozes are read line by line before the
notes are parsed, and none of them is in a code fence (```` ``` ```` or `~~~`, closed by a
line of at least as many of the same character). Each walked the lines with its own copy
of this check.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator

from quiz.ecosystem.notes.tabs import indent_of

_LIST_MARK = re.compile(r"^[ \t]*[-*+][ \t]+")


def outside_fences(rows: list[str], *, in_items: bool = False) -> Iterator[int]:
    """The indices of the rows outside fences, in order; a fence's own lines are not given.
    A fence opens on a line not indented as code; with `in_items`, after a list mark at any
    indent too (a Logseq block's code: `- ```python`)."""
    fence: str | None = None
    for index, row in enumerate(rows):
        stripped = (_LIST_MARK.sub("", row, count=1) if in_items else row).strip()
        if fence is not None:
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = None
            continue
        if stripped[:3] in ("```", "~~~") and (in_items or not indent_of(row)):
            fence = stripped[: len(stripped) - len(stripped.lstrip(stripped[0]))]
            continue
        yield index


def in_code_span(row: str, at: int) -> bool:
    """True when offset `at` of the line is inside a code span (an odd number of backticks
    before it): the take-offs that work on one line leave code as written."""
    return row.count("`", 0, at) % 2 == 1


def code_span_test(row: str) -> Callable[[int], bool]:
    """`in_code_span` for many offsets of one line: the backticks are found once, so a line
    with thousands of places to test is read once, not once a place."""
    ticks = [at for at, char in enumerate(row) if char == "`"] if "`" in row else []
    return lambda at: bisect.bisect_left(ticks, at) % 2 == 1


def span_test(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether an offset is inside one of `spans` (sorted, not overlapping), by bisection."""
    starts = [start for start, _ in spans]

    def inside(at: int) -> bool:
        index = bisect.bisect_right(starts, at) - 1
        return index >= 0 and at < spans[index][1]

    return inside
