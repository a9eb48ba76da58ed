"""Lint warning: an answer or explanation too long to read in about a minute.

A card comes up in review again and again, so its `## Answer` (`## Explanation`) is read
every time: the bundled bank keeps each to `MAX_ANSWER_WORDS` (a test holds it there), and
lint tells an author's pack the same, as a warning (a limit of how a pack teaches, not a
broken card), at the section's heading. Derivations and asides belong in a card or a drill
of their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from quiz.bank.models import Card
from quiz.bank.problems import Problem

__all__ = ["ANSWER_SECTIONS", "MAX_ANSWER_WORDS", "long_answer_warnings", "word_count"]

MAX_ANSWER_WORDS: Final = 400
"""About a minute and a half of reading, formulas included."""

ANSWER_SECTIONS: Final = ("Answer", "Explanation")

# A word has a letter or a digit: table pipes and rules ("|", "---") are layout, not reading.
_WORD_CHARACTER: Final = re.compile(r"[^\W_]")


def word_count(text: str) -> int:
    """Words a reader reads in `text`; a formula such as $O(T^2 d)$ counts as its pieces.
    Each run between spaces is tested once: a pattern for a whole word (`\\S*[^\\W_]\\S*`)
    backtracked over a long run without one (`[[[...`), minutes for a card's 100 KB."""
    return sum(1 for run in text.split() if _WORD_CHARACTER.search(run))


def long_answer_warnings(cards: Sequence[Card]) -> list[Problem]:
    """An `answer-too-long` warning at each answer or explanation over `MAX_ANSWER_WORDS`."""
    return [
        Problem(
            card.path,
            section.line,
            1,
            "answer-too-long",
            f"## {name} has {count} words, read at every review: keep it to "
            f"{MAX_ANSWER_WORDS} (about a minute) and move derivations and asides to a "
            "card or drill of their own",
            severity="warning",
        )
        for card in cards
        for name, section in card.sections.items()
        if name in ANSWER_SECTIONS and (count := word_count(section.text)) > MAX_ANSWER_WORDS
    ]
