"""Blocks that can run on to the end of the notes (a fence, a `$$` block, some HTML): whether
one reaching a text's end was closed there, and what an unclosed fence swallowed, said.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from quiz.ecosystem.linenames import line_said, span_said
from quiz.ecosystem.notes.found import Ignored
from quiz.ecosystem.notes.skips import SNIPPET_CHARS
from quiz.ecosystem.titles import clean_title, split_title
from quiz.plural import plural

RUN_ON = frozenset({"fence", "math_block", "html_block"})
"""Blocks that can run on past the end of a part of the notes (an unclosed fence does)."""


_HTML_ENDS = (
    (
        re.compile(r"<(?:script|pre|style|textarea)(?:\s|>|$)", re.IGNORECASE),
        re.compile(r"</(?:script|pre|style|textarea)>", re.IGNORECASE),
    ),
    (re.compile(r"<!--"), re.compile(r"-->")),
    (re.compile(r"<\?"), re.compile(r"\?>")),
    (re.compile(r"<![A-Z]"), re.compile(r">")),
    (re.compile(r"<!\[CDATA\["), re.compile(r"\]\]>")),
)
"""markdown-it's HTML blocks that end at a closing mark rather than at a blank line:
(how one starts, what ends it)."""


def closed_block(token: Token, lines: list[str]) -> bool:
    """True when a fence, math or HTML block that reaches the end of a text was closed by
    its own last line (so it ends there in a longer text too); False when it may run on."""
    assert token.map is not None
    first, last = token.map[0], token.map[1] - 1
    if token.type == "fence":
        mark = token.markup
        closing = lines[last].strip()
        return last > first and len(closing) >= len(mark) and closing == mark[0] * len(closing)
    if token.type == "math_block":
        return last > first and lines[last].rstrip().endswith("$$")
    opening = lines[first].lstrip()
    for starts, ends in _HTML_ENDS:
        if starts.match(opening):
            return ends.search(lines[last]) is not None
    return True  # an HTML block that ends at a blank line (or the end) ends so anyway


_QUESTION_LINE = re.compile(r"^ {0,3}(?:#{1,6}[ \t]+(?P<heading>.*\S)|\*\*(?P<bold>.*\?)\*\*\s*$)")
"""A line that would be a question outside a code block: a heading, or a bold line
ending in `?`."""


def unclosed_fence(token: Token, lines: list[str], line_max: int) -> Ignored | None:
    """What an unclosed code fence at the top level costs: everything after it, to the end
    of the notes, is its code (a question in it is no question), said with the first
    question-like line it swallowed; None for another block (a fence in a list item or
    quote ends with its item; an HTML block's text stays in its answer)."""
    assert token.map is not None
    if token.level != 0 or token.type != "fence":
        return None
    first = token.map[0]
    last = min(line_max, len(lines))
    swallowed: list[tuple[int, str]] = []
    for row in range(first + 1, last):
        match = _QUESTION_LINE.match(lines[row])
        if match is None:
            continue
        title = clean_title(match.group("heading") or match.group("bold"))
        if match.group("bold") is not None or split_title(title).question_like:
            swallowed.append((row + 1, title))
    reason = (
        f"this code fence is never closed, so the rest of the file ({span_said(first + 1, last)}) "
        f"was read as its text"
    )
    if swallowed:
        row, title = swallowed[0]
        more = f" and {len(swallowed) - 1} more" if len(swallowed) > 1 else ""
        reason += (
            f", with {len(swallowed)} "
            + plural(
                len(swallowed),
                "question-like line in it that is no question ",
                "question-like lines in it that are no questions ",
            )
            + f"({line_said(row)} '{title}'{more})"
        )
    shown = lines[first].strip()
    shown = shown if len(shown) <= SNIPPET_CHARS else shown[: SNIPPET_CHARS - 1] + "…"
    return Ignored(first + 1, shown, f"{reason}; close it with a '{token.markup}' line")
