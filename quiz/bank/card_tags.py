"""Lint warnings: a tag a card lists twice, and a tag that is another's spelling.

`tags: [adam, adam]` loads (each item is a valid kebab-case tag; a tag with capitals or
spaces is already the loader's `bad-value`, its fix written out, so `Adam` never meets
`adam`), and the card is filtered the same with one. The second is a slip: of a list
copied from a neighbour and added to, or of a tag meant to be another.

A tag only one card has, written as another the bank uses on several (`batchnorm` beside
`batch-norm`, `vanishing-gradient` beside `vanishing-gradients`, `activaton`), splits a
topic in two: `drillbit cards --tag batch-norm` leaves that card out. It is told with the
tag the others use (`tag-spelling`); tags that differ in a number (`float16`, `float64`)
are different tags.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Sequence

from quiz.bank.loader import CARD_LIMIT
from quiz.bank.models import Card
from quiz.bank.problems import Problem

__all__ = ["duplicate_tag_warnings", "tag_spelling_warnings"]

_SPELLING_CUTOFF = 0.9
"""How close a lone tag is to a common one to be a misspelling of it (`activaton`)."""


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


def _plain(tag: str) -> str:
    """A tag without its hyphens and a plural's s: `batch-norm` and `batchnorm` are one."""
    return tag.replace("-", "").removesuffix("s")


def _meant_tag(tag: str, common: Sequence[str]) -> str | None:
    """The tag of several cards that `tag` (on one card) is another spelling of, if any."""
    same = [other for other in common if _plain(other) == _plain(tag)]
    if same:
        return same[0]
    digits = re.sub(r"\D", "", tag)
    close = difflib.get_close_matches(tag, common, n=3, cutoff=_SPELLING_CUTOFF)
    return next((other for other in close if re.sub(r"\D", "", other) == digits), None)


def tag_spelling_warnings(cards: Sequence[Card], bank: Sequence[Card]) -> list[Problem]:
    """A `tag-spelling` warning at each tag of `cards` that no other card of `bank` has and
    that spells one at least two of them have."""
    counts = Counter(tag for card in bank for tag in set(card.front.tags))
    common = sorted(tag for tag, count in counts.items() if count >= 2)
    warnings: list[Problem] = []
    for card in cards:
        for index, tag in enumerate(card.front.tags):
            if counts[tag] != 1:
                continue
            meant = _meant_tag(tag, common)
            if meant is not None:
                warnings.append(
                    Problem(
                        card.path,
                        *_tag_place(card, index),
                        "tag-spelling",
                        f"tags.{index}: '{tag}' is on this card only, and {counts[meant]} cards "
                        f"write it '{meant}': write '{meant}', or a search by tag misses one",
                        severity="warning",
                    )
                )
    return warnings
