"""A code block never closed: Markdown reads the rest of the card as its code.

An author who opens a block (```` ```python ````) and forgets its closing line loses every
section below it: their `## Answer` heading is code now, and the card was told "missing
section '## Answer'" at the body's first line, under a heading the author can see. Finding
the open block lets the problem be told at its cause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["OpenFence", "first_sentence_inside", "unclosed_fence"]

_OPENING = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")
_HEADING = re.compile(r"## +(.*?)(?: +#+)? *")
_SENTENCE = re.compile(r"[^\s#/]\S*(?: +\S+){3,}[.?!]")
"""A line of prose: not indented nor a comment, four words or more, ending as a sentence
ends (a statement of code at the margin almost never ends with `.`, `?` or `!`)."""


@dataclass(frozen=True)
class OpenFence:
    """A code block that runs to the end of the text."""

    line: int
    """Its opening line, 0-based in the text."""
    marker: str
    """The opening's backticks or tildes: the closing line the block needs."""
    headings: tuple[str, ...]
    """The `## ` headings inside it, read as code."""


def unclosed_fence(text: str) -> OpenFence | None:
    """The top-level fenced code block of Markdown `text` that is never closed, if any
    (an opening at most three spaces in, as CommonMark reads one)."""
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        opening = _OPENING.fullmatch(lines[index])
        index += 1
        if opening is None or (opening[1][0] == "`" and "`" in opening[2]):
            continue
        marker = opening[1]
        closing = re.compile(rf" {{0,3}}{re.escape(marker[0])}{{{len(marker)},}}[ \t]*")
        start = index - 1
        while index < len(lines) and closing.fullmatch(lines[index]) is None:
            index += 1
        if index == len(lines):
            inside = lines[start + 1 :]
            found = (_HEADING.fullmatch(line) for line in inside)
            return OpenFence(start, marker, tuple(m[1] for m in found if m is not None))
        index += 1  # past the closing line
    return None


def first_sentence_inside(text: str, fence: OpenFence) -> int | None:
    """The 0-based line in `text` of the first sentence of prose inside the open block
    `fence` after a blank line, if any: words an author wrote after the code they meant to
    close, which Markdown shows as code. A block of code alone, left open at the end,
    shows as it would closed, and has none."""
    lines = text.splitlines()
    for index in range(fence.line + 2, len(lines)):
        if not lines[index - 1].strip() and _SENTENCE.fullmatch(lines[index].rstrip()):
            return index
    return None
