"""Which lines of notes are outside fenced code: the one walk the line-rewriting readers share
(and, within a line, what is inside a code span).

Tag lines, Obsidian comments, footnotes and Logseq clozes are read line by line before the
notes are parsed, and none of them is in a code fence (```` ``` ```` or `~~~`, closed by a
line of at least as many of the same character). Each walked the lines with its own copy
of this check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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
