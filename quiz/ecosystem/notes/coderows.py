"""Which lines of notes are code, as the one Markdown reader finds it, and the one rule for
a Logseq property line that every reader of properties shares.

A line that looks like a property (`key:: value`, a bare `Foo::`) is metadata only outside
code: in a fenced or indented block (C++'s `Foo::` starting a line, a `key:: value` shown
in an example) or on a line an inline code span opened above runs on to, it is the code's.
The take-off of properties (`blockprops`), the blocks a `((ref))` names (`blockrefs`) and
the `tags:: card` property (`cardtagplace`) all ask `PROPERTY_LINE` and `CodeRows`; the
report's list of properties (`properties`) reads the rows the take-off left out.

`CodeRows` parses a text once, on the first question, and only its blocks (a block parse is
several times faster than a full one); a paragraph's inline markup is read only for a row
asked about that is not the paragraph's first and has a backtick before its start and
one after it, once a paragraph. A text with no line that looks like a property is not parsed
at all, nor one with no backtick, no `~~~` and no line indented four columns (Dataview's
flat notes). (import53c found the code by parsing the whole note, blocks and inline, twice each
time it asked, up to three times a text: 4 to 11 s on a 700 KB Logseq note, where reading
its properties took 0.06 s.)
"""

from __future__ import annotations

import bisect
import re

from markdown_it.token import Token

from quiz.bank.markdown import inline_children, parse_blocks

PROPERTY_LINE = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?P<key>[A-Za-z][\w-]*)::(?:[ \t](?P<value>.*)|\r)?$"
)
"""A property line, matched on one line (`\\n` not included): its key, then `::` with a
blank and its value, or nothing (`collapsed::`, a bare `Foo::`). No blank before the `::`
(`Dropout ::` is RemNote's concept card) and nothing right after it (`std::vector` is
text)."""

_NEWLINE = re.compile("\n")
_INDENTED = re.compile(r"^(?: {4}| {0,3}\t)", re.MULTILINE)
"""A line indented by four columns or more: the least an indented code block needs."""


class CodeRows:
    """Whether a row (0-based, of `text.split("\\n")`) starts in code: a row of a fenced or
    indented block (its fences included), or one an inline code span opened on a row above
    runs on to (a span may hold a line break). Ask with `row in code`."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._blocks: set[int] | None = None
        self._paragraphs: list[tuple[int, int, Token]] = []
        """(first row, row past it, inline token) of each inline text of several lines
        with a backtick, in order (they do not overlap)."""
        self._firsts: list[int] = []
        self._spanned: dict[int, frozenset[int]] = {}
        """Paragraph index -> the rows of it whose start is inside a code span."""
        self._env: dict[str, object] = {}

    def _parse(self) -> set[int]:
        """The rows of code blocks, and the paragraphs a span may cross, read once."""
        if "`" not in self._text and "~~~" not in self._text and not _INDENTED.search(self._text):
            self._blocks = set()  # no fence, no span, no line indented as code: no code
            return self._blocks
        # rows are `\n` lines: the parser reads a lone `\r` as a line break too
        text = self._text.replace("\r\n", "\n").replace("\r", " ")
        blocks: set[int] = set()
        for token in parse_blocks(text, env=self._env):
            if token.map is None:
                continue
            first, end = token.map
            if token.type in ("fence", "code_block"):
                blocks.update(range(first, end))
            elif token.type == "inline" and end - first > 1 and "`" in token.content:
                self._paragraphs.append((first, end, token))
        self._firsts = [first for first, _, _ in self._paragraphs]
        self._blocks = blocks
        return blocks

    def __contains__(self, row: object) -> bool:
        if not isinstance(row, int):
            return False
        blocks = self._parse() if self._blocks is None else self._blocks
        if row in blocks:
            return True
        index = bisect.bisect_right(self._firsts, row) - 1
        if index < 0:
            return False
        first, end, token = self._paragraphs[index]
        if not first < row < end:
            return False  # a paragraph's first row starts outside any span of it
        if not _ticks_around(token.content, row - first):
            return False  # no span can open before the row and close after its start
        if index not in self._spanned:
            self._spanned[index] = self._spanned_rows(index)
        return row in self._spanned[index]

    def _spanned_rows(self, index: int) -> frozenset[int]:
        """The rows of a paragraph whose start an inline code span covers."""
        first, _, token = self._paragraphs[index]
        content = token.content  # one line of it a row, from `first` on
        starts = [0, *(match.end() for match in _NEWLINE.finditer(content))]
        rows: set[int] = set()
        for child in inline_children(token, self._env):
            span = child.meta.get("span") if child.meta else None
            if child.type != "code_inline" or span is None:
                continue
            begin, stop = span
            line = bisect.bisect_right(starts, begin)  # the first line starting after it opens
            while line < len(starts) and starts[line] < stop:
                rows.add(first + line)
                line += 1
        return frozenset(rows)


def _ticks_around(content: str, line: int) -> bool:
    """True when the content has a backtick before its `line`'s start and one after it: a
    span over that start needs both (most paragraphs a Logseq block's properties are in
    have their code on the block's first line alone, and are not parsed inline)."""
    start = -1
    for _ in range(line):
        start = content.find("\n", start + 1)
        if start < 0:
            return False
    return content.rfind("`", 0, start) >= 0 and content.find("`", start) >= 0
