"""Obsidian comments (`%% ... %%`): text Obsidian never shows, so no card's.

A vault note hides a to-do or a remark between two `%%` marks, on one line (`ravine.%%
check the Goh article%% It speeds...`) or over several. Read as Markdown the marks and
the remark were answer text: a card's answer read "%% check the Goh article %%", a
sentence run into the next made an answer "too short", and a comment above the first
question was named as the note's introduction. Here each comment (outside fences,
indented code and code spans) is taken off in place, its lines left in the text, empty
where nothing else was on them, so every line keeps its number; the report names them.
A `%%` that no second one closes is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.ecosystem.fences import outside_fences
from quiz.ecosystem.linenames import runs, spans_said
from quiz.ecosystem.notes.tabs import indent_of

MARK = "%%"


@dataclass(frozen=True)
class Comments:
    """The notes without their Obsidian comments, and the lines they were on."""

    text: str
    lines: tuple[int, ...] = ()
    """1-based lines that held (part of) a comment."""

    def note(self) -> str | None:
        """One line for the import's report, or None when there was no comment."""
        if not self.lines:
            return None
        said = spans_said(runs(self.lines))
        where = f"{said} holds" if self.lines == (self.lines[0],) else f"{said} hold"
        return f"{where} Obsidian comments (%% ... %%), which Obsidian does not show: left out"


def _marks(row: str) -> list[int]:
    """Offsets of the `%%` marks of a line outside its code spans (an odd number of
    backticks before one opens a span), counted as the walk goes: linear."""
    found: list[int] = []
    ticks = 0  # backticks before `done`
    done = 0
    at = row.find(MARK)
    while at >= 0:
        ticks += row.count("`", done, at)
        done = at
        if ticks % 2 == 0:
            found.append(at)
        at = row.find(MARK, at + len(MARK))
    return found


_GLUED = re.compile(r"""[\w"'(\[{=+*/<>%-]""")
"""A character that, right before an opening `%%` or after a closing one, makes the mark
part of a word or an expression (`100%%`, `"%%d"`), not a comment's."""


def take_comments(text: str, separator: str | None = None) -> Comments:
    """The notes with each closed comment taken off (see the module's docstring).

    `separator`: the text is a card list, one card a line, its fields parted by it. A
    card's `%%` is then its text (`printf("100%%")`): the marks on a card's line pair only
    with each other, and such a pair is a comment only inside one field with its marks
    not glued to words (`... costly. %%check ESL 9.2%%`); the marks on the lines between
    cards pair with each other, and a pair of them around a card is text. Before, one
    comment in a card kept every comment as text, and a list with comments between its
    cards read as notes ("no questions found")."""
    if text.count(MARK) < 2:
        return Comments(text)  # the common case: no copy of a large file
    rows = text.split("\n")
    marks: list[tuple[int, int]] = []  # (row, offset) of each mark outside code
    card_marks: list[tuple[int, int]] = []  # of a card list's cards, paired row by row
    for index in outside_fences(rows):
        row = rows[index]
        if MARK in row and not indent_of(row):
            if separator is not None and separator in row:
                found = _marks(row)
                card_marks.extend((index, at) for at in found[: len(found) // 2 * 2])
            else:
                marks.extend((index, at) for at in _marks(row))
    pairs = [
        (first, start, last, end)
        for (first, start), (last, end) in zip(marks[0::2], marks[1::2], strict=False)
        if separator is None or not _around_card(rows, first, last, separator)
    ]
    pairs.extend(
        (first, start, first, end)
        for (first, start), (_, end) in zip(card_marks[0::2], card_marks[1::2], strict=False)
        if _in_field(rows[first], start, end, separator or "")
    )
    cuts: dict[int, list[tuple[int, int]]] = {}  # row -> (start, end) offsets taken off
    for first, start, last, end in sorted(pairs):
        for index in range(first, last + 1):
            begin = start if index == first else 0
            stop = end + len(MARK) if index == last else len(rows[index].rstrip("\r"))
            cuts.setdefault(index, []).append((begin, stop))
    if not cuts:
        return Comments(text)
    for index, spans in cuts.items():
        row = rows[index]
        kept = "".join(row[a:b] for a, b in _gaps(spans, len(row)))
        rows[index] = kept if kept.strip() else ("\r" if row.endswith("\r") else "")
    return Comments("\n".join(rows), tuple(sorted(index + 1 for index in cuts)))


def _around_card(rows: list[str], first: int, last: int, separator: str) -> bool:
    """True when a card's line is between two marks on lines of no card."""
    return any(separator in rows[index] for index in range(first + 1, last))


def _in_field(row: str, start: int, end: int, separator: str) -> bool:
    """True when the marks at `start` and `end` of a card's line close a comment inside one
    field, neither glued to a word or an expression around it."""
    close = end + len(MARK)
    before = row[start - 1] if start else ""
    after = row[close] if close < len(row) else ""
    return (
        separator not in row[start:close]
        and not (before != separator and _GLUED.fullmatch(before))
        and not (after != separator and _GLUED.fullmatch(after))
    )


def _gaps(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The parts of a line of `length` outside the sorted, disjoint `spans`."""
    gaps: list[tuple[int, int]] = []
    at = 0
    for start, end in spans:
        gaps.append((at, start))
        at = end
    gaps.append((at, length))
    return gaps
