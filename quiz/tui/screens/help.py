"""Help: every binding of the screen it was opened from."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

TABLE_ROWS = 18
"""The table's most rows (its header counted); it scrolls for the rest."""
AROUND_TABLE = 4
"""The help box's rows besides the table: its two borders, the title and the foot."""


def table_height(screen_height: int) -> int:
    """The table's most rows on a screen this high: TABLE_ROWS, or what the box (at most
    90% of the screen, as drillbit.tcss says) leaves with the title and the foot in it.

    Kept at 18 rows, the table filled a 24-row screen's box (21 rows) with the title, and
    the foot ("escape closes") was cut off.
    """
    return max(3, min(TABLE_ROWS, screen_height * 9 // 10 - AROUND_TABLE))


class HelpScreen(ModalScreen[None]):
    """A table of keys and what they do; escape closes it."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("q", "dismiss", "Close", show=False),
        Binding("question_mark", "dismiss", "Close", show=False),
    ]

    def __init__(self, title: str, rows: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.rows = list(rows)
        """(key, description) pairs, in binding order."""

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(f"Keys: {self.title_text}", id="help-title")
            table: DataTable[str] = DataTable(id="help-table", cursor_type="row", show_cursor=False)
            table.styles.max_height = table_height(self.app.size.height)  # from the first frame
            yield table
            yield Static("escape closes", id="help-foot")

    def on_resize(self) -> None:
        self.query_one(DataTable).styles.max_height = table_height(self.size.height)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("key", "what it does")
        for key, description in self.rows:
            table.add_row(key, description)
        table.focus()
