"""A DataTable of rows whose home and end keys go to the first and the last row, and whose
screen can act on the highlighted row once the keys typed before are handled."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Generic, TypeVar

from textual.binding import Binding, BindingType
from textual.message_pump import MessagePump
from textual.widgets import DataTable

CellT = TypeVar("CellT")


class RowTable(DataTable[CellT], Generic[CellT]):
    """DataTable whose home and end move the row cursor to the first and the last row.

    DataTable binds home and end to its leftmost and rightmost column, which a table of
    rows (Home's packs, the settings, the drill list) never scrolls to: the keys did
    nothing, though the help says "home, end  The first or the last row", as in a file
    manager or Anki's browser. ctrl+home and ctrl+end still do the same.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "scroll_top", "Top", show=False),
        Binding("end", "scroll_bottom", "Bottom", show=False),
    ]

    def after_typed_keys(self, act: Callable[[], object]) -> None:
        """Run `act` once the keys already sent to this table have done what they do.

        A screen's priority binding (enter on the settings or the drill list) runs as soon
        as the app reads its key. An arrow typed just before it (typed fast, pasted, or sent
        by tmux in one burst) was forwarded to this table and moves the cursor only once it
        has bubbled back up to the app, where Textual checks the other bindings: read at
        once, the cursor was still on the row it was leaving, and enter opened that one.
        So `act` follows the arrow's path, a turn in each queue from here up to the app.
        """
        path: list[MessagePump] = [self, *self.ancestors]

        def hop(step: int) -> None:
            if step == len(path):
                act()
            else:
                path[step].call_later(hop, step + 1)

        hop(0)
