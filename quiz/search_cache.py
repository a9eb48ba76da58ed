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
    index finished for content that has since been replaced (a card file edited and
    reloaded) is not handed out: the next `index` builds one for the new content.
    """

    def __init__(self, content: Callable[[], LazyBank]) -> None:
        self._content = content
        self._built: tuple[LazyBank, SearchIndex] | None = None
        self._lock = threading.Lock()

    def index(self) -> SearchIndex:
        """The index of the current content, built now if it is not yet (loads every card)."""
        with self._lock:
            content = self._content()
            if self._built is None or self._built[0] is not content:
                from quiz.search import SearchIndex  # the index's module: only when built

                self._built = (content, SearchIndex(content.bank.cards))
            return self._built[1]

    def built(self) -> SearchIndex | None:
        """The index of the current content if it is built, else None (never builds)."""
        built = self._built
        return built[1] if built is not None and built[0] is self._content() else None
