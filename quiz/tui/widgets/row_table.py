"""A DataTable of rows whose home and end keys go to the first and the last row."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

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
