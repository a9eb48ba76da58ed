"""The command palette's card search: find any card by its full text and open it.

Matching and ranking are `quiz.search`'s (every query word must appear in the card;
title and id weigh most); the palette only shows the hits.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from quiz.search import SearchIndex
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
            for card in workspace.content.refs  # the index: no card model is needed here
        ]

    async def discover(self) -> Hits:
        """With an empty query: list the cards in content order, as the files are now."""
        await asyncio.shield(self._refreshing())
        for text, help_text, command in self._entries():
            yield DiscoveryHit(text, command, text=text, help=help_text)

    _index: asyncio.Future[SearchIndex] | None = None
    """The index being built off the UI thread (or built)."""

    _fresh: asyncio.Future[bool] | None = None
    """The check for card files edited since the content was read (`LazyBank.refresh`),
    once per opening: a card edited on disk was listed and found by its old text."""

    def _refreshing(self) -> asyncio.Future[bool]:
        if self._fresh is None:
            workspace: Workspace = self.app.workspace  # type: ignore[attr-defined]
            self._fresh = asyncio.ensure_future(asyncio.to_thread(workspace.content.refresh))
        return self._fresh

    def _building(self) -> asyncio.Future[SearchIndex]:
        if self._index is None:
            self._index = asyncio.ensure_future(self._index_when_fresh())
        return self._index

    async def _index_when_fresh(self) -> SearchIndex:
        await self._refreshing()
        workspace: Workspace = self.app.workspace  # type: ignore[attr-defined]
        return await asyncio.to_thread(workspace.search.index)

    async def startup(self) -> None:
        """Start building the search index off the UI thread as the palette opens.

        Not awaited here: the palette cancels a search at every keystroke, and a search
        waiting on the startup cancelled the startup with it, so the index never came and
        no search found anything until the palette was opened again.
        """
        self._building()

    async def search(self, query: str) -> Hits:
        """Every card whose text holds all the query's words, best first."""
        open_card: Callable[[str], None] = self.app.open_card  # type: ignore[attr-defined]
        index = await asyncio.shield(self._building())  # a cancelled search leaves the build
        matches = index.search(query, limit=40)
        top = matches[0].score if matches else 1.0
        matcher = self.matcher(query)
        for match in matches:
            card = match.card
            text = f"{card.title} ({card.id})"
            yield Hit(
                match.score / top,
                matcher.highlight(text),
                partial(open_card, card.id),
                text=text,
                help=f"{card.kind} · {card.pack}/{card.topic}",
            )
