"""How the import's messages name the lines of the text they read: `line 12`, `lines 3,
9-11`, a place `notes.md:12`; or, for a notebook, its cells' (`cell 4, line 3`).

Every reader names lines of the text it was given, and a notebook's text is its cells
joined into Markdown, whose lines are no line a user can find. Each message builds the
words for its lines here, from the numbers, when it is made; a notebook's import sets
`CellPlaces` (`notebook/places.py`) as the namer for the plan's making, so a message says
cells from the start. Before, the plan's messages were said in joined lines and rewritten
afterwards by a pattern over their text, which also rewrote what a message quoted: the
skip of a question "Why do the rows' line 5 fail?" named 'Why do the rows' cell 2, line 3
fail?'. No reader knows of notebooks; none edits a message's text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from quiz.errors import escape_path

Span = tuple[int, int]
"""A run of 1-based lines, first and last (the same for one line)."""


class LineNames:
    """Lines of plain notes, as editors count them: `line 12`, `lines 3, 9-11`."""

    def place(self, notes: Path, line: int) -> str:
        """A line as editors and terminals read a place: `notes.md:12`, the path as the
        user gave it (lint names a card's problems so too), its controls escaped."""
        return f"{escape_path(notes)}:{line}"

    def listed(self, spans: Sequence[Span], more: int = 0) -> str:
        """`line 3`, `lines 3-5`, `lines 3, 9-11 and 4 more` (`more` past those listed)."""
        items = [str(first) if first == last else f"{first}-{last}" for first, last in spans]
        word = "line" if len(items) == 1 and not more and "-" not in items[0] else "lines"
        return f"{word} {', '.join(items)}{f' and {more} more' if more else ''}"


_PLAIN = LineNames()
_NAMES: ContextVar[LineNames | None] = ContextVar("line_names", default=None)
"""The namer the messages being made use: plain lines unless `lines_named_by` says."""


def _names() -> LineNames:
    return _NAMES.get() or _PLAIN


@contextmanager
def lines_named_by(names: LineNames) -> Iterator[None]:
    """Messages made inside name their lines with `names` (a notebook's cells)."""
    token = _NAMES.set(names)
    try:
        yield
    finally:
        _NAMES.reset(token)


def place_of(notes: Path, line: int) -> str:
    """Where a line of the notes is: `notes.md:12`, or `lecture.ipynb: cell 4, line 3`."""
    return _names().place(notes, line)


def line_said(line: int) -> str:
    """`line 12` (or its cell's line)."""
    return _names().listed([(line, line)])


def span_said(first: int, last: int) -> str:
    """`lines 3-5`, or `line 3` when the span is one line."""
    return _names().listed([(first, last)])


def line_numbers(lines: Sequence[int], shown: int = 5) -> str:
    """`line 3`, or `lines 3, 9, 10` with the first `shown` numbers and how many more:
    the import report's notes name the lines they concern this one way."""
    return _names().listed([(line, line) for line in lines[:shown]], max(len(lines) - shown, 0))


def spans_said(spans: Sequence[Span], shown: int = 5) -> str:
    """Runs of lines, `lines 3, 10-12`, the first `shown` and how many more."""
    return _names().listed(spans[:shown], max(len(spans) - shown, 0))


def runs(lines: Sequence[int]) -> list[Span]:
    """Consecutive lines as runs: 3, 10, 11, 12 -> (3, 3), (10, 12)."""
    found: list[Span] = []
    for line in lines:
        if found and line == found[-1][1] + 1:
            found[-1] = (found[-1][0], line)
        else:
            found.append((line, line))
    return found
