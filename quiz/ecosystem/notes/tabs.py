"""Answers indented by a tab or four spaces: prose to the user, a code block to Markdown.

Editors and outliners indent with a tab or four spaces, and an answer pasted from one (or
typed so, to set it off) under its question starts with one. Markdown reads any block
indented by four columns after a blank line or a heading as code, so the answer had no
sentence and the question was skipped as "too short". Here such a block is read as prose
when it sits directly under a question (or under a block so read) and nothing in it looks
like code; its indent is taken off (the line count stays) and the report says so. A block
that looks like code (`def `, `x = 1`, `f(x)`, a line ending in `:` or `;`, a deeper
indent) stays a code block, as Markdown reads it. Tabs and spaces go through the same
code here: one rule for both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.ecosystem.linenames import line_said, span_said

_QUESTION = re.compile(
    r"^ {0,3}(?:#{1,6}[ \t]+\S.*"  # a heading (its question or not: see below)
    r"|\*\*.*\?\*\*[ \t]*"  # a bold question line
    r"|(?:\*\*)?Q\d*(?:\.\d+)*[:.].*\?.*)$"  # `Q: ...?`, `**Q3:** ...?`
)
"""A line a tab-indented answer may sit under: a heading or a question line. A heading
whose text is no question is a section, and prose under it is reported as text no
question holds, which tells the user as well."""
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE = re.compile(
    r"^(?:def|class|import|from|return|for|while|if|elif|else|try|except|with|lambda|print"
    r"|assert|raise|yield|async|await|const|let|var|function|public|private|#include)\b"
    r"|^(?:>>>|\$ |//|/\*|@\w)"  # a prompt, a comment, a decorator
    r"|==|!=|<=|>=|->|=>|\+\+|&&|\|\|"  # operators prose does not use
    r"|[;{}(\[\\]$"  # a line ending as code does: `x++;`, `{`, `f(`
)
"""What makes a line code rather than prose. No nested repetition: a match is linear."""
_NOTATION = re.compile(
    r"[\w\])]\s*(?:[-+*/%]|\*\*|//)?=(?!=)\s*\S"  # an assignment: `z = x - x.max()`
    r"|[\w.]\((?:\)|[^\s)])"  # a call: `np.exp(z)`, `f(x)`, `fit()`
    r"|[\w\]]\[[^\]\s]"  # indexing: `x[0]`, `w[:, 1]`
)
"""Code, or the notation prose about math writes too (`O(n^2)`, `y = x + F(x)`, `p[i]`):
code only in a line that is no sentence (see `_sentence`)."""
_LIST_MARK = re.compile(r"^(?:[-*+]|\d{1,9}[.)])[ \t]+")
_SENTENCE_WORDS = 4
"""A line of at least this many words, opening with a capital and ending as a sentence does
(or going on from the line before, or into the next), is prose whatever notation it holds."""


_TAB, _SPACES = "\t", "    "


def indent_of(row: str) -> str:
    """The indent that makes a line code to Markdown, as written: a tab, four spaces, or ''."""
    if row[:1] == _TAB:
        return _TAB
    return _SPACES if row[:4] == _SPACES else ""


@dataclass(frozen=True)
class ProseBlock:
    """An indented block read as prose: its 1-based lines, the question above it, and how
    it was indented ("a tab", "four spaces", or both)."""

    first: int
    last: int
    under: int
    by: str = "a tab"


@dataclass(frozen=True)
class Untabbed:
    """The notes with their indented prose moved left, and where that was done."""

    text: str
    blocks: tuple[ProseBlock, ...] = ()

    def note(self, block: ProseBlock) -> str:
        """What the report says of one block."""
        lines = span_said(block.first, block.last) + (
            " is" if block.first == block.last else " are"
        )
        indent = "the tab" if block.by == "a tab" else "the indent"
        return (
            f"{lines} indented by {block.by}, which Markdown reads as code, but read as "
            f"prose: taken without {indent} as the answer to the question at "
            f"{line_said(block.under)}"
        )


def why_code(bodies: list[str]) -> str | None:
    """Why an indented block is code, or None when it reads as prose: a line that reads as
    code (quoted), a deeper indent, or a last line that ends no sentence (prose pasted as
    an answer ends in `.`, `?`, `!` or a closing quote or bracket after one). `bodies`:
    the block's lines without their indent (a tab or four spaces)."""
    opened = False  # the line before left a sentence open: this one goes on with it
    for number, body in enumerate(bodies):
        if body[:1] in (" ", "\t") and body.lstrip(" \t")[:1] not in ("-", "*", "+"):
            return "a line is indented deeper, as a code body is"
        line = body.strip()
        going_on = opened and _LIST_MARK.match(line) is None
        if _CODE.search(line) or (
            _NOTATION.search(line) and not _sentence(line, going_on, more=number < len(bodies) - 1)
        ):
            return f"'{_shown(line)}' reads as code"
        opened = not _ends_sentence(line)
    if not _ends_sentence(bodies[-1]):
        return "its last line ends no sentence"
    return None


def _sentence(line: str, going_on: bool, more: bool) -> bool:
    """True for a line of a sentence: at least `_SENTENCE_WORDS` words of letters only
    (`np.linalg.solve(A,` is none), opening with a
    capital (after a list mark) or going on with the line before, and ending as a sentence
    does or going on in the next line. "Self-attention is O(n^2 d) in time." was read as
    code for its `O(n`, and the answer skipped as having no sentence."""
    text = _LIST_MARK.sub("", line, count=1)
    words = sum(1 for token in text.split() if token.strip(",.;:!?\"'").isalpha())
    return (
        words >= _SENTENCE_WORDS
        and (going_on or text[:1].isupper())
        and (more or _ends_sentence(text))
    )


def _ends_sentence(line: str) -> bool:
    """True when the line ends in `.`, `?` or `!` (a closing quote or bracket after it)."""
    return line.rstrip().rstrip("*_)\"'”’").endswith((".", "?", "!"))


def looks_like_code(bodies: list[str]) -> bool:
    """True when an indented block is code (see `why_code`)."""
    return why_code(bodies) is not None


def _shown(line: str, limit: int = 40) -> str:
    """A line short enough to quote in a report."""
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _unindent(row: str) -> str:
    """A line without its tab or four spaces."""
    return row[len(indent_of(row)) :]


def untab_prose(text: str) -> Untabbed:
    """The notes with each indented block that is prose under a question moved left by its
    tab or four spaces (see the module's docstring). Fenced code is never touched."""
    if "\n\t" not in text and "\n    " not in text and not text.startswith(("\t", "    ")):
        return Untabbed(text)  # the common case: no copy of a large file
    lines = text.split("\n")
    blocks: list[ProseBlock] = []
    fence: str | None = None
    under: int | None = None  # the question (0-based line) the next block may answer
    index = 0
    while index < len(lines):
        row = lines[index]
        if fence is not None:
            if row.strip().startswith(fence) and not row.strip().strip(fence[0]):
                fence = None
            index += 1
            continue
        if (opened := _FENCE.match(row)) is not None:
            fence, under = opened.group(1), None
            index += 1
            continue
        if indent_of(row) and row.strip() and under is not None:
            end = index
            while end < len(lines) and indent_of(lines[end]) and lines[end].strip():
                end += 1
            if index == under + 1 and not _HEADING.match(lines[under]):
                index = end  # right under a question's paragraph: its next lines, prose
                continue
            bodies = [_unindent(row) for row in lines[index:end]]
            # a paragraph line right after it would join it once moved left ("Q: ..."
            # read as its text): only a block that ends at a blank line or a heading
            ends = end == len(lines) or not lines[end].strip() or _HEADING.match(lines[end])
            if not ends or looks_like_code(bodies):
                under = None
            else:
                kinds = {indent_of(row) for row in lines[index:end]}
                by = "a tab" if kinds == {_TAB} else "four spaces"
                if len(kinds) > 1:
                    by = "tabs and four spaces"
                lines[index:end] = bodies
                blocks.append(ProseBlock(index + 1, end, under + 1, by))
            index = end
            continue
        if _QUESTION.match(row.rstrip("\r")):
            under = index
        elif row.strip() and not (blocks and blocks[-1].last == index):
            under = None  # other text between: the block is not directly under a question
        index += 1
    if not blocks:
        return Untabbed(text)
    return Untabbed("\n".join(lines), tuple(blocks))
