"""Lint warnings on a card's `source`: a book's numbered section cited as a chapter (`ch.
9.2`), and a source that is only a web address.

Chapter 9.2 is not a chapter: a reader looking for it in the book's contents finds chapter
9 and has to guess that the number after the dot is a section. The bundled bank cites
sections as `sec. 9.2` (`tests/bank/test_citations.py` holds it there); lint tells an
author's pack the same at the card's `source`, as a warning (a citation's form, not a
broken card), with the citation to write.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from quiz.bank.models import Card
from quiz.bank.problems import Problem

__all__ = [
    "CODE",
    "SECTION_AS_CHAPTER",
    "bare_url_warnings",
    "is_bare_url",
    "section_as_chapter_warnings",
]

CODE: Final = "section-as-chapter"
SECTION_AS_CHAPTER: Final = re.compile(r"\b(?:ch|chap|chapter)\.?\s+(\d+\.\d+(?:\.\d+)*)", re.I)
"""`ch. 9.2`, `chap 9.2`, `Chapter 5.1`: a chapter word before a section's number."""


def section_as_chapter_warnings(cards: Sequence[Card]) -> list[Problem]:
    """A `section-as-chapter` warning at each such citation in a card's `source`, at its
    column when the source is written on its own line as it reads."""
    warnings: list[Problem] = []
    for card in cards:
        source = card.front.source
        for match in SECTION_AS_CHAPTER.finditer(source):
            line = card.lines.get("source", 1)
            warnings.append(
                Problem(
                    card.path,
                    line,
                    _column(card, line, match.group(0)),
                    "section-as-chapter",
                    f"source: '{match.group(0)}' names a section as a chapter: write "
                    f"'sec. {match.group(1)}' (a reader finds chapter "
                    f"{match.group(1).split('.')[0]} in the contents, not {match.group(1)})",
                    severity="warning",
                )
            )
    return warnings


def _column(card: Card, line: int, cited: str) -> int:
    """The 1-based column of `cited` on the card's line `line`, else 1."""
    try:
        text = card.path.read_text(encoding="utf-8-sig").splitlines()[line - 1]
    except (OSError, UnicodeDecodeError, IndexError):
        return 1
    at = text.find(cited)
    return at + 1 if at >= 0 else 1


_ADDRESS = re.compile(r"<?\b(?:(?:https?|ftp)://|www\.)[^\s<>]+>?", re.I)
"""A web address, bare or in `<...>` (Markdown's autolink)."""


def is_bare_url(source: str) -> bool:
    """Whether `source` is web addresses and nothing else (no author, year or title)."""
    if not _ADDRESS.search(source):
        return False
    return re.search(r"\w", _ADDRESS.sub("", source)) is None


def bare_url_warnings(cards: Sequence[Card]) -> list[Problem]:
    """A `source-url` warning at each card whose `source` is only a web address: the
    terminal shows it as text, a reader offline or after the page moved has nothing to
    look up, and the bundled bank cites the work (author, year, title, section)."""
    return [
        Problem(
            card.path,
            line := card.lines.get("source", 1),
            _column(card, line, card.front.source.strip().split()[0]),
            "source-url",
            "source: a web address alone names no work: a reader offline, or after the page "
            "moved, has nothing to look up; cite the work first (author, year, title, "
            "section), the address after it if you like, e.g. source: 'Bishop 2006 (Pattern "
            "Recognition and Machine Learning), sec. 3.2'",
            severity="warning",
        )
        for card in cards
        if is_bare_url(card.front.source)
    ]
