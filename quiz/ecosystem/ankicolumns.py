"""A spreadsheet's first row that names its columns (`Front,Back,Tags`, a Notion
database's `Name,Answer,Status`): which columns give tags, deck or source, which are kept
after the answer, which no card uses, as the report says."""

from __future__ import annotations

__all__ = [
    "COLUMN_NAMES",
    "kept_columns",
    "named_meta",
    "names_columns",
    "unused_columns",
]

_COLUMN_NAMES = frozenset(
    "front back question answer term definition tags tag deck notes extra text hint "
    "q a prompt response name status created source".split()
)
"""Words a spreadsheet's first row names its columns by (Anki's own fields among them, and
the title, status and date columns of a Notion database exported as CSV)."""
_LABEL_CHARS = 30
"""A column's name is at most this long, a few words with no sentence's mark in them."""
COLUMN_NAMES = "a row naming the columns"
"""How the report says a spreadsheet's first row is no note."""


def names_columns(row: list[str]) -> bool:
    """True when the row only names columns (`Front,Back,Tags`, a spreadsheet's first row):
    it was taken as a note, the question 'Front' skipped as "the answer is too short"."""
    names = [value.strip().lower() for value in row if value.strip()]
    known = sum(name in _COLUMN_NAMES for name in names)
    return known >= 2 and all(_is_label(name) for name in names)


def _is_label(name: str) -> bool:
    """True for what names a column (`Created time`, `Difficulty`), not a note's text: a
    Notion database names its own columns besides the ones spreadsheets share."""
    return (
        len(name) <= _LABEL_CHARS
        and len(name.split()) <= 3
        and not any(mark in name for mark in ".?!:;,<>$`*")
    )


_META_NAMES = {
    "tags": "tags",
    "tag": "tags",
    "deck": "deck",
    "source": "source",
    "sources": "source",
    "reference": "source",
}
"""Column names of a spreadsheet's first row that name no field but a note's tags, deck or
source (a `Source` column was "not used", the book a card came from lost)."""


def named_meta(row: list[str], meta: dict[int, str]) -> dict[int, str]:
    """0-based column -> tags or deck, as a spreadsheet's first row names them (`Front,Back,
    Tags`) where no `#tags column:` header says: the tags were read as a third field, and
    no card had them."""
    named = {
        column: _META_NAMES[value.strip().lower()]
        for column, value in enumerate(row)
        if value.strip().lower() in _META_NAMES and column not in meta
    }
    taken = set(meta.values())
    return {column: kind for column, kind in named.items() if kind not in taken}


_KEPT_NAMES = frozenset(
    {
        "extra",
        "back extra",
        "notes",
        "note",
        "hint",
        "comment",
        "comments",
        "remark",
        "remarks",
        "explanation",
        "example",
        "examples",
        "mnemonic",
        "details",
        "context",
    }
)
"""Names of a first row's columns past the answer that hold words about the card (Anki's
Extra, a spreadsheet's Notes): kept after the answer as a quote (`extra_fields`)."""


def unused_columns(row: list[str], meta: dict[int, str]) -> tuple[str, frozenset[int]]:
    """(`its Status, Created columns are`: the named columns past the question and the
    answer that give a card nothing (a Notion database's status and dates), "" when none;
    their places among the note's fields). A column named as words about the card
    (`Extra`, `Notes`: `_KEPT_NAMES`) is no such column: it is kept after the answer."""
    fields = [value.strip() for column, value in enumerate(row) if column not in meta]
    unused = [
        (at, name)
        for at, name in enumerate(fields[2:], 2)
        if name and name.lower() not in _KEPT_NAMES
    ]
    places = frozenset(at for at, _ in unused)
    if not unused:
        return "", places
    names = ", ".join(name for _, name in unused)
    return f"its {names} column{'s are' if len(unused) > 1 else ' is'}", places


def kept_columns(row: list[str], meta: dict[int, str], unused: frozenset[int]) -> str:
    """`its Extra column is`: the named columns past the answer kept after it; "" when none."""
    fields = [value.strip() for column, value in enumerate(row) if column not in meta]
    kept = [name for at, name in enumerate(fields[2:], 2) if name and at not in unused]
    if not kept:
        return ""
    return f"its {', '.join(kept)} column{'s are' if len(kept) > 1 else ' is'}"
