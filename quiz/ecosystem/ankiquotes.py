"""A row's quotes gone wrong: a quote never closed (the rest of the file one field), or
one inside a quoted field not doubled, said where it is."""

from __future__ import annotations

from quiz.ecosystem.csvquotes import read_stray_quotes

__all__ = [
    "UNCLOSED_QUOTE",
    "stray_quotes",
    "unclosed_quote",
]

UNCLOSED_QUOTE = 'a quote (") opens a field here and nothing closes it'
"""How the reason a row ran to the end of the file begins (`unclosed_quote`)."""


def unclosed_quote(rows: list[str], first: int, end: int, skip: int) -> str | None:
    """Why a row is no note when a quote opens one of its fields and nothing closes it:
    the reader then takes every line to the end of the file as that field (`rows[first:
    end]`, `end` their count; `skip` header lines before them), and the notes on them
    were lost without a word, the row named as "a note with one field". None for any
    other row."""
    if end < len(rows) or end - first < 2:
        return None
    if "".join(rows[first:end]).count('"') % 2 == 0:
        return None
    return (
        f"{UNCLOSED_QUOTE}, so lines {skip + first + 1}-{skip + end}, the rest of the file, "
        "were read as that one field and give no card: close the quote, or write a quote "
        'inside a quoted field as two ("")'
    )


def stray_quotes(
    row: list[str], raw_rows: list[str], line: int, separator: str
) -> tuple[list[str], tuple[str, ...]]:
    """The row's fields, read again when a quoted field holds a quote that is not doubled
    (`read_stray_quotes`), and what the report says of each such quote at its line and
    column; the row as read, and nothing to say, otherwise."""
    raw = "".join(raw_rows)
    stray = read_stray_quotes(raw, separator) if '"' in raw else None
    if stray is None:
        return row, ()
    lines: dict[int, list[str]] = {}
    for at in stray.places:
        row_line = line + raw.count("\n", 0, at)
        lines.setdefault(row_line, []).append(str(at - raw.rfind("\n", 0, at)))
    where = "; ".join(
        f"line {number}, column{'s' if len(columns) > 1 else ''} {', '.join(columns)}"
        for number, columns in lines.items()
    )
    many = len(stray.places) > 1
    said = (
        f"{'quotes' if many else 'a quote'} inside a quoted field not doubled ({where}):"
        f' read as {"quotes" if many else "a quote"} of its text; write each as "" inside'
        " quotes (or leave the field unquoted) for other readers"
    )
    return stray.fields, (said,)
