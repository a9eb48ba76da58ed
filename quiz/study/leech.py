"""Leeches, as Anki finds them: a card forgotten again and again.

Anki calls a card a leech at its eighth lapse and again every four lapses after (half the
threshold), tags it and, by a new collection's default, leaves it in study: the time
it eats is better spent rewriting the card or its notes. drillbit has no tag to add, so
it says so in the session at those lapses, and where to suspend it: the card has
moved on by then, so the session's own suspend key would set aside the next card.
"""

from __future__ import annotations

LEECH_THRESHOLD = 8
"""Anki's default "Leech threshold": the lapse that first makes a card a leech."""


def is_leech_lapse(lapses: int, threshold: int = LEECH_THRESHOLD) -> bool:
    """Whether a card's `lapses`-th lapse is one at which Anki flags it: the threshold,
    then every half threshold after (8, 12, 16, ... by default)."""
    if lapses < threshold:
        return False
    return (lapses - threshold) % max(1, threshold // 2) == 0


def leech_notice(title: str, lapses: int) -> str:
    """What the session says when an Again makes a card a leech."""
    return (
        f"'{title}' is a leech: forgotten {lapses} times. Rewrite your notes on it, or "
        "suspend it in the card browser (b on Home: ^o sorts by lapses, ^s suspends)."
    )
