"""A screen's watch on the database: what it shows is read again when another drillbit
(another shell, another connection) commits, as Home's counts and the stats screen do."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from quiz.study import counts

if TYPE_CHECKING:
    from textual.screen import Screen

    from quiz.workspace import Workspace


class StoreWatch:
    """Calls `changed` when the store changed since `mark` (one PRAGMA every
    `STORE_POLL_SECONDS`), while the screen is the one shown: hidden, it reads again when
    it is back, on its own occasions (which `mark` too)."""

    def __init__(
        self,
        owner: Screen[Any],
        workspace: Workspace,
        changed: Callable[[], Awaitable[None] | None],
    ) -> None:
        self._owner = owner
        self._workspace = workspace
        self._changed = changed
        self._version: object = None
        """The store's version what is shown was read at (`Store.version()`)."""

    def mark(self) -> None:
        """Call before reading what is shown: a commit while the reads run is seen next time."""
        self._version = self._workspace.store.version()

    def start(self) -> None:
        """Ask the store every few seconds from now on."""
        self._owner.set_interval(counts.STORE_POLL_SECONDS, self.check)

    def check(self) -> None:
        """The poll's call: tell the screen, shown, when the database changed (once a commit)."""
        if self._owner.is_active and counts.counts_stale(self._workspace.store, self._version):
            self.mark()
            self._owner.call_later(self._changed)  # awaited when a coroutine
