"""A single comma row (`What is ReLU?,max(0, x)`): a card, as Anki's Import File makes it.

Anki's Import File guesses the separator of a headerless file from its text (a tab, a
pipe, a semicolon, a colon, then a comma), so one line `question,answer` is a note of
Front and Back. A paragraph of notes holds commas too; it is a card row here only when
its shape says so: the words before the first comma are a question (`...?`), or a term of
a few words with no sentence's end in it and no blank after the comma (`term,definition`,
as Quizlet and a spreadsheet write it; prose writes `, `).

An unquoted field holds no comma in CSV, yet a hand-written answer does (`max(0, x)`,
`$f(a, b)$`): Anki cut it into columns and dropped the rest. A field whose bracket or `$`
is left open is joined again with the next, the comma between them its text.
"""

from __future__ import annotations

import re

__all__ = ["glued_rows", "is_comma_row", "join_open_fields"]

_TERM_WORDS = 6
"""A comma is prose's too: the words before it are a term only when they are few."""
_SENTENCE_END = re.compile(r"[.?!:;]\s")
"""A sentence's end inside the words before a comma: prose, not a term."""
_OPENS = {"(": ")", "[": "]", "{": "}"}
_GLUED_ROWS = re.compile(r";(?=\S)|;\s*$")
"""A `;` glued to the next word or ending the line: Quizlet's rows on one line
(`bagging,bootstrap;boosting,sequence;`), which `semicolonrows` names, never one card."""


def is_comma_row(text: str) -> bool:
    """True when the text is one non-blank line that reads as `front,back` (see the
    module's docstring): a question or a short term, a comma, then an answer."""
    lines = [line.rstrip("\r") for line in text.lstrip("\ufeff").split("\n") if line.strip()]
    if len(lines) != 1 or "\t" in lines[0] or glued_rows(lines[0]):
        return False
    term, found, rest = lines[0].partition(",")
    if found and term.lstrip().startswith('"'):
        return True  # a field in quotes: a spreadsheet's row, as the card list reader reads it
    term = term.strip()
    if not found or not term or not rest.strip():
        return False
    if term.endswith("?"):
        return True  # `What is ReLU?, ...`: a question then its answer, never prose
    return (
        not rest[:1].isspace()
        and not _SENTENCE_END.search(term)
        and len(term.split()) <= _TERM_WORDS
        and not term.startswith(("#", "-", "*", ">"))
    )


def glued_rows(line: str) -> bool:
    """True when a `;` is glued to the next word or ends the line: Quizlet's rows on one
    line, the card list reader's (`semicolonrows`) in a `.csv`, never one card."""
    return _GLUED_ROWS.search(line) is not None


def join_open_fields(row: list[str], separator: str) -> list[str]:
    """The row's fields, each one whose bracket or `$` the separator cut open joined with
    the fields after it until it closes (`max(0` and ` x)` are `max(0, x)`); a row with
    nothing left open, or one never closed, as it is."""
    if separator != ",":
        return row
    joined: list[str] = []
    at = 0
    while at < len(row):
        field = row[at]
        end = at
        while _left_open(field) and end + 1 < len(row) and _may_close(field, row[end + 1]):
            end += 1
            field = f"{field},{row[end]}"
        if _left_open(field):  # never closed: the columns as they were
            joined.extend(row[at:])
            break
        joined.append(field)
        at = end + 1
    return joined


def _may_close(field: str, following: str) -> bool:
    """False when only a `$` is left open and the next field opens with one: two prices
    (`$5 per hour`, `$3 at night`), not a formula cut in two."""
    if _depth(field) > 0:
        return True
    return not following.lstrip().startswith("$")


def _left_open(field: str) -> bool:
    """True when the field opens a bracket it does not close, or holds an odd `$`."""
    return field.count("$") % 2 == 1 or _depth(field) > 0


def _depth(field: str) -> int:
    """How many brackets the field leaves open (a closing one with none open is text)."""
    depth = 0
    for char in field:
        if char in _OPENS:
            depth += 1
        elif char in _OPENS.values():
            depth = max(0, depth - 1)
    return depth
