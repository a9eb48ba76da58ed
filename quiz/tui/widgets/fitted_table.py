"""A DataTable whose columns' widths can change after they were added (on a resize)."""

from __future__ import annotations

from typing import Generic, TypeVar

from rich.text import Text
from textual.widgets.data_table import ColumnKey

from quiz.tui.widgets.row_table import RowTable

CellT = TypeVar("CellT")


class FittedTable(RowTable[CellT], Generic[CellT]):
    """A table of rows (`RowTable`) with `set_column_width`, so a screen can refit its columns to the terminal.

    DataTable fixes a column's width in `add_column` and has no call to change it; the only
    public way is `clear(columns=True)` and adding every column and row again, which also
    loses the cursor and the scroll position. Changing the width in place is cheaper.
    """

    def set_column_width(self, key: ColumnKey | str, width: int | None) -> bool:
        """Give the column `width` cells, or None to fit its content; False if nothing changed.

        Nothing is done when the column already has that width (or is not added yet), so a
        screen may call this on every resize.
        """
        column = self.columns.get(key if isinstance(key, ColumnKey) else ColumnKey(key))
        if column is None:
            return False
        if width is None:
            if column.auto_width:
                return False
            column.auto_width = True
        else:
            if not column.auto_width and column.width == width:
                return False
            column.auto_width, column.width = False, width
        self._changed()
        return True

    def set_column_label(self, key: ColumnKey | str, label: str) -> bool:
        """Show `label` over the column (its width is left as it is); False if nothing
        changed, so a screen may call this on every resize."""
        column = self.columns.get(key if isinstance(key, ColumnKey) else ColumnKey(key))
        if column is None or column.label.plain == label:
            return False
        column.label = Text(label)
        self._changed()
        return True

    def _changed(self) -> None:
        """Redraw after a column changed in place.

        What DataTable.add_column does after changing the columns: its render caches are
        keyed by `_update_count`, and the scrollable width is measured again when idle.
        """
        self._update_count += 1
        self._require_update_dimensions = True
        self.check_idle()
        self.refresh()
