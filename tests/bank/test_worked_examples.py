"""No numeric card is worked out, with its own numbers, by a card taught before it.

A concept card or a drill that computes a numeric card's answer from the numeric card's
own numbers gives that answer away: by the time the numeric card comes up, it checks
that a number was remembered, not that it can be computed. An earlier card may work the
same formula on other numbers (that is what teaches it); the numeric card then asks for
new ones.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
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


def test_numbers_skip_powers_and_subscripts_and_read_thousands() -> None:
    assert numbers("$\\epsilon = 10^{-8}$ at $x_1$, a batch of 1,024 and $0.5$") == {1024.0, 0.5}


CONCEPT = """---
id: batches-concept
kind: concept
title: Mini-batches
topic: training
difficulty: 2
source: tests
key_points:
  - Shuffle every epoch
  - Keep the last partial batch
  - Cut consecutive batches
---

## Question

How do you cut an epoch into mini-batches?

## Answer

Shuffle, cut consecutive batches and keep the last one: $n = {n}$, $B = 64$ gives {count} batches.
"""

NUMERIC = """---
id: batches-count
kind: numeric
title: Batches per epoch
topic: training
difficulty: 1
source: tests
answer: 16
tolerance: {absolute: 0.01}
---

## Question

$m = 1000$ examples are cut into mini-batches of 64, the last one partial. How many batches?

## Explanation

$\\lceil 1000 / 64 \\rceil = 16$.
"""


@pytest.mark.parametrize(("n", "count", "found"), [(1000, 16, True), (50000, 782, False)])
def test_an_earlier_card_working_the_same_numbers_gives_the_answer_away(
    tmp_path: Path, n: int, count: int, found: bool
) -> None:
    topic = tmp_path / "pack" / "training"
    topic.mkdir(parents=True)
    (tmp_path / "pack" / "pack.yaml").write_text(
        "title: A pack\ndescription: Tests.\nversion: 1.0.0\norder: [batches-concept]\n"
    )
    (topic / "batches-concept.md").write_text(CONCEPT.format(n=n, count=count))
    (topic / "batches-count.md").write_text(NUMERIC)
    bank = load_bank([tmp_path])
    assert not bank.problems
    concept, numeric = teaching_order(bank.cards, bank.packs)
    paragraph = given_away(numeric, concept)
    assert (paragraph is not None) is found
    assert paragraph is None or "gives 16 batches" in paragraph


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
