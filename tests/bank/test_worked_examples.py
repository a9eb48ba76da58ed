"""No numeric card is worked out, with its own numbers, by a card taught before it.

A concept card or a drill that computes a numeric card's answer from the numeric card's
own numbers gives that answer away: by the time the numeric card comes up, it checks
that a number was remembered, not that it can be computed. An earlier card may work the
same formula on other numbers (that is what teaches it); the numeric card then asks for
new ones.
"""

from __future__ import annotations

import re

from quiz.bank.models import Card, ChoiceFront, ConceptFront, NumericFront
from quiz.bank.order import teaching_order
from tests.bank.bundled import BANK

_SCRIPTS = re.compile(r"\d+(?:\.\d+)?\^(?:\{[^{}]*\}|-?\w+)|_(?:\{[^{}]*\}|\w)")
"""A power of a number and a subscript: neither 10 nor 8 of 10^{-8}, nor the 1 of x_1, is a
number a card poses (the 64 of R^{64} is)."""
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:e-?\d+)?)(?![\w]|\.\d)")


def numbers(text: str) -> set[float]:
    """The numbers written in `text` (digits, with thousands commas), signs dropped."""
    plain = _SCRIPTS.sub(" ", text)
    return {float(m.group(1).replace(",", "")) for m in _NUMBER.finditer(plain)}


def paragraphs(card: Card) -> list[str]:
    """What a card shows, cut where a reader's eye stops: paragraphs, key points, options."""
    parts = [p for s in card.sections.values() for p in re.split(r"\n\s*\n", s.text)]
    if isinstance(card.front, ConceptFront):
        parts.extend(card.front.key_points)
    if isinstance(card.front, ChoiceFront):
        parts.extend(card.front.choices)
    return parts


def given_away(card: Card, earlier: Card) -> str | None:
    """The paragraph of `earlier` that states a value `card` accepts, next to every number
    `card`'s question poses (0 and 1 aside), or None."""
    front = card.front
    assert isinstance(front, NumericFront)
    posed = numbers(card.sections["Question"].text) - {0.0, 1.0}
    for paragraph in paragraphs(earlier):
        found = numbers(paragraph)
        answered = any(front.tolerance.accepts(front.answer, n) for n in found)
        if posed and answered and posed <= found:
            return paragraph
    return None


def test_the_detector_finds_an_answer_worked_with_the_questions_numbers() -> None:
    assert numbers("$\\epsilon = 10^{-8}$ at $x_1$, a batch of 1,024 and $0.5$") == {1024.0, 0.5}


def test_no_numeric_card_is_worked_out_by_a_card_taught_before_it() -> None:
    """Earlier cards of the card's own pack and topic: what was just taught."""
    order = teaching_order(BANK.cards, BANK.packs)
    found = []
    for place, card in enumerate(order):
        if not isinstance(card.front, NumericFront):
            continue
        for earlier in order[:place]:
            if (earlier.pack, earlier.front.topic) != (card.pack, card.front.topic):
                continue
            paragraph = given_away(card, earlier)
            if paragraph is not None:
                found.append(f"{card.id} <- {earlier.id}: {paragraph[:100]}")
    assert found == []
