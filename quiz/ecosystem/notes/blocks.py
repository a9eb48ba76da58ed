"""The notes' parsed tokens as blocks (a heading, a paragraph, a list item's first
paragraph, a quote's callout...), each with the lines it spans and the container it is in.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from markdown_it.token import Token

from quiz.bank.markdown import inline_children
from quiz.ecosystem.callouts import Callout, callout_of
from quiz.ecosystem.keypoints_labels import CHECKBOX
from quiz.ecosystem.titles import (
    opens_with_asking_verb,
    plain_inline,
    strip_emoji,
)

_ITEM_MARKS = ("?", "[", "&", "<", "(")
"""Characters without which a list item's paragraph is no question (see `_needs_inline`)."""


@dataclass
class Block:
    kind: str
    """heading, paragraph, fence, code, table, html, math, hr."""
    start: int
    """0-based first line."""
    end: int
    """0-based line past the block."""
    level: int = 0
    """Heading level (1-6), 0 otherwise."""
    children: list[Token] | None = None
    raw: str = ""
    whole_bold: bool = False
    item_start: int | None = None
    """For the first paragraph or heading of a list item: the item's first line."""
    container_end: int = 0
    """Line past the innermost list item or quote holding the block (the end of the text)."""
    outer_end: int = 0
    """Line past the container around that one (the end of the text)."""
    nested: bool = False
    callout: Callout | None = None
    """For a quote's first paragraph: the callout that quote is (`> [!tip] title`)."""
    card: bool = False
    """Its first line ended in Logseq's `#card` tag (taken off): it asks, as Logseq asks
    it, whatever its words (`- LayerNorm vs BatchNorm #card`)."""

    @cached_property
    def plain(self) -> str:
        """The heading's or paragraph's text without markup."""
        return plain_inline(self.children)


_SENTENCE_ENDS = (".", "!", ";")


def _text_over_rule(text: str) -> bool:
    """True when a `---` right under text is a rule after it, not its heading underline
    (Markdown's setext heading): the text is a sentence, ends like one or runs over lines,
    as an answer's last line does (`Units are zeroed at random.` then `---`). Read as a
    heading, the answer was "not a question, its text was not imported" and its question
    had "no answer"; a short title (`Summary`, `What is X?`) stays a heading."""
    return "\n" in text or text.rstrip(" *_").endswith(_SENTENCE_ENDS) or len(text.split()) > 12


def _whole_bold(children: list[Token] | None) -> bool:
    """True when the paragraph is one bold run (emoji and spaces around it aside)."""
    children = children or []
    if not any(c.type == "strong_open" for c in children[:2]):
        return False
    items = [
        c
        for c in children
        if not (c.type == "text" and not strip_emoji(c.content).strip())
        and c.type not in ("softbreak",)
    ]
    if len(items) < 3 or items[0].type != "strong_open" or items[-1].type != "strong_close":
        return False
    depth = 0
    for index, child in enumerate(items):
        if child.type == "strong_open":
            depth += 1
        elif child.type == "strong_close":
            depth -= 1
            if depth == 0 and index != len(items) - 1:
                return False
    return True


def bold_head(children: list[Token] | None) -> tuple[list[Token], int] | None:
    """(tokens, line count) of a paragraph's first line when that line is one bold run and
    more text follows on the next lines, else None. `**What is X?**` with its answer on the
    next line and no blank line between is one paragraph (a soft break joins them), yet the
    bold run is the question, as it is when a blank line parts them."""
    if not children:
        return None
    depth = 0
    breaks = 0
    for index, child in enumerate(children):
        kind = child.type
        if kind == "strong_open":
            depth += 1
        elif kind == "strong_close":
            depth -= 1
        elif kind in ("softbreak", "hardbreak"):
            if depth > 0:
                breaks += 1  # a bold run over two lines: still the first line's
                continue
            head = children[:index]
            if index + 1 < len(children) and _whole_bold(head):
                return head, breaks + 1
            return None
    return None


def without_checkbox(children: list[Token]) -> list[Token]:
    """A list item's first line without its task checkbox (`- [x] What is X?` over its
    nested answer): the box is the item's state, no word of its question. The title was
    "[x] What is X?" (its id `x-...`), and `- [X] Explain weight decay` set no task."""
    first = children[0]
    if first.type != "text" or (match := CHECKBOX.match(first.content)) is None:
        return children
    rest = first.content[match.end() :]
    if not rest:
        return children[1:]
    copy = Token(first.type, first.tag, first.nesting, content=rest)
    return [copy, *children[1:]]


def _needs_inline(heading: bool, in_item: bool, raw: str) -> bool:
    """True when a heading's or paragraph's inline markup can matter: it could be a question
    (a heading, a `Q` line, a bold paragraph or one whose first line is bold, a list item
    whose text has a `?`, a `[tag]` or starts with `Q`) or a bold line that ends an answer.
    Other paragraphs are answer text, read later from the lines, so their markup is not
    parsed. Every test here is looser than the one `candidate_of`, `_whole_bold` and
    `bold_head` make on the parsed text (an `&` may be an entity, a `<` a tag around the
    `Q`, `[]`/`()` an empty link)."""
    if heading or raw.lstrip("*_ ")[:1] in ("Q", "q"):
        return True
    if raw[:2] in ("**", "__") and ("?**" in raw or "?__" in raw):
        return True  # it may open with a bold question, its answer run in after it
    if ("**" in raw or "__" in raw) and (
        "&" in raw or strip_emoji(raw).rstrip().endswith(("**", "__"))
    ):
        return True  # it may be one bold run
    if "\n" in raw and ("**" in raw or "__" in raw):
        first = raw.split("\n", 1)[0]  # a bold question, then its answer (`**Answer:**` no)
        asks = "?" in first or in_item or opens_with_asking_verb(first)
        if asks and strip_emoji(first).rstrip().endswith(("**", "__")):
            return True
    if not in_item:
        return False
    return (
        any(mark in raw for mark in _ITEM_MARKS)
        or strip_emoji(raw).lstrip("*_~ ")[:1] in ("Q", "q")
        or opens_with_asking_verb(raw)  # a toggle that sets a task (`- Derive ...`)
    )


_SIMPLE_BLOCKS = {
    "fence": "fence",
    "code_block": "code",
    "html_block": "html",
    "math_block": "math",
    "hr": "hr",
    "table_open": "table",
}
"""Block tokens read as one block each, by the kind of block they become."""


_PASSED = frozenset({"inline", "paragraph_close", "heading_close"})
"""Tokens `blocks_of` has nothing to do with (a block's inline token is read at its opening):
most of a notes file's tokens, let through first."""


def blocks_of(
    tokens: list[Token], line_count: int, env: dict[str, Any], card_rows: frozenset[int]
) -> list[Block]:
    """The blocks of a notes file's block tokens, which it takes: the list is emptied as it
    is read, so each token is freed once read (the whole file's tokens, about twenty times
    the text, are never alive beside all its blocks)."""
    blocks: list[Block] = []
    ends: list[int] = []  # end line of each open list item or quote, innermost last
    item_open: int | None = None
    skip_until: str | None = None
    callout: Callout | None = None  # of the quote just opened, for its first paragraph
    simple = _SIMPLE_BLOCKS
    tokens.reverse()  # the next token is the last: popped in O(1), freed when done with
    while tokens:
        token = tokens.pop()
        kind = token.type
        if skip_until is not None:
            if kind == skip_until:
                skip_until = None
            continue
        if kind in _PASSED:
            continue
        if kind == "list_item_open" or kind == "blockquote_open":
            if token.map:
                ends.append(token.map[1])
                if kind == "list_item_open":
                    item_open = token.map[0]
                elif tokens[-1].type == "paragraph_open" and tokens[-2].content.startswith("[!"):
                    first = tokens[-2].content.split("\n", 1)[0]
                    callout = callout_of(first, token.map[0], token.map[1])
                continue
        elif kind == "list_item_close" or kind == "blockquote_close":
            if ends:
                ends.pop()
            item_open = None
            continue
        if token.map is None:
            continue
        start, end = token.map
        container_end = ends[-1] if ends else line_count
        outer_end = ends[-2] if len(ends) > 1 else line_count
        heading = kind == "heading_open"
        underline = heading and token.markup == "-" and _text_over_rule(tokens[-1].content)
        if underline:  # an answer's last line with a rule under it: text, then a rule
            heading, end = False, end - 1
        if heading or underline or kind == "paragraph_open":
            inline = tokens[-1]
            card = start in card_rows
            children = (
                inline_children(inline, env, latex_delimiters=True)
                if card or _needs_inline(heading, item_open is not None, inline.content)
                else None
            )
            if item_open is not None and children:
                children = without_checkbox(children)
            blocks.append(
                Block(
                    "heading" if heading else "paragraph",
                    start,
                    end,
                    level=int(token.tag[1]) if heading else 0,
                    children=children,
                    raw=inline.content,
                    card=card,
                    whole_bold=children is not None and _whole_bold(children),
                    item_start=item_open,
                    container_end=container_end,
                    outer_end=outer_end,
                    nested=bool(ends),
                    callout=callout if callout is not None and callout.start == start else None,
                )
            )
            item_open = None
            callout = None
            if underline:
                blocks.append(
                    Block(
                        "hr",
                        end,
                        end + 1,
                        raw="---",
                        container_end=container_end,
                        outer_end=outer_end,
                        nested=bool(ends),
                    )
                )
        elif kind in simple:
            blocks.append(
                Block(
                    simple[kind],
                    start,
                    end,
                    raw=token.content,
                    container_end=container_end,
                    outer_end=outer_end,
                    nested=bool(ends),
                )
            )
            item_open = None
            if kind == "table_open":
                skip_until = "table_close"
        elif kind.endswith("_open"):
            item_open = None
    return blocks


def heading_ends(headings: list[Block], line_count: int) -> dict[int, int]:
    """Line past each heading's extent (the next heading at the same or a higher level),
    keyed by the heading's line; one pass with a stack."""
    ends: dict[int, int] = {}
    open_: list[Block] = []
    for heading in headings:
        while open_ and open_[-1].level >= heading.level:
            ends[open_.pop().start] = heading.start
        open_.append(heading)
    for heading in open_:
        ends[heading.start] = line_count
    return ends


def first_after(starts: list[int], line: int) -> int | None:
    """Index of the first start strictly after `line` in a sorted list, or None."""
    index = bisect.bisect_right(starts, line)
    return index if index < len(starts) else None
