"""A CSV row whose quoted field holds a quote that is not doubled, read as its writer meant.

A spreadsheet written by hand, or by a tool that does not escape, puts quotes inside a
quoted field as they are: `"What does "epoch" mean?",One pass`. The csv module (not
strict) closes the field at the second quote and reads the rest as unquoted text, so the
question was `What does epoch" mean?"`, and a separator inside the quoted words
(`"Is "a, b" a pair?",Yes`) split the field in two and moved every column after it.
Here such a row is read again: inside a quoted field, a quote ends the field only before
a separator or the end of the line, a doubled quote is one quote, and any other quote is
text; each such quote's place is given, so the report can name it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["StrayQuotes", "read_stray_quotes"]


@dataclass(frozen=True)
class StrayQuotes:
    """A row's fields as its writer meant them, and where its quotes not doubled are."""

    fields: list[str]
    places: tuple[int, ...]
    """0-based offsets into the row's text of each quote read as text."""


def read_stray_quotes(row: str, separator: str) -> StrayQuotes | None:
    """The row read with its undoubled quotes as text, or None when it has none (the csv
    module reads it right) or still ends inside a quoted field (the unclosed-quote check
    names it)."""
    if '"' not in row:
        return None
    text = row.rstrip("\r\n")
    fields: list[str] = []
    places: list[int] = []
    field: list[str] = []
    at = 0
    start = True  # at a field's first character
    quoted = False
    while at < len(text):
        char = text[at]
        if start and char == '"':
            quoted, start = True, False
            at += 1
            continue
        start = False
        if not quoted:
            if char == separator:
                fields.append("".join(field))
                field, start = [], True
            else:
                field.append(char)
            at += 1
            continue
        if char != '"':
            field.append(char)
            at += 1
            continue
        after = text[at + 1 : at + 2]
        if after in ("", separator, "\n", "\r"):
            quoted = False  # the field's closing quote
            at += 1
            continue
        if after == '"':
            beyond = text[at + 2 : at + 3]
            if places and beyond in ("", separator):
                # `"He said "hi"",x`: the quote that opened "hi" was not doubled, so this
                # one closes it, and the next closes the field
                field.append('"')
                at += 1
                continue
            field.append('"')
            at += 2
            continue
        places.append(at)  # a quote in the field's text, not doubled
        field.append('"')
        at += 1
    if quoted or not places:
        return None
    fields.append("".join(field))
    return StrayQuotes(fields, tuple(places))
