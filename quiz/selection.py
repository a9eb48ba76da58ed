"""Names a person types to pick cards (topic, tag, pack, kind), checked against the bank.

An unknown name is a usage error that suggests the closest known one, instead of an
empty selection that looks like "nothing to study".
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Protocol

from quiz.bank.models import Card
from quiz.errors import UsageError
from quiz.study import KINDS


class Named(Protocol):
    """What names a card: a loaded Card, or its ref in the card index (`CardRef`)."""

    @property
    def topic(self) -> str: ...
    @property
    def pack(self) -> str: ...
    @property
    def tags(self) -> tuple[str, ...]: ...


def known_names(cards: Iterable[Named]) -> dict[str, set[str]]:
    """Every topic, tag, pack and kind the cards use."""
    names: dict[str, set[str]] = {"topic": set(), "tag": set(), "pack": set(), "kind": set(KINDS)}
    for card in cards:
        names["topic"].add(card.topic)
        names["tag"].update(card.tags)
        names["pack"].add(card.pack)
    return names


def suggest(name: str, known: Iterable[str]) -> str | None:
    """The known name closest to `name`, when one is close enough to be a typo."""
    matches = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return matches[0] if matches else None


def check_names(cards: Iterable[Named], **given: str | None) -> None:
    """UsageError (exit 2) for the first given name the bank does not use, with a suggestion.

    Keywords are topic, tag, pack and kind; None means "not given".
    """
    names = known_names(cards)
    for what, name in given.items():
        if name is None or name in names[what]:
            continue
        close = suggest(name, names[what])
        hint = f"did you mean '{close}'?" if close else _listing(what, names[what])
        raise UsageError(f"unknown {what} '{name}': {hint}")


def _listing(what: str, known: set[str]) -> str:
    shown = sorted(known)
    more = f" and {len(shown) - 12} more" if len(shown) > 12 else ""
    return f"known {what}s: {', '.join(shown[:12]) or 'none'}{more}"


def find_card(cards: Iterable[Card], card_id: str) -> Card:
    """The card with this id; UsageError (exit 2) suggesting the closest id otherwise."""
    by_id = {card.id: card for card in cards}
    if card_id in by_id:
        return by_id[card_id]
    close = suggest(card_id, by_id)
    hint = f": did you mean '{close}'?" if close else "; `drillbit list` shows every id"
    raise UsageError(f"no card '{card_id}'{hint}")
