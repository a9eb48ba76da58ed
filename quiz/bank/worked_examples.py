"""Lint warning: a numeric card worked out, with its own numbers, by a card taught before it.

A concept card or a drill that computes a numeric card's answer from the numeric card's
own numbers gives that answer away: when the numeric card comes up, it checks that a
number was remembered, not that it can be computed. An earlier card of the same pack and
topic (what was just taught) may work the same formula on other numbers; the numeric card
then asks for new ones.

The test is on numbers as written: a paragraph (a key point, an option) of an earlier card
that states a value the numeric card accepts next to every number its question poses (0
and 1 aside, which every text has). Powers of a number (10^{-8}) and subscripts (x_1) are
notation, not numbers posed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from quiz.bank.models import Card, ChoiceFront, ConceptFront, NumericFront, Pack
from quiz.bank.order import teaching_order
from quiz.bank.problems import Problem

__all__ = ["numbers", "worked_example_warnings"]

_SCRIPTS: Final = re.compile(r"(?<!\d)\d+(?:\.\d+)?\^(?:\{[^{}]*\}|-?\w+)|_(?:\{[^{}]*\}|\w)")
"""A power of a number and a subscript: neither 10 nor 8 of 10^{-8}, nor the 1 of x_1, is a
number a card poses (the 64 of R^{64} is). A power is tried from a number's first digit
only: tried from each digit of a long run of them, it took minutes for a card's 500 KB."""
_NUMBER: Final = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:e-?\d+)?)(?![\w]|\.\d)")
_TRIVIAL: Final = frozenset({0.0, 1.0})
_BREAK: Final = re.compile(r"\n\s*\n")


def numbers(text: str) -> frozenset[float]:
    """The numbers written in `text` (digits, with thousands commas), signs dropped."""
    plain = _SCRIPTS.sub(" ", text)
    return frozenset(float(m.group(1).replace(",", "")) for m in _NUMBER.finditer(plain))


@dataclass(frozen=True, slots=True)
class _Paragraph:
    """A stretch of an earlier card a reader takes in at once, with its numbers."""

    card: Card
    numbers: frozenset[float]


def _paragraphs(card: Card) -> list[str]:
    """What a card shows, cut where a reader's eye stops: paragraphs, key points, options."""
    parts = [p for s in card.sections.values() for p in _BREAK.split(s.text)]
    if isinstance(card.front, ConceptFront):
        parts.extend(card.front.key_points)
    if isinstance(card.front, ChoiceFront):
        parts.extend(card.front.choices)
    return parts


def _states_answer(front: NumericFront, posed: frozenset[float], paragraph: _Paragraph) -> bool:
    """The paragraph states every posed number and a value the card accepts."""
    return posed <= paragraph.numbers and any(
        front.tolerance.accepts(front.answer, n) for n in paragraph.numbers
    )


def worked_example_warnings(cards: Sequence[Card], packs: Mapping[str, Pack]) -> list[Problem]:
    """One warning per numeric card whose answer an earlier card of its pack and topic
    works out from the card's own numbers, placed on the card's `## Question`.

    Paragraphs are indexed by the numbers they state, so a numeric card reads only those
    that state the rarest of its numbers, not every earlier paragraph of its topic."""
    index: dict[tuple[str, str], dict[float, list[_Paragraph]]] = {}
    warnings: list[Problem] = []
    for card in teaching_order(cards, packs):
        by_number = index.setdefault((card.pack, card.front.topic), {})
        question = card.sections.get("Question")
        if isinstance(card.front, NumericFront) and question is not None:
            posed = numbers(question.text) - _TRIVIAL
            if posed:
                seen = min((by_number.get(n, []) for n in posed), key=len)
                found = next((p for p in seen if _states_answer(card.front, posed, p)), None)
                if found is not None:
                    warnings.append(_warning(card, question.line, posed, found))
        for text in _paragraphs(card):
            paragraph = _Paragraph(card, numbers(text))
            for n in paragraph.numbers:
                by_number.setdefault(n, []).append(paragraph)
    return warnings


def _warning(card: Card, line: int, posed: frozenset[float], found: _Paragraph) -> Problem:
    front = card.front
    assert isinstance(front, NumericFront)
    stated = next(n for n in sorted(found.numbers) if front.tolerance.accepts(front.answer, n))
    shown = ", ".join(f"{n:g}" for n in sorted(posed))
    return Problem(
        card.path,
        line,
        1,
        "worked-example",
        f"'{found.card.id}', taught before this card in its topic, states {stated:g} next to "
        f"every number this question poses ({shown}), so reviewing it gives the answer away: "
        "ask for other numbers, or work that card's example on other ones",
        severity="warning",
    )
