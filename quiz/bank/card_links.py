"""Lint warning: a Markdown link from a card to another card's file.

An author used to a wiki links a card to another (`see [the derivative](sigmoid-bound.md)`).
drillbit shows a card alone, in a terminal, in a browser or in Anki: a link to a `.md`
file opens nothing anywhere (the Anki export carries no card files), so the reader is
sent nowhere. `related:` is how a card names another (each id checked by lint); the
`card-link` warning says so, at the link's line and column.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final
from urllib.parse import unquote, urlsplit

from quiz.bank.card_images import file_lines
from quiz.bank.markdown import parse
from quiz.bank.models import Card
from quiz.bank.problems import Problem

__all__ = ["CODE", "card_link_warnings"]

CODE: Final = "card-link"


def card_link_warnings(cards: Sequence[Card]) -> list[Problem]:
    """A `card-link` warning at each link of a card to a `.md` file (a web page's is the
    reader's to open)."""
    problems: list[Problem] = []
    for card in cards:
        found = list(_links(card))
        lines = file_lines(card.path) if found else []
        for first, last, href in found:
            line, column = _place(lines, first, last, href)
            target = Path(unquote(urlsplit(href).path)).name.removesuffix(".md")
            problems.append(
                Problem(
                    card.path,
                    line,
                    column,
                    "card-link",
                    f"a link to a card file ('{href}') leads to no card where drillbit shows "
                    f"one (terminal, browser, Anki): name the card in related: [{target}] "
                    "instead, where lint checks it exists",
                    severity="warning",
                )
            )
    return problems


def _links(card: Card) -> Iterator[tuple[int, int, str]]:
    """(the first and last file line of its paragraph, the link's target as written) of
    each link of `card` to a local `.md` file."""
    for section in card.sections.values():
        if ".md" not in section.text:
            continue  # most sections link to no card file: never parsed here
        for token in parse(section.text):
            if token.type != "inline" or token.map is None or not token.children:
                continue
            for child in token.children:
                if child.type != "link_open":
                    continue
                href = str(child.attrs.get("href", ""))
                parts = urlsplit(href)
                if parts.scheme or parts.netloc or not parts.path.lower().endswith(".md"):
                    continue
                yield section.line + 1 + token.map[0], section.line + token.map[1], href


def _place(lines: list[str], first: int, last: int, href: str) -> tuple[int, int]:
    """The line and 1-based column of the link's `[` in its paragraph, else the
    paragraph's first line, column 1."""
    for number in range(first, min(last, len(lines)) + 1):
        text = lines[number - 1]
        at = text.find(f"]({href}")
        start = text.rfind("[", 0, at) if at >= 0 else -1
        if start >= 0:
            return number, start + 1
    return first, 1
