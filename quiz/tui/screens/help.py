"""Help: every binding of the screen it was opened from."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static


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
            yield DataTable(id="help-table", cursor_type="row", show_cursor=False)
            yield Static("escape closes", id="help-foot")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("key", "what it does")
        for key, description in self.rows:
            table.add_row(key, description)
        table.focus()
