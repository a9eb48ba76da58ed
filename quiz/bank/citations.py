"""Lint warnings on a card's `source`: a book's numbered section cited as a chapter (`ch.
9.2`), a page or section range written backwards (`pp. 200-180`), and a source that is
only a web address.

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
    "reversed_range_warnings",
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


_FILLER = re.compile(
    r"\b(?:see|at|from|via|available|online|url|link|here|also|web|website|page|source)\b",
    re.I,
)
"""Words around an address that name no work (`see https://...`, `available at ...`)."""


def is_bare_url(source: str) -> bool:
    """Whether `source` is web addresses and nothing else (no author, year or title):
    `see https://...` and `available at ...` too, whose words name nothing either."""
    if not _ADDRESS.search(source):
        return False
    return re.search(r"\w", _FILLER.sub("", _ADDRESS.sub("", source))) is None


def _first_address(source: str) -> str:
    found = _ADDRESS.search(source)
    return found.group(0) if found else source.strip()


def bare_url_warnings(cards: Sequence[Card]) -> list[Problem]:
    """A `source-url` warning at each card whose `source` is only a web address: the
    terminal shows it as text, a reader offline or after the page moved has nothing to
    look up, and the bundled bank cites the work (author, year, title, section)."""
    return [
        Problem(
            card.path,
            line := card.lines.get("source", 1),
            _column(card, line, _first_address(card.front.source)),
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


_RANGE: Final = re.compile(
    r"(?<!\w)(?P<word>pp?\.|pages?|secs?\.|sections?|ch(?:ap)?s?\.?|chapters?|§§?)\s*"
    r"(?P<first>\d+(?:\.\d+)*)\s*[-\u2013]\s*(?P<last>\d+(?:\.\d+)*)\b",
    re.I,
)
"""A page, section or chapter range: `pp. 200-180`, `sec. 8.5.1-8.5.2`, `pages 12–19`."""


def _range_end(first: str, last: str) -> tuple[int, ...]:
    """The range's last number in full: a citation may leave out what it shares with the
    first (`pp. 1234-56` is 1234-1256, `sec. 4.2-3` is 4.2-4.3)."""
    if "." in first or "." in last:
        head, tail = first.split("."), last.split(".")
        return tuple(int(part) for part in [*head[: max(len(head) - len(tail), 0)], *tail])
    if len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    return (int(last),)


def reversed_range_warnings(cards: Sequence[Card]) -> list[Problem]:
    """A `source-range` warning at each range in a card's `source` whose end comes before
    its start (`pp. 200-180`): a reader turns to page 200 and finds the passage ended."""
    warnings: list[Problem] = []
    for card in cards:
        for match in _RANGE.finditer(card.front.source):
            first, last = match.group("first"), match.group("last")
            start = tuple(int(part) for part in first.split("."))
            if _range_end(first, last) >= start:
                continue
            line = card.lines.get("source", 1)
            swapped = f"{match.group('word')} {last}-{first}"
            fix = (
                f"write the lower number first ('{swapped}') or fix the mistyped one"
                if len(last) == len(first)
                else "fix the mistyped number"
            )
            warnings.append(
                Problem(
                    card.path,
                    line,
                    _column(card, line, match.group(0)),
                    "source-range",
                    f"source: '{match.group(0)}' runs backwards (it ends before it starts): {fix}",
                    severity="warning",
                )
            )
    return warnings
