"""The command palette's card search: find any card by title or id and open it."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from quiz.workspace import Workspace


class CardCommands(Provider):
    """Every card of the bank as a palette command; choosing one opens it."""

    def _entries(self) -> list[tuple[str, str, Callable[[], None]]]:
        app = self.app
        workspace: Workspace = app.workspace  # type: ignore[attr-defined]
        open_card: Callable[[str], None] = app.open_card  # type: ignore[attr-defined]
        return [
            (
                f"{card.title} ({card.id})",
                f"{card.kind} · {card.pack}/{card.topic}",
                partial(open_card, card.id),
            )
            for card in workspace.cards
        ]

    async def discover(self) -> Hits:
        """With an empty query: list the cards in content order."""
        for text, help_text, command in self._entries():
            yield DiscoveryHit(text, command, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        """Fuzzy-match the query against each card's title and id."""
        matcher = self.matcher(query)
        for text, help_text, command in self._entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), command, text=text, help=help_text)
