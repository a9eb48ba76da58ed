"""Inline code spans and backslash escapes as the parser reads them, at offsets of the
text as given: what a reader sees is the text without the escapes' backslashes, and
code keeps its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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


def code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every inline code span (its backticks included), outside code blocks;
    offsets refer to `text` as given."""
    if "`" not in text:
        return []
    normal = normalize(text)
    at = original_offset(text) if normal is not text else (lambda offset: offset)
    lines = LineIndex(normal)
    cursors: dict[int, int] = {}
    md = parser_for(False, False)
    found: list[tuple[int, int]] = []
    tokens = parser_for(False, True).parse(normal)
    for index, token in enumerate(tokens):
        if token.type != "inline" or token.map is None or "`" not in token.content:
            continue
        token.children = []
        md.inline.parse(token.content, md, {}, token.children)
        origins = inline_offsets(token, lines, cursors, cell=is_cell(tokens, index))
        for child in token.children:
            span = child.meta.get("span") if child.meta else None
            if child.type == "code_inline" and span is not None:
                start = locate(token.content, origins, span[0])
                end = locate(token.content, origins, span[1] - 1) + 1
                if start >= 0 and end > 0:
                    found.append((at(start), at(end)))
    return found


_ESCAPE_PAIR = re.compile(r"\\[!-/:-@\[-`{-~]")
"""A backslash and an ASCII punctuation character: what an escape needs to be one."""


def escape_offsets(text: str) -> list[int]:
    """Offset of every backslash that escapes an ASCII punctuation character (CommonMark's
    backslash escapes, `\\_` `\\[` `\\$`...), as the parser reads them: one in a code
    span or code block, in math, in an autolink or raw HTML is text, not an escape, and is
    not listed. Offsets refer to `text` as given."""
    if "\\" not in text or not _ESCAPE_PAIR.search(text):
        return []  # no backslash before punctuation (`\\frac` is none): no parse needed
    normal = normalize(text)
    at = original_offset(text) if normal is not text else (lambda offset: offset)
    lines = LineIndex(normal)
    cursors: dict[int, int] = {}
    md = parser_for(False, False)
    found: list[int] = []
    tokens = parser_for(False, True).parse(normal)
    for index, token in enumerate(tokens):
        if token.type != "inline" or token.map is None:
            continue
        # every inline: cursors of table rows
        origins = inline_offsets(token, lines, cursors, cell=is_cell(tokens, index))
        if "\\" not in token.content:
            continue
        children: list[Token] = []
        md.inline.parse(token.content, md, {}, children)
        for child in children:  # not an image's alt text: its tokens are read from the alt alone
            span = child.meta.get("span") if child.meta else None
            # an escape of a character that is not ASCII punctuation keeps its backslash
            if child.type == "text_special" and child.info == "escape" and span is not None:
                if child.content != child.markup:
                    offset = locate(token.content, origins, span[0])
                    if offset >= 0 and normal[offset] == "\\":
                        found.append(at(offset))
    return found


def unescape(text: str) -> str:
    """The text with its Markdown backslash escapes read (`\\_` as `_`), what a reader sees;
    code, math, autolinks and raw HTML keep their backslashes. The rest of the Markdown
    (emphasis, headings, lists) is left as written."""
    offsets = escape_offsets(text)
    return without_offsets(text, offsets) if offsets else text


def without_offsets(
    text: str, offsets: Sequence[int], start: int = 0, end: int | None = None
) -> str:
    """`text[start:end]` without the characters at `offsets` (ascending; those outside the
    range are ignored): a text with its escapes' backslashes taken out."""
    stop = len(text) if end is None else end
    pieces, last = [], start
    for offset in offsets:
        if start <= offset < stop:
            pieces.append(text[last:offset])
            last = offset + 1
    pieces.append(text[last:stop])
    return "".join(pieces)
