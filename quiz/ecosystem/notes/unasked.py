"""Headings and bold lines that ask nothing over text of their own: the import says why
each was not imported, and where a plain line under one ends in `?`, how to make it ask.
"""

from __future__ import annotations

import bisect

from quiz.ecosystem.linenames import line_said
from quiz.ecosystem.notes.blocks import Block, first_after
from quiz.ecosystem.notes.found import Ignored
from quiz.ecosystem.notes.skips import untitled
from quiz.ecosystem.titles import clean_title, number_only


def not_questions(
    parts: list[Block],
    *,
    asking: set[int],
    starts: list[int],
    extents: list[tuple[int, int]],
    heading_end: dict[int, int],
    heading_starts: list[int],
    lines: list[str],
    code_rows: set[int],
) -> list[tuple[tuple[int, int], Ignored]]:
    """The headings and bold lines (`parts`) that ask nothing but have text under them no
    question's answer holds, each with its extent (rows) and why it was not imported.
    `asking`: the ids of the blocks that are question candidates; `starts` and `extents`:
    the questions' first rows and (first, past-last) rows; `heading_end`: a heading's row
    to the row past its extent; `heading_starts`: the top-level headings' rows."""
    found: list[tuple[tuple[int, int], Ignored]] = []
    for part in parts:
        if id(part) in asking or part.level == 1:
            continue
        before = bisect.bisect_left(starts, part.start) - 1
        if before >= 0 and extents[before][0] < part.start < extents[before][1]:
            continue
        end = heading_end[part.start] if part.kind == "heading" else len(lines)
        for others in (starts, heading_starts):
            after = first_after(others, part.start)
            if after is not None:
                end = min(end, others[after])
        if any(row.strip() for row in lines[part.end : end]):
            extent = (part.start, end)
            if part.kind != "heading":
                what = "a bold line without '?'"
            elif number_only(part.plain):  # `## Q5: ---`: numbered, and nothing to ask
                what = untitled(part.plain)
            else:
                what = "no Q number, no number, no '?', no asking verb such as 'Explain'"
            said = f"not a question ({what}), its text was not imported"
            asks = _plain_question_row(lines, part.end, end, code_rows)
            if asks is not None:  # `## Parameters` over `How many ...?` and its answer
                said += (
                    f"; {line_said(asks + 1)} ends in '?' but a plain line asks nothing: make it a"
                    " heading ('## ...?'), bold ('**...?**') or a 'Q:' line to import it"
                )
            found.append((extent, Ignored(part.start + 1, clean_title(part.plain), said)))
    return found


def _plain_question_row(lines: list[str], start: int, end: int, code: set[int]) -> int | None:
    """The first row in `start:end`, outside code, of plain text ending in `?` with text
    after it: a question the notes meant to ask, written as prose."""
    for row in range(start, end):
        text = lines[row].strip()
        if row in code or not text.endswith("?") or text.startswith(_NOT_PLAIN):
            continue
        if any(lines[r].strip() for r in range(row + 1, end)):
            return row
    return None


_NOT_PLAIN = ("#", ">", "|", "-", "*", "+", "<", "`", "~")
"""Starts of a line that is no plain paragraph's: a heading, quote, table, item, HTML, code."""
