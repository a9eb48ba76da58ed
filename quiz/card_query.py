"""The card browser's search box read as an Anki user types it: `is:due tag:numpy softmax`.

Anki's browser takes `is:due`, `tag:x`, `deck:y` and `prop:lapses>3` beside plain words;
drillbit's full-text search took them as words, found no card holding "is:due" and showed
an empty list, as if nothing were due. Here the terms drillbit has become filters, the
rest stay words for the full-text search, and an Anki term drillbit does not have is a
`QueryError` that says what it does have, never an empty list.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field

STATE_WORDS: dict[str, str] = {
    "due": "due",
    "new": "new",
    "learn": "learning",
    "learning": "learning",
    "review": "review",
    "suspended": "suspended",
    "buried": "buried",
}
"""`is:` values and the browser state each selects (`due`: due today, as
Home counts it: `quiz.browser.card_rows`)."""

_FIELDS: dict[str, str] = {
    "tag": "tag",
    "deck": "pack",
    "pack": "pack",
    "topic": "topic",
    "kind": "kind",
}
"""Anki's `tag:` and `deck:` (a pack here), and drillbit's own `pack:`, `topic:`, `kind:`."""

ANKI_ONLY = frozenset(
    (
        "added", "card", "cid", "dupe", "edited", "flag", "front", "back", "introduced",
        "mid", "nid", "note", "preset", "rated", "resched", "is", "prop",
    )
)  # fmt: skip
"""Anki search keys with no drillbit meaning (`is:` and `prop:` values it lacks too): an
error names them rather than a full-text search for the literal text."""

_COMPARISONS: dict[str, Callable[[int, int], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    "!=": operator.ne,
    ">": operator.gt,
    "<": operator.lt,
    "=": operator.eq,
}
_LAPSES = re.compile(r"lapses(>=|<=|!=|>|<|=)(\d+)")
_TERM = re.compile(r"(-?)([a-z]+):(.+)", re.IGNORECASE)

SUPPORTED = (
    "is:due, is:new, is:learn, is:review, is:suspended, is:buried, tag:T, deck:P "
    "(a pack; pack:P too), topic:T, kind:K and prop:lapses>N (>=, <, <=, =, != too); "
    "other words search the cards' text"
)
"""What the search box takes besides words, as its error says it."""


class QueryError(ValueError):
    """A search term drillbit cannot do; the message names it and what drillbit can."""


@dataclass(frozen=True)
class CardQuery:
    """A search split into filters and the words the full-text search looks for."""

    words: str = ""
    filters: dict[str, str] = field(default_factory=dict)
    """`pack`, `topic`, `kind` or `state` to the value a card must have."""
    tags: tuple[str, ...] = ()
    """Tags a card must all have (`tag:a tag:b`, as in Anki)."""
    lapses: tuple[Callable[[int, int], bool], int] | None = None
    """`prop:lapses>3` as (the comparison, 3)."""

    def keeps_lapses(self, lapses: int) -> bool:
        """True when a card with this many lapses passes `prop:lapses...`."""
        return self.lapses is None or self.lapses[0](lapses, self.lapses[1])


def parse_query(text: str) -> CardQuery:
    """Split `text` into filters (`is:`, `tag:`, `deck:`...) and full-text words.

    QueryError for an Anki term drillbit has not (`rated:1`, `is:marked`, `-tag:x`) or a
    filter given twice with two values (Anki would find no card: say so instead).
    """
    words: list[str] = []
    filters: dict[str, str] = {}
    tags: list[str] = []
    lapses: tuple[Callable[[int, int], bool], int] | None = None
    for term in text.split():
        found = _TERM.fullmatch(term)
        key = found.group(2).lower() if found else ""
        if found is None or (key not in _FIELDS and key not in ANKI_ONLY):
            words.append(term)  # "softmax:" or "http://x": a word like any other
            continue
        negated, value = found.group(1), found.group(3)
        if negated:
            raise QueryError(f"'{term}': drillbit's search has no negation; it takes {SUPPORTED}")
        if key == "prop" and (prop := _LAPSES.fullmatch(value.lower())) is not None:
            lapses = (_COMPARISONS[prop.group(1)], int(prop.group(2)))
            continue
        if key == "is" and value.lower() in STATE_WORDS:
            name, value = "state", STATE_WORDS[value.lower()]
        elif key == "tag":
            tags.append(value)
            continue
        elif key in _FIELDS:
            name = _FIELDS[key]
        else:
            raise QueryError(f"'{term}' is not a search drillbit has; it takes {SUPPORTED}")
        if filters.get(name, value) != value:
            raise QueryError(f"'{term}': a card has one {name}, and another is asked already")
        filters[name] = value
    return CardQuery(words=" ".join(words), filters=filters, tags=tuple(tags), lapses=lapses)
