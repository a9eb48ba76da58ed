"""Property lines of notes (`Status:: in progress`, `source:: Goodfellow 7.12`), named.

The reader leaves a `key:: value` line out as metadata (`notes/read.py`): Logseq keeps a
block's id, fold and review state so (`id::`, `collapsed::`, `card-repeats::`), and
Obsidian's Dataview its inline fields. Logseq's own are its bookkeeping and go unsaid;
any other (Dataview's `Status:: in progress`, a `source::` under an answer) was dropped
without a word, though the user wrote it. They are named here, at the first, with what
they said.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quiz.bank.markdown import normalize
from quiz.ecosystem.linenames import line_numbers
from quiz.ecosystem.notes.blockprops import take_properties
from quiz.ecosystem.notes.coderows import PROPERTY_LINE

_LOGSEQ_KEYS = frozenset(
    """id collapsed heading background-color template template-including-parent
    public filters icon ls-type hl-type hl-page hl-color hl-stamp created-at updated-at
    query-table query-properties query-sort-by query-sort-desc logseq.order-list-type
    logseq.table.version""".split()
)
"""The properties Logseq writes itself, to no reader's eye."""
_SOURCE_KEYS = frozenset({"source", "sources", "reference", "ref"})
"""Keys whose property under an answer is the card's `source` (`notes/read.py`)."""
_SHOWN = 3


@dataclass(frozen=True)
class Properties:
    """The property lines a user wrote, by line (Logseq's own left out)."""

    found: tuple[tuple[int, str], ...] = ()
    """(1-based line, `key:: value` as written) of each, in order."""

    def note(self) -> str | None:
        """One line for the import's report, or None when there is none."""
        if not self.found:
            return None
        lines = [line for line, _ in self.found]
        where = line_numbers(lines) + (
            " holds a property" if len(lines) == 1 else " hold properties"
        )
        shown = ", ".join(written for _, written in self.found[:_SHOWN])
        more = f" and {len(self.found) - _SHOWN} more" if len(self.found) > _SHOWN else ""
        return (
            f"{where} ({shown}{more}), metadata to Obsidian's Dataview and Logseq, not "
            "text: left out"
        )


def find_properties(text: str, rows: Sequence[int] | None = None) -> Properties:
    """The property lines of the notes outside code, Logseq's own keys and its review
    state (`card-...::`) aside.

    `rows` are the rows (0-based) the reader left out as properties (`ParsedNotes.
    property_rows`, from `blockprops.take_properties`, which knows which lines are code):
    the import passes them, so the notes are parsed once for their code, by the reader.
    Without them the reader's take-off is asked here (one parse of the text). import54
    parsed the text a second time here: 298 ms against the 34 ms of a regular expression
    over its lines, on a 700 KB Logseq note (`bench/logseq_properties.py`)."""
    if "::" not in text:
        return Properties()
    lines = normalize(text).split("\n")  # the reader's rows (a lone `\r` ends a line)
    if rows is None:
        rows = take_properties("\n".join(lines), 0)[3]
    found: list[tuple[int, str]] = []
    for index in rows:
        match = PROPERTY_LINE.match(lines[index])
        if match is None:
            continue  # no property as written (the reader read it with a `#card` off)
        key = match.group("key")
        if key.lower() in _SOURCE_KEYS:
            continue  # a card's source, said with its card (`notes/read.py`)
        if key.lower() in _LOGSEQ_KEYS or key.lower().startswith("card-"):
            continue
        value = " ".join((match.group("value") or "").split())
        value = value if len(value) <= 40 else value[:39] + "…"
        found.append((index + 1, f"{key}:: {value}" if value else f"{key}::"))
    return Properties(tuple(found))
