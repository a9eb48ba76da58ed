"""The block structure readers ask about: headings, fenced and indented code, and a
card's `## ` sections (`section_starts`, most texts read without the parser).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.token import Token

from quiz.bank.markdown.blockstate import indent_width
from quiz.bank.markdown.parser import parse_blocks
from quiz.bank.markdown.rules import normalize


@dataclass(frozen=True)
class Heading:
    """A heading outside code: `## Title` (or a setext heading)."""

    level: int
    title: str
    """The heading's raw inline text (markup such as `**` kept)."""
    line: int
    """1-based line of the heading."""
    nested: bool
    """True inside a list item or block quote."""
    atx: bool
    """True for `#` headings, False for underlined (setext) ones."""


@dataclass(frozen=True)
class CodeBlock:
    """A fenced or indented code block."""

    language: str
    """The fence's first info word, lowercased ('' when none or indented)."""
    code: str
    first_line: int
    """1-based line of the opening fence (of the first code line when indented)."""
    end_line: int
    """1-based line just past the block (past the closing fence)."""
    fenced: bool
    closed: bool
    """False for a fence that runs to the end of the text without its closing line."""


def headings(text: str, tokens: list[Token] | None = None) -> list[Heading]:
    """Every heading outside code, in order. `tokens`: the text's tokens when the caller
    already has them (a full parse holds the same block tokens), so it is not parsed again."""
    found: list[Heading] = []
    if tokens is None:
        tokens = parse_blocks(text)
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map is not None:
            inline = tokens[index + 1]
            found.append(
                Heading(
                    level=int(token.tag[1]),
                    title=inline.content.strip(),
                    line=token.map[0] + 1,
                    nested=token.level > 0,
                    atx=token.markup.startswith("#"),
                )
            )
    return found


_UNSURE_LINE = re.compile(
    r"^(?: {1,3}(?:##(?:[ \t]|$)|`{3}|~{3})|[ \t>*+\-0-9.)]+\$\$|[ \t>*+\-0-9.)]*<)", re.MULTILINE
)
"""Lines after which the top-level `## ` headings are no longer plain to see without the
parser: an indented heading or fence (top level, or inside a list item?), `$$` after
indentation or a container mark (dollarmath's math block does not stop where its list
item does), and anything that may open an HTML block."""


_OPENS_AT_START = re.compile(r"^(?:`{3}|~{3}|\$\$)", re.MULTILINE)
"""A line that may open a fence or a `$$` block at column 0."""


def section_starts(text: str, lines: list[str] | None = None) -> list[tuple[int, str]]:
    """(0-based row, title) of each heading `[h for h in headings(text) if h.level == 2 and
    h.atx and not h.nested]` gives, without parsing when it is plain to see: a card's
    sections are all a load needs, and a block parse is most of a card's cost. `lines`,
    when given, is `text.split("\n")` (the caller's, not split again).

    In a text with no `_UNSURE_LINE`, no `\\r` and no NUL, a top-level `## ` heading is a line
    that starts with `## ` and is not inside a fence or `$$` block opened at column 0: such a
    heading ends any paragraph, list, quote, table or reference before it, and indented code
    ends at any unindented line. Fences are followed as the parser follows them; a `$$` that
    would open a block anywhere but after a blank line, a heading or a closed block, or a
    line that might head a table (the table rule is tried first), sends it to the parser.
    tests/bank/test_markdown_shortcuts.py compares the two on generated and real texts."""
    found = _plain_section_starts(text, lines)
    if found is None:
        return [
            (h.line - 1, h.title) for h in headings(text) if h.level == 2 and h.atx and not h.nested
        ]
    return found


def _plain_section_starts(
    text: str, lines: list[str] | None = None
) -> list[tuple[int, str]] | None:
    """`section_starts` without the parser, or None when the text needs it."""
    if "\r" in text or "\0" in text or _UNSURE_LINE.search(text):
        return None
    if lines is None:
        lines = text.split("\n")
    found: list[tuple[int, str]] = []
    if not _OPENS_AT_START.search(text):  # no fence or $$ block: every `## ` line is one
        for row, line in enumerate(lines):
            if line.startswith("##") and (len(line) == 2 or line[2] in " \t"):
                if _table_head(lines, row):
                    return None
                found.append((row, _atx_title(line)))
        return found
    fresh = True  # a block may start here (the text's start, after a blank line or a block)
    row, count = 0, len(lines)
    while row < count:
        line = lines[row]
        head = line[:1]
        if head == "#" and line.startswith("##") and (len(line) == 2 or line[2] in " \t"):
            if _table_head(lines, row):
                return None
            found.append((row, _atx_title(line)))
            row, fresh = row + 1, True
        elif head in "`~" and head and line.startswith(head * 3):
            mark = len(line) - len(line.lstrip(head))
            if head == "`" and "`" in line[mark:]:  # not a fence: paragraph text
                row, fresh = row + 1, False
                continue
            if _table_head(lines, row):
                return None
            row = _fence_end(lines, row, head, mark)
            fresh = True
        elif head == "$" and line.startswith("$$"):
            if not fresh or _table_head(lines, row):
                return None
            end = _math_block_end(lines, row)
            row, fresh = (row + 1, False) if end is None else (end, True)
        else:
            row, fresh = row + 1, not line.strip(" \t")
    return found


def _table_head(lines: list[str], row: int) -> bool:
    """True when the table rule, which markdown-it tries before any other, might take this
    line as a table's head: it has a `|` and the next line starts like a delimiter row."""
    below = lines[row + 1].lstrip(" \t")[:1] if row + 1 < len(lines) else ""
    return "|" in lines[row] and below in ("|", "-", ":")


def _atx_title(line: str) -> str:
    """The title markdown-it's heading rule reads from a `## ` line (closing #s dropped)."""
    end = len(line)
    while end > 2 and line[end - 1] in " \t":
        end -= 1
    cut = end
    while cut > 2 and line[cut - 1] == "#":
        cut -= 1
    if cut > 2 and line[cut - 1] in " \t":
        end = cut
    return line[2:end].strip()


def _columns(line: str) -> tuple[int, int]:
    """(characters, columns) of the line's leading spaces and tabs, tabs to the next stop of 4."""
    chars = len(line) - len(line.lstrip(" \t"))
    return chars, indent_width(line[:chars])


def _fence_end(lines: list[str], row: int, mark: str, length: int) -> int:
    """The row after the fence opened at `row` (markdown-it's fence rule, at top level)."""
    for below in range(row + 1, len(lines)):
        line = lines[below]
        chars, columns = _columns(line)
        if columns >= 4 or not line.startswith(mark, chars):
            continue
        run = len(line) - chars - len(line[chars:].lstrip(mark))
        if run >= length and not line[chars + run :].strip(" \t"):
            return below + 1
    return len(lines)


def _math_block_end(lines: list[str], row: int) -> int | None:
    """The row after the `$$` block opened at column 0 of `row`, or None when dollarmath's
    block rule does not take it (then it is paragraph text)."""
    first = lines[row].strip()
    if len(first) > 3:
        if first.endswith("$$"):
            return row + 1
        if "$$" in lines[row][2:]:
            return None
    for below in range(row + 1, len(lines)):
        stripped = lines[below].strip()
        if stripped.endswith("$$"):
            return below + 1
        if stripped == "":
            return None
    return None


def _fence_closed(token: Token, lines: list[str]) -> bool:
    """True when the fence's last line is a closing fence (markdown-it runs an unclosed one
    to the end of its container)."""
    assert token.map is not None
    if token.type != "fence" or token.map[1] - token.map[0] < 2:
        return token.type != "fence"
    last = lines[token.map[1] - 1].strip(" \t>") if token.map[1] - 1 < len(lines) else ""
    mark = token.markup[0]
    return len(last) >= len(token.markup) and last == mark * len(last)


def code_blocks(text: str) -> list[CodeBlock]:
    """Every fenced and indented code block, in order."""
    if "```" not in text and "~~~" not in text and "    " not in text and "\t" not in text:
        return []  # no fence and no indentation of four columns: no code block can be there
    blocks: list[CodeBlock] = []
    lines = normalize(text).split("\n")
    for token in parse_blocks(text):
        if token.type in ("fence", "code_block") and token.map is not None:
            language = token.info.strip().split(" ", 1)[0].lower() if token.info else ""
            blocks.append(
                CodeBlock(
                    language=language,
                    code=token.content,
                    first_line=token.map[0] + 1,
                    end_line=token.map[1] + 1,
                    fenced=token.type == "fence",
                    closed=_fence_closed(token, lines),
                )
            )
    return blocks
