"""Full-text card search, ranked: the command palette and `drillbit cards --search` use it.

Each card is indexed by field (title, id, tags, key points, choices, question, answer,
task, explanation, hints). Math is searchable by its Unicode form (σ, ≤) and by its LaTeX
words (sigma, frac): "$\\sigma$" is found by "sigma" and by "σ". Every query word must
appear in the card; a word found in the title weighs more than one in the explanation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from quiz.bank.models import Card, ChoiceFront, ConceptFront
from quiz.cardtext import plain_text

WEIGHTS: dict[str, float] = {
    "title": 8.0,
    "id": 6.0,
    "tags": 4.0,
    "points": 3.0,
    "question": 2.0,
    "body": 1.0,
}
"""How much a query word counts in each field (the best field it appears in counts)."""

EXACT_ID = 1000.0
"""Added for the card whose id is the whole query (`batchnorm`, or `layer norm` for
`layer-norm`): a person who types an id wants that card first, before the cards whose
titles hold the word."""

_BODY_SECTIONS = ("Answer", "Task", "Explanation", "Hints")
_LATEX_COMMAND = re.compile(r"\\([A-Za-z]+)")


@dataclass(frozen=True)
class Match:
    """A card found for a query, with its score (higher is better)."""

    card: Card
    score: float


def _searchable(text: str, plain: Callable[[str], str] = plain_text) -> str:
    """Lowercased text with math both as Unicode and as its LaTeX words."""
    latex_words = _LATEX_COMMAND.sub(r" \1 ", text)
    return f"{plain(text)} {latex_words}".lower()


def _fields(card: Card, plain: Callable[[str], str] = plain_text) -> dict[str, str]:
    front = card.front
    points: list[str] = []
    if isinstance(front, ConceptFront):
        points += front.key_points
    if isinstance(front, ChoiceFront):
        points += front.choices
    body = [card.section(name) for name in _BODY_SECTIONS] + list(card.hints)
    return {
        "title": _searchable(card.title, plain),
        "id": card.id.replace("-", " ") + " " + card.id,
        "tags": " ".join([*card.tags, card.topic, card.pack, card.kind]).lower(),
        "points": _searchable("\n".join(points), plain),
        "question": _searchable(card.section("Question"), plain),
        "body": _searchable("\n".join(body), plain),
    }


def _spaced(text: str) -> str:
    """`text` with a space in front and its line breaks and tabs as spaces, so `" " + word`
    finds each word's start: a word opening a line (a section's first word) followed a
    newline, and missed the bonus for a word's start. A query word holds no whitespace, so
    whether it is in the text is unchanged. (`" ".join(text.split())` made building the
    index 1.6x slower; the two `replace` calls cost 3-5%, docs/mutation-audits.md.)"""
    return " " + text.replace("\n", " ").replace("\t", " ")


def query_words(query: str) -> list[str]:
    """The words of a query, lowercased (empty for a blank query)."""
    return [word for word in query.lower().split() if word]


class SearchIndex:
    """Every card's searchable text, built once for a bank.

    Each field is kept with a space in front and its line breaks as spaces, so one `in`
    tells whether a word is in it and another whether a word of it starts with the query
    word; all of a card's fields are also kept as one string, so the cards without a word are passed over in one look each
    (a query word holds no space, so it is in the joined text exactly when it is in one of
    the fields). A query that extends the last one (each of the last one's words inside one
    of its words: "gra" then "grad", or "adam" then "adam bias") looks only at the cards the
    last one found, since no other card can hold its words: a person typing in the card
    browser narrows at each key.

    `plain` is `plain_text` or the same remembered (`quiz.search_texts.PlainTexts`: the
    Markdown parses, 80% of a heavy bank's build, kept between starts)."""

    def __init__(self, cards: Sequence[Card], *, plain: Callable[[str], str] = plain_text) -> None:
        self.cards = tuple(cards)
        self._fields = [
            {name: _spaced(text) for name, text in _fields(card, plain).items()}
            for card in self.cards
        ]
        self._joined = ["".join(fields.values()) for fields in self._fields]
        self._last: tuple[tuple[str, ...], list[int]] = ((), [])
        """The last query's words and the positions of the cards holding them all."""

    def _holding(self, words: Sequence[str]) -> list[int]:
        """The positions of the cards holding every word, in content order."""
        last_words, last_found = self._last
        narrows = bool(last_words) and all(any(old in word for word in words) for old in last_words)
        positions = last_found if narrows else range(len(self._joined))
        joined = self._joined
        found = [p for p in positions if all(word in joined[p] for word in words)]
        self._last = (tuple(words), found)
        return found

    def search(self, query: str, *, limit: int | None = None) -> list[Match]:
        """Cards holding every query word, best first (ties in content order)."""
        words = query_words(query)
        if not words:
            return []
        whole = "-".join(words)
        starts = [f" {word}" for word in words]
        found: list[tuple[float, int]] = []
        for position in self._holding(words):
            fields = self._fields[position].items()
            score = 0.0
            for word, start in zip(words, starts, strict=True):
                score += max(
                    WEIGHTS[name] * (1.5 if start in text else 1.0)
                    for name, text in fields
                    if word in text
                )
            found.append((score + EXACT_ID * (self.cards[position].id == whole), position))
        found.sort(key=lambda item: (-item[0], item[1]))
        matches = [Match(self.cards[position], score) for score, position in found]
        return matches if limit is None else matches[:limit]
