"""The bundled bank as the fact tests of each pack read it: a card by id, and its text."""

from __future__ import annotations

from quiz.bank.loader import load_bank
from quiz.bank.models import Card, ChoiceFront, ConceptFront
from quiz.bank.sources import bundled_content_dir

BANK = load_bank([bundled_content_dir()])


def card(card_id: str) -> Card:
    """The bundled card `card_id` (a missing one fails the test that asked)."""
    found = BANK.get(card_id)
    assert found is not None, card_id
    return found


def text(card_id: str) -> str:
    """Everything a card says: source, sections, choices and key points, one per line.

    A fact test checks a correction here, so wording the review removed cannot come back
    in any part of the card.
    """
    c = card(card_id)
    parts = [c.front.source, *(s.text for s in c.sections.values())]
    if isinstance(c.front, ChoiceFront):
        parts.extend(c.front.choices)
    if isinstance(c.front, ConceptFront):
        parts.extend(c.front.key_points)
    return "\n".join(parts)
