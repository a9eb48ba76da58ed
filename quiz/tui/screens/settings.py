"""Settings: every key of config.toml with its value; enter edits one, checked before saving."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Input, Label, Static

from quiz.errors import DrillbitError
from quiz.settings import KEYS, Settings, describe, format_value, save_settings, with_value
from quiz.tui.widgets.fitted_table import FittedTable
from quiz.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from quiz.workspace import Workspace


class SettingsScreen(Screen[None]):
    """Edits the workspace's settings and saves them to config.toml."""

    BINDINGS = [
        Binding("enter", "edit", "Edit", show=True),
        Binding("escape", "back", "Back", priority=True),
    ]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.editing: str | None = None

    def compose(self) -> ComposeResult:
        yield Label(Text(" Settings ", style="reverse bold"), id="settings-title")
        yield FittedTable(id="settings-table", cursor_type="row", zebra_stripes=True)
        yield Input(id="settings-input")
        yield Static("", id="settings-help")
        yield KeysFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("setting", key="setting")
        table.add_column("value", key="value")
        table.add_column("what it does", key="what", width=self._description_width())
        box = self.query_one(Input)
        box.display = False
        box.cursor_blink = bool(getattr(self.app, "cursor_blink", True))  # as NumberAnswer
        self.refresh_rows()
        table.focus()

    def _description_width(self) -> int:
        """What the key and value columns leave the descriptions, which wrap in it (they
        were cut at 80 columns): a cell of padding either side of each column, and the
        scroll bar's two."""
        settings = self.workspace.settings
        key = max(len(key) for key in KEYS)
        value = max(5, *(len(format_value(getattr(settings, k))) for k in KEYS))
        return max(20, self.app.size.width - (key + 2) - (value + 2) - 2 - 2)

    def on_resize(self) -> None:
        """Refit the descriptions to the terminal's width (rows are measured again)."""
        if self.query_one(FittedTable).set_column_width("what", self._description_width()):
            self.refresh_rows()

    def refresh_rows(self) -> None:
        """Show the current values."""
        settings = self.workspace.settings
        defaults = Settings()
        table = self.query_one(FittedTable)
        cursor = table.cursor_row
        table.clear()
        table.set_column_width("what", self._description_width())
        for key in KEYS:
            value = getattr(settings, key)
            style = "bold" if value != getattr(defaults, key) else ""
            table.add_row(
                key, Text(format_value(value), style=style), Text(describe(key)), height=None
            )
        table.move_cursor(row=max(cursor, 0))
        if self.editing is not None:  # a resize while editing: the line under the box stays
            return
        self.query_one("#settings-help", Static).update(
            Text("enter edits the highlighted setting · bold = changed from the default", "dim")
        )

    def action_edit(self) -> None:
        """Open the value of the highlighted setting for editing."""
        if self.editing is not None:
            return
        table = self.query_one(DataTable)
        key = KEYS[table.cursor_row]
        self.editing = key
        box = self.query_one(Input)
        box.value = format_value(getattr(self.workspace.settings, key))
        box.display = True
        box.focus()
        self.query_one("#settings-help", Static).update(self._editing_help(key))

    @staticmethod
    def _editing_help(key: str, error: str | None = None) -> Text:
        """The line under the box: a refusal first (in full), then what the setting does."""
        text = Text()
        if error is not None:
            text.append(error, style="bold red")
            text.append("\n")
        text.append(f"{key}: {describe(key)} · enter saves, escape cancels")
        return text

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        key = self.editing
        if key is None:
            return
        try:
            updated = with_value(self.workspace.settings, key, event.value)
            save_settings(updated)
        except (DrillbitError, OSError) as exc:
            message = exc.message if isinstance(exc, DrillbitError) else str(exc)
            self.query_one("#settings-help", Static).update(self._editing_help(key, message))
            return
        self.workspace.apply_settings(updated)
        self.notify(f"{key} = {format_value(getattr(updated, key))} (saved)")
        self._close_editor()

    def _close_editor(self) -> None:
        self.editing = None
        self.query_one(Input).display = False
        self.query_one(DataTable).focus()
        self.refresh_rows()

    def action_back(self) -> None:
        """Cancel an edit, or go back."""
        if self.editing is not None:
            self._close_editor()
        else:
            self.app.pop_screen()
