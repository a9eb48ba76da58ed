"""Lint warning: a card's `related` naming the card itself.

The id resolves, so the load says nothing, and the card's list of related cards offers the
card being read: a slip of copying a neighbour's front matter, or of a list meant for
another card.
"""

from __future__ import annotations

from collections.abc import Sequence

from quiz.bank.loader import related_item_place
from quiz.bank.models import Card
from quiz.bank.problems import Problem

__all__ = ["self_related_warnings"]


def self_related_warnings(cards: Sequence[Card]) -> list[Problem]:
    """A `related-self` warning at each `related` item of a card that is its own id (at the
    item, as an unknown related id is told)."""
    warnings: list[Problem] = []
    for card in cards:
        for index, related in enumerate(card.front.related):
            if related != card.id:
                continue
            warnings.append(
                Problem(
                    card.path,
                    *related_item_place(card, index),
                    "related-self",
                    f"related id '{related}' is this card's own: a card's related cards are "
                    "the others worth reading next; delete it",
                    severity="warning",
                )
            )
    return warnings
