"""Lint warning: a tag a card lists twice.

`tags: [adam, adam]` loads (each item is a valid kebab-case tag; a tag with capitals or
spaces is already the loader's `bad-value`, its fix written out, so `Adam` never meets
`adam`), and the card is filtered the same with one. The second is a slip: of a list
copied from a neighbour and added to, or of a tag meant to be another.
"""

from __future__ import annotations

from collections.abc import Sequence

from quiz.bank.loader import CARD_LIMIT
from quiz.bank.models import Card
from quiz.bank.problems import Problem

__all__ = ["duplicate_tag_warnings"]


def duplicate_tag_warnings(cards: Sequence[Card]) -> list[Problem]:
    """A `duplicate-tag` warning at each `tags` item repeating an earlier one of its card
    (at the item, as a `related` item is told)."""
    warnings: list[Problem] = []
    for card in cards:
        seen: dict[str, int] = {}
        for index, tag in enumerate(card.front.tags):
            if tag not in seen:
                seen[tag] = index
                continue
            warnings.append(
                Problem(
                    card.path,
                    *_tag_place(card, index),
                    "duplicate-tag",
                    f"tags.{index}: '{tag}' is this card's tag already (tags.{seen[tag]}): "
                    "delete it, or write the tag you meant",
                    severity="warning",
                )
            )
    return warnings


def _tag_place(card: Card, index: int) -> tuple[int, int]:
    """The line and column of the card's `index`-th tag, else of its `tags` key."""
    # Only here: parse imports PyYAML, which a warm start never needs.
    from quiz.bank.parse import file_node_position

    place = file_node_position(card.path, ("tags", index), CARD_LIMIT)
    return place or (card.lines.get("tags", 1), 1)
