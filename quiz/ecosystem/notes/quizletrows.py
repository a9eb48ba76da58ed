"""Quizlet's exports with other separators: a `.txt` card list read a card a row.

Quizlet's export dialog lets the user choose what parts a term from its definition (Tab,
Comma or a custom string such as ` - ` or `: `) and what parts the rows (New line, Semicolon or a
custom string such as a blank line). Tab and New line is a headerless tab list, which the
card list reader takes as it is; Semicolon is `semicolonrows.py`'s. The others were read as
Markdown notes with no question ("no questions found"), and a blank line between rows of
tab rows made each definition's second line a note of one field.

Here a `.txt` file is read as such a list only when its shape leaves no doubt: every row
(every non-blank line, or with a blank line between rows every paragraph) opens with a
term, the separator, then its definition; at least two rows; no row opens as Markdown does
(a heading, a list item, a quote, a fence, a `Q:` line). With `: ` (`dropout: zeroes
units`) a row is one line, its term no label of a card's part (`Front:`, `Q:`, `Source:`,
any case) nor a `key::` property, and no term said twice: such lines stay what they were. The list is written again as tab
rows in quotes, line for line, so the card list reader reads it with every card at its
row's line. A `.md` file is Markdown whatever its lines hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.ecosystem.commarows import is_comma_row

__all__ = ["LABELS", "QuizletList", "quizlet_hint", "read_quizlet_list"]

_SUFFIXES = frozenset({".txt"})
"""Quizlet's export is copied into a text file: a `.md` file is Markdown notes."""
_TERM_SEPARATORS = (
    ("\t", "a tab"),
    (" - ", "' - '"),
    (" – ", "' – '"),
    (" — ", "' — '"),
    (" = ", "' = '"),
    (" | ", "' | '"),
    (": ", "': '"),
    (",", "a comma"),
)
"""What may part a term from its definition, the surest first: a row holding both a
` - ` and a comma is parted at the dash, as a comma is common in a definition's prose."""
_MARKDOWN = re.compile(r"(?:#{1,6}\s|[-*+]\s|>|\d+[.)]\s|```|~~~|\||(?:Q|A|Question|Answer)\s*:)")
"""A line opening so is Markdown's (a heading, an item, a quote, a fence, a table, a `Q:`
line), never a Quizlet term."""
_TERM_WORDS = 12
"""A term longer than this is a sentence with a dash in it, not a term."""
_COMMA_TERM_WORDS = 6
"""A comma is prose's too: the words before it are a term only when they are few."""
_SENTENCE_END = re.compile(r"[.?!:;]\s")
"""A sentence's end inside the words before a comma: prose, not a term."""
LABELS = frozenset(
    {
        *("q", "a", "question", "answer", "ans", "front", "back", "term", "definition"),
        *("prompt", "response", "text", "extra", "cloze", "source", "sources", "tag", "tags"),
        *("note", "notes", "hint", "example", "explanation", "title", "id", "deck", "type"),
        *("author", "date", "created", "updated", "status", "topic", "subject", "url", "link"),
    }
)
"""Words before a `: ` that label a card's part (`Front: ...`, `q: ...`, `Source: ...`),
not a term: a file of such lines is read as it was before `: ` parted terms."""


@dataclass(frozen=True)
class QuizletList:
    """A Quizlet export read as tab rows: `text` the rows in quotes, line for line, and for
    the report the first row's line, how many rows and what parted them."""

    text: str
    line: int
    rows: int
    term_separator: str
    blank_lines: bool

    def note(self) -> str:
        """One line for the import's report: what was read, and as what."""
        if self.rows == 1:
            return (
                "one row, a comma between front and back (Anki's Import File reads such a"
                " line as Front and Back), read as a card"
            )
        between = "a blank line" if self.blank_lines else "a new line"
        return (
            f"{self.rows} rows, {self.term_separator} between term and definition and"
            f" {between} between rows (Quizlet's export with those separators), read as a"
            " card a row"
        )


def read_quizlet_list(text: str, suffix: str) -> QuizletList | None:
    """The file as a Quizlet list (see the module's docstring), or None when its shape
    is not surely one: then it is read as before. Tab rows a line each are left to the
    card list reader, which reads them already."""
    if suffix.lower() not in _SUFFIXES:
        return None
    text = text.removeprefix("\ufeff")  # a byte-order mark is no term's first letter
    if "\n" not in text.strip():
        return _one_comma_row(text)
    first = next((line for line in text.split("\n", 8) if line.strip()), "")
    if not any(_opens_row(first.rstrip("\r"), sep) for sep, _ in _TERM_SEPARATORS):
        return None  # most notes are let go here, without a copy of their lines
    lines = text.split("\n")
    rows = _rows(lines)
    if len(rows) < 2:
        return None
    blank_lines = any(len(row) > 1 for _, row in rows) or _blank_between(rows)
    for separator, name in _TERM_SEPARATORS:
        full = sum(_opens_row(row[0], separator) for _, row in rows)
        if full < 2 or not all(_is_row(row, separator) for _, row in rows):
            continue
        if separator in "\t," and any(_quoted_field(row[0], separator) for _, row in rows):
            return None  # `"..."` fields: a card list in quotes (Anki's, a sheet's), as it is
        if any(_opens_row(line, separator) for _, row in rows for line in row[1:]):
            return None  # a row's next line is a row too: where each row ends is unsure
        if separator == "\t" and not any(len(row) > 1 for _, row in rows):
            return None  # a tab list a row a line: the card list reader's own
        if separator in (",", ": ") and any(len(row) > 1 for _, row in rows):
            return None  # prose paragraphs open with a comma, or `Lecture 3: ...`: never sure
        if separator == ": " and _terms_repeat(rows):
            return None  # `Front: ... / Back: ...` again and again: labels, not a set's terms
        written = _tab_rows(lines, rows, separator)
        return QuizletList(written, rows[0][0] + 1, len(rows), name, blank_lines)
    return None


def _one_comma_row(text: str) -> QuizletList | None:
    """A `.txt` of one line `front,back` (`is_comma_row`) as a card, its back all after the
    first comma, as Anki's Import File reads the line (it takes a comma for the separator);
    None for any other line (a paragraph with commas stays text)."""
    if not is_comma_row(text):
        return None
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip())
    written = _tab_rows(lines, [(at, [lines[at].rstrip("\r")])], ",")
    return QuizletList(written, at + 1, 1, "a comma", False)


def _terms_repeat(rows: list[tuple[int, list[str]]]) -> bool:
    """True when two rows open with the same words before `: `: a Quizlet set's terms
    differ, a file of labelled parts (`Step: ...`, `Step: ...`) says its labels again."""
    terms = [_split(row[0], ": ")[0].strip().lower() for _, row in rows]
    return len(set(terms)) < len(terms)


def _tab_rows(lines: list[str], rows: list[tuple[int, list[str]]], separator: str) -> str:
    """The rows as tab rows in quotes, each at its own line: a definition over lines is
    one quoted field over the same lines, and the blank lines stay."""
    out: list[str | None] = [line.rstrip("\r") for line in lines]
    for start, row in rows:
        term, first = _split(row[0], separator)
        first = first or ""
        definition = "\n".join([first, *row[1:]]).strip()
        out[start] = f"{_quoted(term.strip())}\t{_quoted(definition)}"
        for at in range(start + 1, start + len(row)):
            out[at] = None  # in the quoted definition above
    return "\n".join(line for line in out if line is not None)


def quizlet_hint(text: str) -> str:
    """What to do with notes that found no question but read as Quizlet's list from a
    `.txt` (` - ` rows in a `.md` file): the end of the "no questions found" line, or ""."""
    found = read_quizlet_list(text, ".txt")
    if found is None:
        return ""
    return (
        f"; its lines are {found.rows} rows with {found.term_separator} between term and"
        " definition (Quizlet's export), read as Markdown in this file: save it as a .txt"
        " file and import that to read a card a row"
    )


def _rows(lines: list[str]) -> list[tuple[int, list[str]]]:
    """(0-based line, its lines) of each row: a paragraph when every paragraph but the
    rows' own lines hold no separator (a blank line between rows), else a line each."""
    paragraphs: list[tuple[int, list[str]]] = []
    for at, line in enumerate(lines):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        if paragraphs and at > 0 and lines[at - 1].strip():
            paragraphs[-1][1].append(line)
        else:
            paragraphs.append((at, [line]))
    if all(len(lines_) == 1 for _, lines_ in paragraphs):
        return paragraphs
    if any(_every_line_a_row(lines_) for _, lines_ in paragraphs if len(lines_) > 1):
        return [(at + i, [line]) for at, lines_ in paragraphs for i, line in enumerate(lines_)]
    return paragraphs


def _every_line_a_row(lines: list[str]) -> bool:
    """True when each of a paragraph's lines opens with a term and a separator: rows a
    line each grouped by blank lines, not one row's definition over lines."""
    return any(all(_is_row([line], sep) for line in lines) for sep, _ in _TERM_SEPARATORS)


def _blank_between(rows: list[tuple[int, list[str]]]) -> bool:
    """True when a blank line parts every two rows."""
    return all(b[0] > a[0] + len(a[1]) for a, b in zip(rows, rows[1:], strict=False))


def _is_row(row: list[str], separator: str) -> bool:
    """True when a row opens with a term and the separator: a definition after it, or,
    on a row of one line, none (`dropout -`: a term not yet defined, which the card list
    reader names as a note with no answer at its line)."""
    if _opens_row(row[0], separator):
        return True
    term, definition = _split(row[0], separator)
    return (
        len(row) == 1
        and definition is not None
        and not definition.strip()
        and _opens_row(f"{term}{separator}x", separator)
    )


def _quoted_field(line: str, separator: str) -> bool:
    """True when the row's term or definition opens with a quote: a field in quotes, as
    Anki and spreadsheets write one holding a line break or a comma (beside a tab or a
    comma only: after ` - ` a quote is the definition's text)."""
    term, definition = _split(line, separator)
    return term.lstrip().startswith('"') or (definition or "").lstrip().startswith('"')


def _split(line: str, separator: str) -> tuple[str, str | None]:
    """The term and the definition of a row: the definition "" when the row ends with the
    separator (its trailing blank cut off by the editor), None when it holds none."""
    term, found, definition = line.partition(separator)
    if found:
        return term, definition
    if separator.strip() and line.rstrip().endswith(separator.rstrip()):
        return line.rstrip()[: -len(separator.rstrip())], ""
    return line, None


def _opens_row(line: str, separator: str) -> bool:
    """True when `line` is `term<separator>definition`: a term of a few words, not
    Markdown's, and a definition after it."""
    term, found, definition = line.partition(separator)
    if not found or not term.strip() or not definition.strip():
        return False
    if separator != "\t" and (term != term.lstrip() or _MARKDOWN.match(term)):
        return False
    if separator == "," and (definition[:1].isspace() or _SENTENCE_END.search(term)):
        return False  # prose's `, ` (Quizlet writes `term,definition`), or a question's answer
    if separator == ": " and (
        term.endswith(":") or term.strip().lower() in LABELS or _SENTENCE_END.search(term)
    ):
        return False  # `key:: value` (Logseq, Dataview), a card part's label, prose
    few = _TERM_WORDS if separator not in (",", ": ") else _COMMA_TERM_WORDS
    return len(term.split()) <= few


def _quoted(field: str) -> str:
    """A field in quotes, a quote in it doubled: read back exactly, a line break and all."""
    return '"' + field.replace('"', '""') + '"'
