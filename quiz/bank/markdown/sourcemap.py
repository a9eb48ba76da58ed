"""Positions in an inline token's content mapped back onto the text it was read from
(and offsets of a normalized text onto the text as given), so that what the parser
finds (a formula, a code span, an escape) is reported where the user wrote it.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from markdown_it.token import Token


class LineIndex:
    """Line number <-> offset for one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        position = text.find("\n")
        while position >= 0:
            self.starts.append(position + 1)
            position = text.find("\n", position + 1)

    def line(self, row: int) -> tuple[int, str]:
        """(offset of its first character, its text) for a 0-based line number."""
        start = self.starts[row]
        end = self.starts[row + 1] - 1 if row + 1 < len(self.starts) else len(self.text)
        return start, self.text[start:end]

    def row(self, offset: int) -> int:
        """The 0-based line that holds an offset."""
        return bisect.bisect_right(self.starts, offset) - 1

    def line_and_column(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset: where an editor shows it."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


class Origins(list[int]):
    """Offset in the text of each line of an inline token's content (-1 when not found).
    `pipes`: the token is a table cell whose every `|` was written `\\|` (the table rule
    takes the backslash out), so each `|` before a position moves it one further on."""

    pipes: bool = False
    starts: list[int] | None = None
    """Where each line of the content starts in it, once per token (`locate` split the
    whole content at each call: minutes for a card of many formulas)."""


def is_cell(tokens: list[Token], index: int) -> bool:
    """True when the inline token at `index` is a table cell's (its `\\|` read as `|`)."""
    return index > 0 and tokens[index - 1].type in ("td_open", "th_open")


def inline_offsets(
    token: Token, lines: LineIndex, cursors: dict[int, int], *, cell: bool = False
) -> Origins:
    """Offset in the text of each line of an inline token's content (-1 when not found).
    `cell`: the token is a table cell (after `td_open` or `th_open`)."""
    assert token.map is not None
    origins = Origins()
    origins.pipes = cell and "|" in token.content
    origins.starts = [0]
    for k, piece in enumerate(token.content.split("\n")):
        origins.starts.append(origins.starts[-1] + len(piece) + 1)
        row = token.map[0] + k
        if row >= len(lines.starts):
            origins.append(-1)
            continue
        line_start, raw = lines.line(row)
        bare = piece.lstrip(" \t")
        written = bare.replace("|", "\\|") if origins.pipes else bare
        found = raw.find(written, cursors.get(row, 0)) if bare else -1
        if found < 0:
            origins.append(-1)
            continue
        cursors[row] = found + len(written)  # table cells of one row are found left to right
        origins.append(line_start + found - (len(piece) - len(bare)))
    return origins


def locate(content: str, origins: Origins, position: int) -> int:
    """Offset in the text of a position in an inline token's content."""
    starts = origins.starts
    if starts is None:
        starts = [0]
        for piece in content.split("\n")[:-1]:
            starts.append(starts[-1] + len(piece) + 1)
    row = bisect.bisect_right(starts, position) - 1
    origin = origins[row] if row < len(origins) else -1
    if origin < 0:
        return -1
    shift = content.count("|", starts[row], position) if origins.pipes else 0
    return origin + position - starts[row] + shift


def original_offset(original: str) -> Callable[[int], int]:
    """Maps an offset of `normalize(original)` back onto `original`."""
    where: list[int] = []
    index = 0
    while index < len(original):
        where.append(index)
        index += 2 if original.startswith("\r\n", index) else 1
    where.append(len(original))

    def at(offset: int) -> int:
        return where[min(offset, len(where) - 1)]

    return at
