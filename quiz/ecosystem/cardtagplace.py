"""A `#card` tag with other tags after it (`- Adam vs RMSprop #card #[[deep learning]]`).

Logseq makes a block a flashcard by its `#card` tag wherever the tag is among the block's
tags, and people tag a card with its topics after it. The importer asks a line that ends
in `#card`: with a tag after it, a block that asks with no `?` ("Adam vs RMSprop") was
text, its card and answer "not imported", and one with a `?` was a card tagged `card`.
Here such a line's `#card` is moved after its other tags, outside fences, and a Logseq
tag of several words (`#[[deep learning]]`) is written as one (`#deep-learning`), so the
line asks as Logseq asks it and its other tags are the card's. The line keeps its number.

A block tagged by its `tags::` property (`- Warmup schedule` over `  tags:: card`) is a
flashcard in Logseq as `#card` makes one; it was text "not imported", its property left
out. Its first line now ends with `#card`, as if written so.
"""

from __future__ import annotations

import re

from quiz.ecosystem.fences import outside_fences
from quiz.ecosystem.notes.coderows import PROPERTY_LINE, CodeRows

_TAG = r"#(?:\[\[[^\[\]\n]+\]\]|[\w/-]+)"
_CARD_THEN_TAGS = re.compile(
    rf"^(?P<lead>.*?\S)[ \t]+(?P<card>#(?:card|flashcard))(?P<tags>(?:[ \t]+{_TAG})+)[ \t]*$",
    re.IGNORECASE,
)
_ANY_CARD_TAG = re.compile(r"#(?:card|flashcard)", re.IGNORECASE)
_WORDS_TAG = re.compile(r"#\[\[([^\[\]\n]+)\]\]")


def _one_word(match: re.Match[str]) -> str:
    """`#[[deep learning]]` as `#deep-learning`: a tag of words, as the title's tags read."""
    return "#" + "-".join(match.group(1).split())


_BLOCK = re.compile(r"^[ \t]*[-*+][ \t]+\S")
_TAGS_PROPERTY = re.compile(r"^[ \t]+tags::[ \t]*(?P<tags>.*)$", re.IGNORECASE)
_ANY_TAGS_PROPERTY = re.compile("tags::", re.IGNORECASE)
"""Looked for in the whole notes without `text.lower()`, whose copy of 1 MiB of notes with
one character beyond Latin-1 is 4 MiB (the planning's peak memory went from 9 to 16 times
the notes)."""


def _tagged_by_property(rows: list[str], index: int, code: CodeRows) -> bool:
    """True when block `index`'s properties, the lines under its first, say `tags:: card`
    (`[[card]]`, `#card`, among others parted by commas), as Logseq reads them. A property
    is an indented property line (`coderows.PROPERTY_LINE`, no list mark: that is a block
    of its own) outside code (`code`, asked only of a `tags:: card` line: a parse)."""
    for below, row in enumerate(rows[index + 1 :], start=index + 1):
        body = row.rstrip("\r")
        if body[:1] not in (" ", "\t") or _BLOCK.match(body) or not PROPERTY_LINE.match(body):
            return False
        found = _TAGS_PROPERTY.match(body)
        if found is not None:
            names = (name.strip().strip("#[]").strip().lower() for name in found["tags"].split(","))
            if any(name in ("card", "flashcard") for name in names):
                return below not in code  # a `tags:: card` line in code is the code's
    return False


def card_tag_last(text: str) -> str:
    """The notes with each `#card` that other tags follow moved after them, and each block
    tagged `card` by its `tags::` property ending with `#card` (see above)."""
    if _ANY_CARD_TAG.search(text) is None and _ANY_TAGS_PROPERTY.search(text) is None:
        return text  # the common case: no copy of a large file (nor a lowered one)
    rows = text.split("\n")
    changed = False
    code = CodeRows(text)  # parsed only if a `tags:: card` line is found
    for index in outside_fences(rows, in_items=True):
        body = rows[index].rstrip("\r")
        if _BLOCK.match(body) and not _ANY_CARD_TAG.search(body) and index + 1 < len(rows):
            if _tagged_by_property(rows, index, code):
                rows[index] = f"{body} #card{rows[index][len(body) :]}"
                changed = True
    for index in outside_fences(rows, in_items=True):
        row = rows[index]
        body = row.rstrip("\r")
        match = _CARD_THEN_TAGS.match(body)
        if match is None:
            continue
        tags = _WORDS_TAG.sub(_one_word, match.group("tags"))
        rows[index] = f"{match.group('lead')}{tags} {match.group('card')}{row[len(body) :]}"
        changed = True
    return "\n".join(rows) if changed else text
