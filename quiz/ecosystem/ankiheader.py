"""Tell an Anki plain-text export from other notes, and read its header lines.

Anki 2.1.55 on starts its export with header lines (`#separator:tab`, `#html:true`,
`#deck column:2`...) that say how its rows are parted and which columns are not fields;
an older export, or a spreadsheet's `.csv`, has none and is told by its separators.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from quiz.ecosystem.commarows import glued_rows, is_comma_row

__all__ = [
    "AnkiLayout",
    "has_anki_header",
    "is_anki_text",
    "read_header",
    "suffix_separator",
    "tab_separated",
]

_HEADER = re.compile(r"^#([a-z ]+):(.*)$")
_KNOWN_HEADERS = frozenset(
    {
        "separator",
        "html",
        "tags",
        "columns",
        "notetype",
        "deck",
        "notetype column",
        "deck column",
        "tags column",
        "guid column",
    }
)
_SEPARATORS = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
_SUFFIX_SEPARATORS = {".txt": "\t", ".tsv": "\t", ".csv": ","}
"""The separator of a file of notes without a header, by its suffix: Anki's import reads a
`.csv` of comma-separated fields as it reads a `.txt` of tab-separated ones."""


def suffix_separator(suffix: str) -> str:
    """The fields' separator of a headerless export with this suffix (a tab but for `.csv`)."""
    return _SUFFIX_SEPARATORS.get(suffix.lower(), "\t")


def is_anki_text(text: str, suffix: str) -> bool:
    """True for an Anki plain-text export: it starts with an Anki header line
    (`#separator:`, `#html:`...), or it is a `.txt`/`.tsv` file that looks tab-separated
    (`tab_separated`: Anki before 2.1.55 wrote no header), or a `.csv` file that looks
    comma-separated (a spreadsheet's or another app's cards: it was read as Markdown,
    "no questions found"); a `.csv` of one line only when it reads as a card row
    (`is_comma_row`: a paragraph of notes with commas is no card)."""
    if has_anki_header(text):
        return True
    separator = _SUFFIX_SEPARATORS.get(suffix.lower())
    if separator == "," and "\n" not in text.strip():
        # one line: a card row, Quizlet's rows glued by `;`, or a paragraph with commas
        return is_comma_row(text) or glued_rows(text.strip())
    return separator is not None and tab_separated(text, separator)


def has_anki_header(text: str) -> bool:
    """True when the text starts with one of Anki's header lines (`#separator:tab`): a file
    Anki wrote, read as it is."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
    match = _HEADER.match(first)
    return match is not None and match.group(1) in _KNOWN_HEADERS


def tab_separated(text: str, separator: str = "\t") -> bool:
    """True when the first non-blank line has a tab (or `separator`), and at least half
    the non-blank lines do, or at least half the rows when fields in quotes run over lines
    (Anki quotes a field holding a line break: three notes of two-line answers are six
    lines, three with a tab, and were read as Markdown, "no questions found")."""
    rows = [line for line in text.split("\n") if line.strip()]
    if not rows or separator not in rows[0]:
        return False
    if 2 * sum(separator in row for row in rows) >= len(rows):
        return True
    return '"' in text and _rows_separated(text, separator)


def _rows_separated(text: str, separator: str) -> bool:
    """True when at least half the rows, read as CSV (a quoted field may hold line breaks),
    hold more than one field."""
    if len(text) >= csv.field_size_limit():
        csv.field_size_limit(len(text) + 1)  # a pasted image's field: within import's size
    try:
        records = [
            row
            for row in csv.reader(io.StringIO(text), delimiter=separator, strict=False)
            if any(field.strip() for field in row)
        ]
    except csv.Error:
        return False
    return bool(records) and 2 * sum(len(row) > 1 for row in records) >= len(records)


@dataclass
class AnkiLayout:
    separator: str = "\t"
    html: bool = True
    deck: str | None = None
    meta: dict[int, str] | None = None
    """0-based column -> what it holds (notetype, deck, tags, guid): not a field."""


def read_header(lines: list[str], separator: str) -> tuple[AnkiLayout, int]:
    """The layout the header lines give (`separator` when none names one), and how many
    lines they are."""
    layout = AnkiLayout(separator, meta={})
    assert layout.meta is not None
    count = 0
    for line in lines:
        match = _HEADER.match(line.rstrip("\r"))
        if match is None or match.group(1) not in _KNOWN_HEADERS:
            break
        count += 1
        key, value = match.group(1), match.group(2).strip()
        if key == "separator":
            layout.separator = _SEPARATORS.get(value.lower(), value[:1] or "\t")
        elif key == "html":
            layout.html = value.lower() == "true"
        elif key == "deck":
            layout.deck = value
        elif key.endswith(" column") and value.isdigit() and int(value) >= 1:
            layout.meta[int(value) - 1] = key.split(" ", 1)[0]
    return layout, count
