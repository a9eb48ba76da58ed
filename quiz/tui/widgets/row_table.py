"""A DataTable of rows whose home and end keys go to the first and the last row, and whose
cursor's row stays in view when the table is made shorter."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from textual import events
from textual.binding import Binding, BindingType
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

    def on_resize(self, event: events.Resize) -> None:
        """Keep the cursor's row in view when the table gets shorter: Home and the card
        browser give rows up to their notices, and the row just suspended at the bottom of
        the browser went out of view under "Suspended: ..." (DataTable scrolls to the
        cursor only when the cursor moves)."""
        if self.row_count and self.show_cursor:
            self.call_after_refresh(self._scroll_cursor_into_view)
