"""Lint warning: an escaped dollar (`\\$`) in a card's title.

In a body `\\$` is a literal dollar sign, but a title is shown as written (lists, headings,
the Anki export), never rendered: the backslash shows. A `$` before a digit or a space is
shown as written there (`parse._check_title_dollars` lets a price pass), so the fix is the
sign alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from quiz.bank.models import Card
from quiz.bank.problems import Problem

__all__ = ["title_escape_warnings"]


def title_escape_warnings(cards: Sequence[Card]) -> list[Problem]:
    """A `title-escape` warning at the title's line of each card whose title has `\\$`
    (the first one's column named)."""
    problems: list[Problem] = []
    for card in cards:
        column = card.title.find("\\$") + 1
        if column:
            problems.append(
                Problem(
                    card.path,
                    card.lines.get("title", 1),
                    1,
                    "title-escape",
                    f"title: '\\$' (column {column} of the title) shows its backslash: a "
                    "title is shown as written (lists, headings, the Anki export), never "
                    "rendered: write the sign alone ($5)",
                    severity="warning",
                )
            )
    return problems
