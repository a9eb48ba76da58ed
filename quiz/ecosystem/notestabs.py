"""Answers pasted with a tab before each line: prose to the user, a code block to Markdown.

Editors and outliners indent with a tab, and an answer pasted from one under its question
starts with a tab. Markdown reads any block indented by four columns after a blank line or a
heading as code, so the answer had no sentence and the question was skipped as "too short".
Here such a block is read as prose when it sits directly under a question (or under a block
so read) and nothing in it looks like code; its tab is taken off (the line count stays) and
the report says so. A block that looks like code (`def `, `x = 1`, `f(x)`, a line ending in
`:` or `;`, a deeper indent) stays a code block, as Markdown reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    r"|[\w\])]\s*(?:[-+*/%]|\*\*|//)?=(?!=)\s*\S"  # an assignment: `z = x - x.max()`
    r"|==|!=|<=|>=|->|=>|\+\+|&&|\|\|"  # operators prose does not use
    r"|[\w.]\((?:\)|[^\s)])"  # a call: `np.exp(z)`, `f(x)`, `fit()`
    r"|[\w\]]\[[^\]\s]"  # indexing: `x[0]`, `w[:, 1]`
    r"|[;{}(\[\\]$"  # a line ending as code does: `x++;`, `{`, `f(`
)
"""What makes a line code rather than prose. No nested repetition: a match is linear."""


@dataclass(frozen=True)
class ProseBlock:
    """A tab-indented block read as prose: its 1-based lines and the question above it."""

    first: int
    last: int
    under: int


@dataclass(frozen=True)
class Untabbed:
    """The notes with their tab-indented prose moved left, and where that was done."""

    text: str
    blocks: tuple[ProseBlock, ...] = ()

    def note(self, block: ProseBlock) -> str:
        """What the report says of one block."""
        lines = (
            f"line {block.first} is"
            if block.first == block.last
            else f"lines {block.first}-{block.last} are"
        )
        return (
            f"{lines} indented by a tab, which Markdown reads as code, but read as prose: "
            f"taken without the tab as the answer to the question at line {block.under}"
        )


def looks_like_code(rows: list[str]) -> bool:
    """True when a tab-indented block is code: a line that reads as code, a deeper indent,
    or a last line that ends no sentence (prose pasted as an answer ends in `.`, `?`, `!`
    or a closing quote or bracket after one)."""
    for row in rows:
        body = row[1:]
        if body[:1] in (" ", "\t") and body.lstrip(" \t")[:1] not in ("-", "*", "+"):
            return True  # indented deeper, not as a nested list item: a code body
        if _CODE.search(body.strip()):
            return True
    last = rows[-1].rstrip()
    return not last.rstrip("*_)\"'”’").endswith((".", "?", "!"))


def untab_prose(text: str) -> Untabbed:
    """The notes with each tab-indented block that is prose under a question moved left by
    its tab (see the module's docstring). Fenced code is never touched."""
    if "\n\t" not in text and not text.startswith("\t"):
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
        if row[:1] == "\t" and row.strip() and under is not None:
            end = index
            while end < len(lines) and lines[end][:1] == "\t" and lines[end].strip():
                end += 1
            rows = lines[index:end]
            # a paragraph line right after it would join it once moved left ("Q: ..."
            # read as its text): only a block that ends at a blank line or a heading
            ends = end == len(lines) or not lines[end].strip() or _HEADING.match(lines[end])
            if not ends or looks_like_code(rows):
                under = None
            else:
                for at in range(index, end):
                    lines[at] = lines[at][1:]
                blocks.append(ProseBlock(index + 1, end, under + 1))
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
