"""Notes cut into parts read apart (two processes, or pieces of one read) and the parts'
questions merged back, only where a cut changes nothing the whole read would find.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from quiz.bank.markdown import normalize
from quiz.ecosystem.notes.found import NoteQuestion, ParsedNotes


@dataclass(frozen=True)
class NotesPart:
    """`parse_notes` of a part of the notes (see `cut_notes`), with what tells whether the
    part reads as it does in the whole file."""

    parsed: ParsedNotes
    references: bool
    """It defines link references (another part's inline markup may use them)."""
    runs_to_end: bool
    """A fence, math, HTML or indented code block reaches its end (it may go on past it)."""
    open_level: int
    """The lowest level of a question-like heading whose extent reaches its end (7: none)."""
    first_heading: tuple[int, int] | None
    """(line, level) of its first block when that is a heading."""


_REFERENCE_LIKE = re.compile(r"^[ \t>*+\-\d.)]*\[[^\]\n]+\]:", re.MULTILINE)
"""A line that may define a link reference (in a list or quote too)."""


_SPLIT_WINDOW = (0.3, 0.7)
"""Where in the text (as fractions of its length) a split line is looked for."""


def cut_notes(text: str) -> tuple[str, str, int, int] | None:
    """The notes cut in two at a heading near their middle: (first part, second part, the
    heading's line, its level), or None. The second part starts with blank lines for the
    first's, so that every line keeps its number.

    The heading starts its line and follows a blank line, outside the fences a line scan
    sees, and among such headings it has the lowest level (a question's or section's
    extent ends at a heading of its level or higher) and then is nearest the middle. This
    is a guess made without parsing: `parts_agree` tells from the two parts' reading
    whether it held (no block runs on over it, no question-like heading above its level
    is open there, no link references). Notes with a line that may define a link
    reference get None: their parts would be refused. Made from the heading's offset (no
    list of the lines)."""
    text = normalize(text.lstrip("\ufeff"))
    cut = _cut(text)
    if cut is None:
        return None
    offset, line, level = cut
    # The line before the heading is blank: the first part ends at its newline.
    return text[: offset - 1], "\n" * line + text[offset:], line, level


def _cut(text: str) -> tuple[int, int, int] | None:
    """(offset, line, level) of `cut_notes`'s heading in a normalized text."""
    low, high = (int(len(text) * f) for f in _SPLIT_WINDOW)
    if "\n\n#" not in text[low:high] or ("]:" in text and _REFERENCE_LIKE.search(text)):
        return None  # no heading to cut at; or link references, which the parts would refuse
    middle = len(text) // 2
    best = min(
        ((level, abs(at - middle), at) for at, level in _cut_headings(text, low, high)),
        default=None,
    )  # the lowest level, then the nearest the middle
    if best is None:
        return None
    return best[2], text.count("\n", 0, best[2]), best[0]


def _cut_headings(text: str, low: int, high: int) -> list[tuple[int, int]]:
    """(offset, level) of each heading a normalized text may be cut at, in order: a `#`
    heading starting a line after a blank line, between offsets `low` and `high`, outside
    the fences a line scan sees (a `# comment` in code is none)."""
    fences: list[tuple[int, bool]] = []  # (offset, inside a fence after it)
    opened: str | None = None
    for at, mark, rest in _fence_lines(text, high):
        if opened is None:
            if not (mark[0] == "`" and "`" in rest):
                opened = mark
                fences.append((at, True))
        elif mark[0] == opened[0] and len(mark) >= len(opened) and not rest.strip():
            opened = None
            fences.append((at, False))
    starts = [offset for offset, _ in fences]
    found: list[tuple[int, int]] = []
    at = text.find("\n\n#", max(low - 2, 0), high) + 2
    while at >= 2:
        level = 1
        while level < 7 and text.startswith("#", at + level):
            level += 1
        if level <= 6 and text[at + level : at + level + 1] in (" ", "\t", "\n"):
            before = bisect.bisect_right(starts, at) - 1
            if not (before >= 0 and fences[before][1]):  # not a comment line in code
                found.append((at, level))
        at = text.find("\n\n#", at, high) + 2
    return found


def _fence_lines(text: str, end: int) -> list[tuple[int, str, str]]:
    """(line start, fence mark, rest of the line) of each line before `end` that starts, after
    at most three spaces, with three or more backticks or tildes; in order. Found with
    `str.find`: a regex anchored at every line start walks the whole text."""
    found: list[tuple[int, str, str]] = []
    for mark in ("```", "~~~"):
        at = text.find(mark, 0, end)
        while at >= 0:
            run_end = at + 3
            while text.startswith(mark[0], run_end):
                run_end += 1
            line_start = text.rfind("\n", 0, at) + 1
            if at - line_start <= 3 and text[line_start:at] == " " * (at - line_start):
                line_end = text.find("\n", run_end)
                rest = text[run_end : line_end if line_end >= 0 else len(text)]
                found.append((line_start, text[at:run_end], rest))
            at = text.find(mark, run_end, end)
    found.sort()
    return found


def parts_agree(first: NotesPart, second: NotesPart, line: int, level: int) -> bool:
    """True when two parts cut at a heading (`cut_notes`) read as the whole file does:
    nothing in the first runs on past its end, no question-like heading of a higher level
    than the split's is open at it (its extent would go on into the second), the second
    starts with that heading, and neither defines link references (the other's inline
    markup could use them)."""
    return (
        not first.runs_to_end
        and not first.references
        and not second.references
        and first.open_level >= level
        and second.first_heading == (line, level)
    )


def merge_parts(*parts: ParsedNotes) -> ParsedNotes:
    """The notes read as agreeing parts, in order, as one: each part's questions numbered
    after those of the parts before it."""
    questions: list[NoteQuestion] = []
    for part in parts:
        offset = len(questions)
        questions.extend(
            replace(q, ordinal=q.ordinal + offset) if offset else q for q in part.questions
        )
    return ParsedNotes(
        next((part.title for part in parts if part.title is not None), None),
        tuple(questions),
        tuple(item for part in parts for item in part.ignored),
        tuple(item for part in parts for item in part.sections),
        tuple(row for part in parts for row in part.property_rows),
    )


def piece_cuts(text: str, start: int, piece_bytes: int) -> list[tuple[int, int, int]]:
    """Where `read_part` cuts a long normalized text, from offset `start` on: (offset,
    line, level) of a heading about every `piece_bytes`, each as `cut_notes` picks one
    (at a line start after a blank line, outside fences; the lowest level in the second
    half of a piece, the latest of those). None for notes with a line that may define a
    link reference: their pieces would be refused."""
    if "]:" in text and _REFERENCE_LIKE.search(text):
        return []
    headings = _cut_headings(text, start, len(text))
    offsets = [offset for offset, _level in headings]
    cuts: list[tuple[int, int, int]] = []
    line, counted_to = text.count("\n", 0, start), start
    at = start
    while len(text) - at > piece_bytes:
        low = bisect.bisect_right(offsets, at + piece_bytes // 2)
        high = bisect.bisect_right(offsets, at + piece_bytes)
        window = headings[low:high] or headings[low : low + 1]
        if not window:
            break
        offset, level = min(window, key=lambda heading: (heading[1], -heading[0]))
        line += text.count("\n", counted_to, offset)
        counted_to = at = offset
        cuts.append((offset, line, level))
    return cuts
