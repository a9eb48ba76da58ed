"""Quizlet's export with `;` between rows: every row on one line, read a card a row.

Quizlet's export lets the user choose what parts a term from its definition (Tab, Comma
or a custom string) and what parts the rows (New line, Semicolon or a custom string). With
Semicolon, every row is on one line: `precision<TAB>of the predicted ...;recall<TAB>...;`.
Read as Anki reads a card list, that line was one note whose answer ran into the next
rows, one wrong card said nowhere. Here such a line is told apart and parted into its
rows, each keeping the line's number for the report: a `;` followed by no blank (the next
term starts right after it) parts two rows, and each row holds the term's separator
exactly once. A `;` in a definition's prose (`it is fast; it is small`) is followed by a
blank and stays text. When the rows cannot be told apart (a row holding the separator
twice or not at all: a comma inside a definition, a `;` glued to a word), the line gives
no card and the report says what to choose in Quizlet. Quizlet may write no `;` after the
last row: two tab rows so (`Q<TAB>A;B<TAB>C`) may also be one note of three fields, as Anki
before 2.1.55 wrote it with no header, its answer holding a glued `;` and its tags last.
They are that note only when `C` reads as tags (one word, no blank: `ml`); a definition of
words (`share of real positives found`) is a second row. Read as one note, a definition's
last card was lost: its term glued to the first answer, its definition named as unread tags.
A set of one row ended by `;` is that row; its `;` was kept as the definition's end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.ecosystem.ankiheader import read_header

__all__ = ["SemicolonRows", "card_list_rows", "rows_on_one_line"]

_ROW_END = re.compile(r";(?=\S)")
"""Where Quizlet's Semicolon parts two rows: the next term follows with no blank."""
_MAX_LINES = 8
"""A body of more lines than this holds a row a line (or more), never all rows on one."""
_NAMES = {"\t": "a tab", ",": "a comma"}
_SNIPPET = 50

CHOOSE = (
    "in Quizlet, export again with Tab between term and definition and New line between"
    " rows, and import that file"
)
"""What to choose in Quizlet's export for a list every reader takes as it is."""


@dataclass(frozen=True)
class SemicolonRows:
    """One line of rows parted by `;`: its 1-based line, its rows (each `term<sep>definition`
    as written) or, when they cannot be told apart, why."""

    line: int
    rows: tuple[str, ...] = ()
    refused: str | None = None
    snippet: str = ""

    def note(self) -> str | None:
        """One line for the import's report of the rows read, or None when none was."""
        if not self.rows:
            return None
        if len(self.rows) == 1:
            return (
                "one row ended by ';' (Quizlet's export with Semicolon between rows), read"
                " as a card, the ';' no part of its definition"
            )
        return (
            f"one line of {len(self.rows)} rows parted by ';' (Quizlet's export with"
            " Semicolon between rows), read as a card a row"
        )


def rows_on_one_line(body: str, separator: str, first_line: int = 1) -> SemicolonRows | None:
    """The rows of a card list written on one line (see the module's docstring), or None
    when `body` is no such list. `separator` parts a term from its definition (a tab or a
    comma; `;`, as Anki's `#separator:semicolon` header says, is read with a tab inside,
    as such a line is Quizlet's tab export); `first_line` is the body's first line's number
    in the file. A body of many lines is let go at once, without a copy."""
    if separator == ";":
        separator = "\t"
    if separator not in _NAMES or ";" not in body or body.count("\n") > _MAX_LINES:
        return None
    leading = body[: len(body) - len(body.lstrip())].count("\n")
    line = body.strip()
    if "\n" in line:
        return None
    pieces = _ROW_END.split(line.removesuffix(";"))
    at = first_line + leading
    if len(pieces) == 1 and _one_row_ended(line, separator):
        return SemicolonRows(at, tuple(pieces), snippet=_snippet(pieces[0]))
    holding = sum(separator in piece for piece in pieces)
    if len(pieces) < 2 or holding < 2:
        return None  # one row, or prose with a `;` in it: not this shape
    if separator == "\t" and len(pieces) == 2 and not line.endswith(";") and _tags(pieces[1]):
        return None  # `Q<TAB>A;B<TAB>ml`: one note of three fields (Anki's, no header)
    snippet = _snippet(pieces[0])
    if all(piece.count(separator) == 1 for piece in pieces):
        return SemicolonRows(at, tuple(pieces), snippet=snippet)
    odd = next(piece for piece in pieces if piece.count(separator) != 1)
    return SemicolonRows(
        at,
        refused=(
            f"one line of {len(pieces)} rows parted by ';' (Quizlet's export with Semicolon "
            f"between rows), but row '{_snippet(odd)}' holds {_count(odd, separator)}, so "
            f"the rows and their terms cannot be told apart: {CHOOSE}"
        ),
        snippet=snippet,
    )


def card_list_rows(text: str, separator: str) -> SemicolonRows | None:
    """`rows_on_one_line` of a whole card list, its Anki header lines (`#separator:`)
    read first, as the card list reader reads them: the import's report says what it read."""
    if text.count("\n") > 2 * _MAX_LINES:
        return None
    lines = text.lstrip("\ufeff").split("\n")
    layout, skip = read_header(lines, separator)
    if layout.meta:
        return None  # Anki's own export, its columns named: as the reader, no Quizlet list
    return rows_on_one_line("\n".join(lines[skip:]), layout.separator, skip + 1)


def _one_row_ended(line: str, separator: str) -> bool:
    """True for a set of one row as Quizlet's Semicolon export writes it, its `;` after the
    row: the term's tab once, one `;`, at the end (`precision<TAB>share ... real;`). The
    `;` was read as the definition's last character. Only a tab: a comma row alone is no
    sure card list."""
    return (
        separator == "\t"
        and line.endswith(";")
        and not line.endswith(";;")
        and line.count(";") == 1
        and line.count("\t") == 1
        and bool(line.partition("\t")[0].strip())
        and bool(line.partition("\t")[2].removesuffix(";").strip())
    )


def _tags(row: str) -> bool:
    """True when the text after a row's tab reads as Anki's tags field rather than a
    definition: one word, no blank (`ml`, `ml::metrics`)."""
    last = row.partition("\t")[2]
    return len(last.split()) <= 1


def _count(piece: str, separator: str) -> str:
    """'no tab', 'two commas'... in a row that should hold one."""
    name = _NAMES[separator].split(" ", 1)[1]
    count = piece.count(separator)
    return f"no {name}" if count == 0 else f"{count} {name}s"


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SNIPPET else flat[: _SNIPPET - 1] + "…"
