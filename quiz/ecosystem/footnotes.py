"""Footnotes (`text.[^1]` and `[^1]: a source`): the note's, not an answer's text.

Obsidian and GitHub show a footnote's mark as a small number and its text at the end of
the note. Read as Markdown the mark was text after a sentence's period ("floor.[^1]"),
so the sentence ended no statement and an answer could be skipped as too short, and the
footnote's text, written at the end of the note, was taken into the last question's
answer, another card's. Here the marks (outside fences and code spans) are taken out,
each footnote's lines (its first, and the indented ones after it) left empty in place,
so every line keeps its number, and the report names them: a card has no footnotes.

An inline footnote (`explode.^[He et al. derive the scale.]`, Obsidian's and Pandoc's) is
a footnote written in place: it was the end of the sentence's text on the card and in its
key point. It is taken out as a mark is, and named with the lines it was on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from quiz.ecosystem.fences import outside_fences
from quiz.ecosystem.linenames import line_numbers, line_said, place_of
from quiz.ecosystem.notes.tabs import indent_of

_DEFINITION = re.compile(r"^ {0,3}\[\^[^\]\s]+\]:")
_MARK = re.compile(r"\[\^[^\]\s]+\](?!:)|(?P<inline>\^\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\])")
"""A footnote's mark (`[^1]`), or an inline footnote (`^[text]`, a `[link]` allowed in it)."""


@dataclass(frozen=True)
class Footnotes:
    """The notes without their footnotes and footnote marks, and where they were."""

    text: str
    lines: tuple[int, ...] = ()
    """1-based lines where a footnote starts."""
    marks: int = 0
    """How many marks were taken out of the text."""
    inline: tuple[int, ...] = ()
    """1-based lines of the inline footnotes (`^[text]`) taken out, one per footnote."""
    named: tuple[tuple[int, str], ...] = ()
    """(1-based line, the mark as written: `[^aug]`) of the first `_NAMED` marks."""

    def note(self, notes: Path | None = None) -> str | None:
        """One line for the import's report, or None when there was no footnote; each mark
        is named as written, at `notes.md:3` (at `line 3` without `notes`)."""
        if not self.lines and not self.marks and not self.inline:
            return None
        parts = []
        if self.lines:
            one = len(self.lines) == 1
            parts.append(
                line_numbers(self.lines) + (" holds a footnote" if one else " hold footnotes")
            )
        if self.marks:
            parts.append(
                f"{self.marks} footnote mark{'s' if self.marks > 1 else ''}"
                f" ({self._marks_said(notes)}) in the text"
            )
        if self.inline:
            lines = sorted(set(self.inline))
            parts.append(
                f"{len(self.inline)} inline footnote{'s' if len(self.inline) > 1 else ''}"
                f" (^[...]) on {line_numbers(lines)}"
            )
        return (
            f"{' and '.join(parts)}: left out, as a card has no footnotes (write a source "
            "into the answer's text to keep it)"
        )

    def _marks_said(self, notes: Path | None) -> str:
        """`[^aug] at notes.md:3, [^1] at notes.md:7`: the marks as the file wrote them."""
        said = ", ".join(
            f"{mark} at {place_of(notes, line) if notes is not None else line_said(line)}"
            for line, mark in self.named
        )
        more = self.marks - len(self.named)
        return f"{said} and {more} more" if more > 0 else said


_NAMED = 3
"""How many marks the report names as written (the rest are counted)."""


def take_footnotes(text: str) -> Footnotes:
    """The notes with footnotes and their marks taken out (see the module's docstring)."""
    if "[^" not in text and "^[" not in text:
        return Footnotes(text)  # the common case: no copy of a large file
    rows = text.split("\n")
    starts: list[int] = []
    marks = 0
    named: list[tuple[int, str]] = []
    inline: list[int] = []
    inside = False  # in a footnote: its indented lines are its own
    previous = -1
    for index in outside_fences(rows):
        row = rows[index]
        stripped = row.strip()
        if index != previous + 1:
            inside = False  # a fence ended the footnote
        previous = index
        if _DEFINITION.match(row):
            starts.append(index + 1)
            inside = True
        elif not (inside and (indent_of(row) or not stripped)):
            inside = False
            if "[^" in row or "^[" in row:
                kept, found, written = _unmarked(row)
                named.extend((index + 1, mark) for mark in found[: _NAMED - len(named)])
                rows[index], marks = kept, marks + len(found)
                inline.extend([index + 1] * written)
            continue
        rows[index] = "\r" if row.endswith("\r") else ""
    if not starts and not marks and not inline:
        return Footnotes(text)
    return Footnotes("\n".join(rows), tuple(starts), marks, tuple(inline), tuple(named))


def _unmarked(row: str) -> tuple[str, list[str], int]:
    """The line without its footnote marks and inline footnotes outside code spans, its
    marks as written, and how many inline footnotes there were."""
    pieces: list[str] = []
    found: list[str] = []
    written = 0
    done = 0
    ticks = 0  # backticks before `counted`, counted as the walk goes: linear
    counted = 0
    for match in _MARK.finditer(row):
        ticks += row.count("`", counted, match.start())
        counted = match.start()
        if ticks % 2:
            continue  # inside a code span
        pieces.append(row[done : match.start()])
        done = match.end()
        if match.group("inline") is None:
            found.append(match.group(0))
        else:
            written += 1
    pieces.append(row[done:])
    return "".join(pieces), found, written
