"""Where the math is: every formula outside code with its offsets, and every `$` that
opens nothing (lint's problems, and what the terminal renders as Unicode).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markdown_it.token import Token

from quiz.bank.markdown.parser import parser_for
from quiz.bank.markdown.rules import normalize
from quiz.bank.markdown.sourcemap import (
    LineIndex,
    inline_offsets,
    is_cell,
    locate,
    original_offset,
)

_MATH_TYPES = frozenset({"math_inline", "math_inline_double", "math_block"})


DOLLAR_HINT = " (write \\$ for a literal dollar sign)"
"""The body's fix a stray `$` is told with; a title, shown as written, takes it off."""


@dataclass(frozen=True)
class MathSpan:
    """One formula: offsets of the whole span (delimiters included) and of its LaTeX."""

    start: int
    end: int
    content_start: int
    content_end: int
    display: bool
    """True for `$$..$$` and `\\[..\\]` (shown on its own line)."""
    delimiter: str
    """The opening delimiter: `$`, `$$`, `\\(` or `\\[`."""
    latex: str
    """The formula; for a block in a quote or list, without the container's prefixes."""


@dataclass(frozen=True)
class DollarProblem:
    """A `$` that opens no math, at an offset of the normalized text."""

    offset: int
    message: str


@dataclass(frozen=True)
class MathScan:
    """The formulas of a text and the `$` signs that pair with nothing."""

    spans: tuple[MathSpan, ...]
    problems: tuple[DollarProblem, ...]


_EMPTY = MathScan((), ())


def _escaped(text: str, position: int) -> bool:
    """True when an odd number of backslashes precede the position."""
    count = 0
    while position - count - 1 >= 0 and text[position - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _walk_inline(
    token: Token,
    children: list[Token],
    lines: LineIndex,
    cursors: dict[int, int],
    spans: list[MathSpan],
    problems: list[DollarProblem],
    cell: bool,
) -> None:
    """The formulas of one inline token (from its children's recorded spans) and its `$`
    signs outside them, added to `spans` and `problems` at offsets of the text: a `$` the
    parser left as text is one a reader meant as math or as a dollar, and lint asks which.
    `cell`: the token is a table cell (its `\\|` read as `|`)."""
    content = token.content
    origins = inline_offsets(token, lines, cursors, cell=cell)
    covered: list[tuple[int, int]] = []
    for child in children:
        span = child.meta.get("span") if child.meta else None
        if span is None:
            continue
        start, end = span
        covered.append((start, end))
        if child.type not in _MATH_TYPES:
            continue
        width = len(child.markup)
        source_start = locate(content, origins, start)
        source_end = locate(content, origins, end - 1) + 1
        if source_start < 0 or source_end <= 0:
            continue
        spans.append(
            MathSpan(
                start=source_start,
                end=source_end,
                content_start=source_start + width,
                content_end=source_end - width,
                display=child.type == "math_inline_double",
                delimiter=child.markup,
                latex=child.content,
            )
        )
    # The `$` signs come in order: one pass over the spans sorted by start tells which are
    # inside one (a test of every span for each sign took minutes on a long card).
    covered.sort()
    passed = 0
    position = content.find("$")
    while position >= 0:
        step = 1
        while passed < len(covered) and covered[passed][1] <= position:
            passed += 1
        inside = passed < len(covered) and covered[passed][0] <= position
        if not inside and not _escaped(content, position):
            double = content.startswith("$$", position)
            step = 2 if double else 1
            offset = locate(content, origins, position)
            after = content[position + 1 : position + 2]
            if double:
                message = "unclosed display math: '$$' has no closing '$$'"
            elif not after or after.isspace():
                message = "stray '$': math must not start with a space" + DOLLAR_HINT
            else:
                message = "unclosed inline math: '$' has no closing '$'" + DOLLAR_HINT
            if offset >= 0:
                problems.append(DollarProblem(offset, message))
        position = content.find("$", position + step)


def _block_span(token: Token, lines: LineIndex) -> MathSpan | None:
    """A `$$` block on its own lines: the first `$$` of its first line to the last of its last."""
    assert token.map is not None
    first_start, first = lines.line(token.map[0])
    last_start, last = lines.line(token.map[1] - 1)
    opening, closing = first.find("$$"), last.rfind("$$")
    if opening < 0 or closing < 0:
        return None
    start, end = first_start + opening, last_start + closing + 2
    if end - start < 4:
        return None
    return MathSpan(start, end, start + 2, end - 2, True, "$$", token.content)


@lru_cache(maxsize=2048)
def scan_math(text: str, *, latex_delimiters: bool = False) -> MathScan:
    """Every formula outside code, and every `$` that pairs with nothing, in text order.

    Offsets refer to `text` as given (`\\r\\n` line endings included). A `$` that opens
    nothing never swallows the text up to a later `$`: "costs $5 and $10" has no formula
    and two problems.
    """
    if "$" not in text and not (latex_delimiters and ("\\(" in text or "\\[" in text)):
        return _EMPTY
    if "\r" in text:
        return _restore_offsets(text, scan_math(normalize(text), latex_delimiters=latex_delimiters))
    return _scan(text, parser_for(latex_delimiters, True).parse(text), latex_delimiters)


def scan_math_in(text: str, tokens: list[Token], *, inline_parsed: bool = False) -> MathScan:
    """`scan_math(text)` from the text's block tokens (`parse_blocks(text)`, or a full `parse`),
    so a caller that has parsed the text already does not parse its blocks again.
    `inline_parsed`: the tokens are a full `parse` of the text that found no link
    references, so their inline children are what parsing each inline afresh gives
    (then they are read instead).

    The tokens are only read. The text must have `\\n` line endings (as `normalize` gives).
    """
    if "$" not in text:
        return _EMPTY
    if "\r" in text:
        raise ValueError("scan_math_in needs a normalized text (no \\r)")
    return _scan(text, tokens, False, inline_parsed)


def _scan(
    text: str, tokens: list[Token], latex_delimiters: bool, inline_parsed: bool = False
) -> MathScan:
    """`scan_math` over block tokens: only inline tokens that hold a math mark are parsed
    for their inline markup, which is most of a full parse's cost."""
    lines = LineIndex(text)
    cursors: dict[int, int] = {}
    spans: list[MathSpan] = []
    problems: list[DollarProblem] = []
    md = parser_for(latex_delimiters, False)
    marks = ("$", "\\(", "\\[") if latex_delimiters else ("$",)
    for index, token in enumerate(tokens):
        if token.type == "inline" and token.map is not None:
            if not any(mark in token.content for mark in marks):
                continue  # parsing inline markup is most of the cost: only where math can be
            # parsed afresh with no references (a full parse's children may have used some)
            children: list[Token] = []
            if inline_parsed and token.children is not None:
                children = token.children
            else:
                md.inline.parse(token.content, md, {}, children)
            cell = is_cell(tokens, index)
            _walk_inline(token, children, lines, cursors, spans, problems, cell)
        elif token.type == "math_block" and token.map is not None:
            block = _block_span(token, lines)
            if block is not None:
                spans.append(block)
    spans.sort(key=lambda s: s.start)
    problems.sort(key=lambda p: p.offset)
    return MathScan(tuple(spans), tuple(problems))


def _restore_offsets(original: str, scan: MathScan) -> MathScan:
    """A scan of the normalized text with offsets moved back onto the original text."""
    at = original_offset(original)

    spans = tuple(
        MathSpan(
            at(s.start),
            at(s.end),
            at(s.content_start),
            at(s.content_end),
            s.display,
            s.delimiter,
            s.latex,
        )
        for s in scan.spans
    )
    problems = tuple(DollarProblem(at(p.offset), p.message) for p in scan.problems)
    return MathScan(spans, problems)
