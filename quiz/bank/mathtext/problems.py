"""The math a card cannot show, at the line and column of its Markdown where it was
written (`find_math_problems`, what `drillbit lint` reports).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from markdown_it.token import Token

from quiz.bank.markdown import MathScan, MathSpan, scan_math, scan_math_in
from quiz.bank.markdown.sourcemap import LineIndex
from quiz.bank.mathtext.convert import conversion, source_problems


@dataclass(frozen=True)
class MathProblem:
    """One math problem in a Markdown text, at a 1-based line and column of that text."""

    line: int
    col: int
    message: str


def _source_offset(markdown: str, span: MathSpan, pos: int) -> int:
    """Where position `pos` of the span's LaTeX lies, counted from the span's content start.

    The LaTeX of a block in a quote or list has the container's prefixes removed, so it can
    be shorter than the source it came from: then the position is found line by line.
    """
    pos = min(pos, len(span.latex))
    source = markdown[span.content_start : span.content_end]
    if source == span.latex:
        return pos
    row = span.latex.count("\n", 0, pos)
    column = pos - (span.latex.rfind("\n", 0, pos) + 1)
    line_starts = [0] + [k + 1 for k, c in enumerate(source) if c == "\n"]
    if row >= len(line_starts):
        return pos
    line = source[line_starts[row] :].split("\n", 1)[0]
    text = span.latex.split("\n")[row]
    return line_starts[row] + max(0, len(line) - len(text)) + column


def find_math_problems(markdown: str) -> list[MathProblem]:
    """Every math problem in a card's Markdown, for lint: unbalanced delimiters or braces,
    \\left without \\right, unknown macros, formulas with no faithful text form."""
    if "$" not in markdown:  # no formula and no stray dollar (most key points and choices)
        return []
    found = _problem_offsets(markdown, scan_math(markdown))
    lines = LineIndex(markdown)
    problems = [MathProblem(*lines.line_and_column(offset), message) for offset, message in found]
    return sorted(problems, key=lambda p: (p.line, p.col))


def math_problem_offsets(
    markdown: str,
    tokens: list[Token],
    *,
    inline_parsed: bool = False,
    scan: MathScan | None = None,
) -> list[tuple[int, str]]:
    """(offset, message) of every math problem in a normalized text, found from its block
    tokens (see `scan_math_in`, also for `inline_parsed`): what `find_math_problems`
    finds, for a caller that has parsed the text already and places the problems itself.
    `scan`: that very `scan_math_in` result, when the caller has it already."""
    if scan is None:
        scan = scan_math_in(markdown, tokens, inline_parsed=inline_parsed)
    return _problem_offsets(markdown, scan)


def _problem_offsets(markdown: str, scan: MathScan) -> list[tuple[int, str]]:
    """The scan's stray `$` signs, then each formula's problems, as (offset, message)."""
    found: list[tuple[int, str]] = [(p.offset, p.message) for p in scan.problems]
    for span in scan.spans:
        lo, latex = span.content_start, span.latex
        result = conversion(latex)  # cached; a formula it converts has no source problem
        if result.text is not None:
            continue
        source = source_problems(latex)
        if source:
            found.extend((lo + _source_offset(markdown, span, pos), m) for pos, m in source)
            continue
        found.append((lo + _source_offset(markdown, span, result.pos), result.message))
    return capped(found)


REPEATS_SHOWN: Final = 10
"""How many problems of one kind one text reports before the rest are counted instead."""


def capped(found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The first `REPEATS_SHOWN` problems of each message, in source order, and one more at
    the next one's place that counts the rest: a formula with 50,000 unclosed braces is
    one mistake pasted many times, and 50,000 lines of lint would bury every other."""
    seen: dict[str, int] = {}
    for _, message in found:
        seen[message] = seen.get(message, 0) + 1
    shown: dict[str, int] = {}
    kept: list[tuple[int, str]] = []
    for offset, message in sorted(found, key=lambda p: p[0]):
        count = shown.get(message, 0)
        shown[message] = count + 1
        if count < REPEATS_SHOWN:
            kept.append((offset, message))
        elif count == REPEATS_SHOWN:
            rest = seen[message] - REPEATS_SHOWN
            kept.append((offset, f"… and {rest} more of the same from here: {message}"))
    return kept
