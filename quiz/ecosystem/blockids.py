"""Obsidian block ids (`^sgd-adam` at a block's end): a link's anchor Obsidian never shows.

Obsidian names a block, for `[[note#^id]]` links and embeds, by ` ^id` at the end of its
last line (a paragraph, a list item, a heading), or by `^id` alone on the line after a
table, a quote or a list. Read as Markdown the id was text: a heading `## What is X?
^sgd-adam` no longer ended in `?` and its question, answer and all, was skipped as "not a
question", and an answer's key point began "^bias-corr". Here each id outside fences, code
spans and math is taken off in place (a line of nothing else is left empty), so every line
keeps its number. Like a Logseq block's `id::` property, it is metadata: no report line.
"""

from __future__ import annotations

import re

from quiz.ecosystem.fences import in_code_span, outside_fences

_ID = re.compile(r"(?:^[ \t]*|[ \t]+)\^[A-Za-z0-9-]+[ \t]*$")
"""An id as Obsidian reads one: a `^` after a space (or alone on its line), then letters,
digits and dashes to the line's end (`x^2` or `a^{n}` is none)."""

_ANY_ID = re.compile(r"(?:^|[ \t])\^[A-Za-z0-9-]+[ \t]*\r?$", re.MULTILINE)
"""A line that may end in an id, to tell at once notes that hold none."""

_DISPLAY_MATH = "$$"


def _in_code_or_math(row: str, at: int) -> bool:
    """True when offset `at` of the line is inside a code span or an inline formula (an odd
    number of backticks, or of unescaped `$`, before it)."""
    return in_code_span(row, at) or row[:at].replace("\\$", "").count("$") % 2 == 1


def drop_block_ids(text: str) -> str:
    """The notes without their Obsidian block ids (see the module's docstring)."""
    if _ANY_ID.search(text) is None:
        return text  # the common case (`x^2` is no id): no copy of a large file
    rows = text.split("\n")
    changed = False
    in_display_math = False
    for index in outside_fences(rows, in_items=True):
        row = rows[index]
        body = row.rstrip("\r")
        closes = False
        if body.count(_DISPLAY_MATH) % 2 == 1:  # a `$$` opens or closes a display formula
            closes = in_display_math
            in_display_math = not in_display_math
            if not closes:
                continue
        if in_display_math or "^" not in body:
            continue
        match = _ID.search(body)
        if match is None:
            continue
        if closes:  # `$$ ^eq-1`: an id after the formula's closing `$$`, none inside it
            if match.start() < body.rfind(_DISPLAY_MATH):
                continue
        elif _in_code_or_math(body, match.start()):
            continue
        kept = body[: match.start()]
        rows[index] = kept + row[len(body) :] if kept.strip() else row[len(body) :]
        changed = True
    return "\n".join(rows) if changed else text
