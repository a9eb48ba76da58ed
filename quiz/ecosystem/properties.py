"""Property lines of notes (`Status:: in progress`, `source:: Goodfellow 7.12`), named.

The reader leaves a `key:: value` line out as metadata (`notes/read.py`): Logseq keeps a
block's id, fold and review state so (`id::`, `collapsed::`, `card-repeats::`), and
Obsidian's Dataview its inline fields. Logseq's own are its bookkeeping and go unsaid;
any other (Dataview's `Status:: in progress`, a `source::` under an answer) was dropped
without a word, though the user wrote it. They are named here, at the first, with what
they said.
"""

from __future__ import annotations

from dataclasses import dataclass

from quiz.ecosystem.linenames import line_numbers
from quiz.ecosystem.notes.blockprops import asked_pair_rows
from quiz.ecosystem.notes.coderows import PROPERTY_LINE, CodeRows

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


def find_properties(text: str) -> Properties:
    """The property lines of the notes outside code, Logseq's own keys and its review
    state (`card-...::`) aside."""
    if "::" not in text:
        return Properties()
    lines = [
        (index, match)
        for index, row in enumerate(text.split("\n"))
        if (match := PROPERTY_LINE.match(row.rstrip("\r"))) is not None
    ]  # as `notes/read.py` reads a property line (its rows are left empty there)
    if not lines:
        return Properties()  # no parse for notes whose `::` are clozes or `std::` in text
    found: list[tuple[int, str]] = []
    code = CodeRows(text)  # a `Foo::` line in code is the code's, not a property
    asked = asked_pair_rows(text, code)  # `Q::` over `A::`: a card, not metadata
    for index, match in lines:
        if index in asked or index in code:
            continue
        key = match.group("key")
        if key.lower() in _SOURCE_KEYS:
            continue  # a card's source, said with its card (`notes/read.py`)
        if key.lower() in _LOGSEQ_KEYS or key.lower().startswith("card-"):
            continue
        value = " ".join((match.group("value") or "").split())
        value = value if len(value) <= 40 else value[:39] + "…"
        found.append((index + 1, f"{key}:: {value}" if value else f"{key}::"))
    return Properties(tuple(found))
