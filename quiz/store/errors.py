"""What the store raises: part of drillbit's one error hierarchy, shown as one line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.errors import DrillbitError

if TYPE_CHECKING:
    from quiz.store.records import StoreNotice


class StoreError(DrillbitError):
    """The store cannot do what was asked (locked, unreadable, misuse); nothing was lost."""

    def __init__(self, message: str) -> None:
        super().__init__(message, title="progress database")


class NotSavedError(StoreError):
    """A write failed (disk full, read-only file system): the change was not recorded.

    The database is unchanged (the transaction was rolled back), so what was saved before
    is intact; the caller still has the result it meant to save and can show it.
    """


class ChangedSinceError(StoreError):
    """An undo was refused: the card was answered again since (in another session, or
    another window of the app), so restoring the older state would lose that answer."""


class DamagedFileReplaced(StoreError):
    """A damaged file met in use was moved aside and replaced; the operation did nothing."""

    def __init__(self, notice: StoreNotice) -> None:
        super().__init__(f"{notice.message} Nothing was changed by this step: try it again.")
        self.notice = notice
