"""The search index of the content the workspace holds now (`Workspace.search`)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.bank.lazy import LazyBank
    from quiz.search import SearchIndex


class ContentSearch:
    """Full-text search over every card of the current content, built once and under a lock.

    A heavy user's index takes about a second to build, so the TUI builds it in a thread
    (the browser, the palette) and asks `built` on the UI thread, which never builds. An
    index finished for content that has since been replaced or read again (a card file
    edited and reloaded, `LazyBank.refresh`) is not handed out: the next `index` builds one for the new content.
    Its Markdown parses are kept beside the card cache (`quiz.search_texts`), so a second
    start does not pay them.
    """

    def __init__(self, content: Callable[[], LazyBank]) -> None:
        self._content = content
        self._built: tuple[LazyBank, int, SearchIndex] | None = None
        self._lock = threading.Lock()

    def index(self) -> SearchIndex:
        """The index of the current content, built now if it is not yet (loads every card)."""
        with self._lock:
            content = self._content()
            built = self.built()
            if built is None:
                from quiz.search import SearchIndex  # the index's module: only when built
                from quiz.search_texts import PlainTexts

                generation = content.generation  # before the cards: a refresh builds again
                texts = PlainTexts.load()  # the Markdown parses of the last start's build
                built = SearchIndex(content.bank.cards, plain=texts)
                texts.save()
                self._built = (content, generation, built)
            return built

    def built(self) -> SearchIndex | None:
        """The index of the current content if it is built, else None (never builds)."""
        built, content = self._built, self._content()
        current = built is not None and built[0] is content and built[1] == content.generation
        return built[2] if built is not None and current else None
