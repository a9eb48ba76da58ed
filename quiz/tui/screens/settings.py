"""Settings: the interview plan's date, minutes and target, then every key of config.toml with
its value; enter edits one, checked before saving.

Saving writes only the key edited, into config.toml as it is now (`save_key`): a file
edited by hand while the app runs keeps its other keys and comments; one that is not TOML,
or that holds another bad key, is not saved over, and the screen says why (as it says,
when it opens, what is wrong with the file). The plan's rows are saved with the progress,
by the functions `drillbit plan` uses (`quiz.study.plan_edit`, through the workspace)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Input, Label, Static

from quiz.errors import DrillbitError
from quiz.settings import (
    KEYS,
    Settings,
    SettingsError,
    SettingsFileError,
    describe,
    format_value,
    read_settings_file,
    save_key,
    with_value,
)
from quiz.settings_view import (
    PLAN_KEPT,
    PLAN_REMOVED,
    plan_saved_note,
    plan_values,
    removal_question,
)
from quiz.study.plan_edit import PLAN_ROWS, PlanField
from quiz.tui.key_gate import act_then_read_held_keys
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.themes import unknown_theme
from quiz.tui.widgets.fitted_table import FittedTable
from quiz.tui.widgets.footer import KeysFooter
from quiz.tui.widgets.in_order import InOrderInput

if TYPE_CHECKING:
    from quiz.workspace import Workspace

INTERVIEW_NOTE = "Empty: no plan. Kept with your progress, as drillbit plan does."
"""What the interview date's row adds here: its box clears the plan, and where it lives."""
INTERVIEW_FORMAT = "YYYY-MM-DD, the day of your interview"
"""The empty interview box's placeholder: a new user's first edit met a blank box, the
format said only in the wrapped line under it."""
ROWS: tuple[str, ...] = (*PLAN_ROWS, *KEYS)
"""Every row's key, in order: the plan's fields first, then the settings. Home sends a new
user here to set the interview date ("set one in Settings (,)"): listed last, its row was
below the fold at 80x24, under eleven settings and their wrapped descriptions."""


class ValueBox(InOrderInput):
    """The box a value is edited in, its enter in the footer as "Save": the footer showed
    "esc Cancel" alone, the key that keeps the value said only in the line under the box.
    Input's own enter (not shown) does the saving still: a screen binding for it ran before
    the keys of a burst typed ahead of it had reached the box."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Save", tooltip="save the typed value")
    ]


def _plan_what(field: PlanField) -> str:
    """What a plan row says here: the interview date's box also clears the plan."""
    what = PLAN_ROWS[field].what
    return f"{what} {INTERVIEW_NOTE}" if field == "interview" else what


def _plan_field(key: str) -> PlanField | None:
    """The plan's field a row edits, or None for a setting of config.toml."""
    return next((field for field in PLAN_ROWS if field == key), None)


class SettingsScreen(Screen[None]):
    """Edits the workspace's settings and saves them to config.toml."""

    BINDINGS = [
        # priority: the table's own enter ("Select", not shown) came first, and the footer
        # had no Edit; while a value is edited, check_action hands enter to its box
        Binding("enter", "edit", "Edit", tooltip="change the highlighted value", priority=True),
        Binding("escape", "back", "Back", tooltip="go to Home", priority=True),
        # while a value is edited escape leaves it as it was: the footer said "esc Back"
        # over a hint saying "escape cancels", and a new user feared leaving the screen
        Binding(
            "escape", "cancel_edit", "Cancel", tooltip="leave the value as it was", priority=True
        ),
    ]
    HELP_ALTERNATIVES: ClassVar[tuple[frozenset[str], ...]] = (frozenset({"Back", "Cancel"}),)
    """Escape is "Back", or "Cancel" while a value is edited: listed as the one now."""
    TABLE_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("↑, ↓", "Move between settings"),
        ("pgup, pgdn", "A screenful up or down"),
        ("home, end", "The first or the last setting"),
    )
    """The table's keys in the help, by what they do here (the table's own names read
    "home  Home", "←  Cursor left")."""
    BOX_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("enter", "Save: save the typed value"),
        ("^u", "Delete all before the cursor"),
        ("←, →, home, end", "Move in the value"),
    )
    """The value box's keys in the help while a value is edited: it listed the table's
    ("↑, ↓  Move between settings") over a box that has the focus, and no enter."""

    @property
    def HELP_FOCUSED_KEYS(self) -> tuple[tuple[str, str], ...]:  # noqa: N802 (help.py's name)
        """The focused widget's keys as the help lists them: the box's while editing."""
        return self.BOX_KEYS if self.editing is not None else self.TABLE_KEYS

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.editing: str | None = None
        self.file_problem: str | None = None
        """What is wrong with config.toml, as the file was when last read (None: nothing)."""
        self.refused: str | None = None
        """Why a switched true/false setting was not saved (no box to say it under), said
        over the table until the next edit."""
        self.box_refusal = False
        """Whether the line under the box says why the typed value was refused: cleared at
        the box's next edit, as the number card's "Nothing typed" is."""
        self.saved_note: str | None = None
        """What the last save did, said on the line under the table until the next edit: a
        toast sat over the descriptions at 80x24, the edited row's among them."""

    def compose(self) -> ComposeResult:
        yield Label(Text(" Settings ", style="reverse bold"), id="settings-title")
        yield FittedTable(id="settings-table", cursor_type="row", zebra_stripes=True)
        yield ValueBox(id="settings-input")
        yield Static("", id="settings-help")
        yield KeysFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("setting", key="setting")
        table.add_column("value", key="value")
        table.add_column("what it does", key="what", width=self._description_width())
        box = self.query_one(Input)
        box.display = False
        self.file_problem = self._check_file()
        self.refresh_rows()
        table.focus()

    def _description_width(self) -> int:
        """What the key and value columns leave the descriptions, which wrap in it (they
        were cut at 80 columns): a cell of padding either side of each column, and the
        scroll bar's two."""
        settings = self.workspace.settings
        key = max(len(name) for name in (*KEYS, *(row.name for row in PLAN_ROWS.values())))
        value = max(10, *(len(format_value(getattr(settings, k))) for k in KEYS))  # a date
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
        plan = plan_values(self.workspace)
        for field, row in PLAN_ROWS.items():
            shown = Text(plan[field], style="bold") if plan else Text("none", "dim")
            table.add_row(row.name, shown, Text(_plan_what(field)), height=None)
        for key in KEYS:
            value = getattr(settings, key)
            style = "bold" if value != getattr(defaults, key) else ""
            table.add_row(
                key, Text(format_value(value), style=style), Text(describe(key)), height=None
            )
        table.move_cursor(row=max(cursor, 0))
        if self.editing is not None:  # a resize while editing: the line under the box stays
            return
        # one line at 80 columns (78 inside the padding): a second pushed a row off
        hint = Text(
            "enter edits a setting or switches a true/false one · bold = not the default", "dim"
        )
        if self.saved_note is not None:
            hint = Text.assemble((self.saved_note, "bold"), "\n", hint)
        if self.file_problem is not None:
            hint = Text.assemble((self.file_problem, "bold red"), "\n", hint)
        if self.refused is not None:
            hint = Text.assemble((self.refused, "bold red"), "\n", hint)
        self.query_one("#settings-help", Static).update(hint)

    @staticmethod
    def _check_file() -> str | None:
        """What is wrong with config.toml now (edited by hand since the app started?), in
        the words `drillbit config` uses, or None."""
        try:
            file = read_settings_file()
        except SettingsFileError as exc:
            return exc.message
        return file.error().message if file.problems else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """enter edits the highlighted setting, except while one is edited: then it is
        the box's (it saves), and escape cancels the edit rather than going back."""
        if action in ("edit", "back"):
            return self.editing is None
        if action == "cancel_edit":
            return self.editing is not None
        return True

    def action_edit(self) -> None:
        """Open the value of the highlighted setting for editing, once the arrows typed
        before enter have moved the cursor; the keys typed after it go in the box then
        (ctrl+u and a new value typed fast: `quiz.tui.key_gate`)."""
        act_then_read_held_keys(self, self._edit_highlighted)

    def _edit_highlighted(self) -> None:
        if self.editing is not None:
            return
        table = self.query_one(DataTable)
        key = ROWS[table.cursor_row]
        self.refused = None
        if _plan_field(key) is None and isinstance(getattr(self.workspace.settings, key), bool):
            # a true/false setting switches, as a checkbox does: a box to type "false" in
            # asked a newcomer to know the words it takes
            self._save_setting(key, format_value(not getattr(self.workspace.settings, key)))
            return
        self.editing = key
        self.box_refusal = False
        self.saved_note = None
        box = self.query_one(Input)
        field = _plan_field(key)
        box.placeholder = ""
        if field is not None:
            box.value = plan_values(self.workspace).get(field, "")
            if field == "interview":  # shown while the box is empty (no plan yet, ctrl+u)
                box.placeholder = INTERVIEW_FORMAT
        else:
            box.value = format_value(getattr(self.workspace.settings, key))
        box.display = True
        box.focus()
        self.refresh_bindings()
        self.query_one("#settings-help", Static).update(self._editing_help(key))

    @staticmethod
    def _editing_help(key: str, error: str | None = None) -> Text:
        """The line under the box: a refusal first (in full), then what the setting does."""
        text = Text()
        if error is not None:
            text.append(error, style="bold red")
            text.append("\n")
        field = _plan_field(key)
        name, what = (PLAN_ROWS[field].name, _plan_what(field)) if field else (key, describe(key))
        text.append(f"{name}: {what} · enter saves, escape cancels")
        return text

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        key = self.editing
        if key is None:
            return
        field = _plan_field(key)
        if field is not None:
            self._save_plan(field, event.value)
            return
        self._save_setting(key, event.value)

    def _save_setting(self, key: str, typed: str) -> None:
        """Save a setting as typed (or switched); a refusal stays under the box."""
        current = self.workspace.settings
        try:
            value = getattr(with_value(current, key, typed), key)
            refusal = unknown_theme(value, self.app.available_themes) if key == "theme" else None
            if refusal is not None:
                raise SettingsError(refusal)
            saved = save_key(key, value)
        except DrillbitError as exc:
            self.file_problem = self._check_file()
            if self.editing is None:  # switched, no box open: the refusal over the table
                self.refused = exc.message
                self.refresh_rows()
                return
            self._show_box_refusal(key, exc.message)
            return
        # the file as saved: a key edited there by hand since the start is used too
        updated = saved.settings(kept=current)
        self.workspace.apply_settings(updated)
        if key == "theme":
            self.app.theme = updated.theme
        self.file_problem = saved.error().message if saved.problems else None
        self._close_editor(f"{key} = {format_value(getattr(updated, key))} (saved)")

    def _save_plan(self, field: PlanField, typed: str) -> None:
        """Set, change or clear the interview plan as `drillbit plan` does; a refusal (not a
        date, a day not after today, out of range, no plan yet) stays under the box."""
        had_plan = bool(plan_values(self.workspace))
        question = removal_question(self.workspace, field, typed)
        if question is not None:
            self.app.push_screen(ConfirmScreen(question), self._remove_plan)
            return
        try:
            plan = self.workspace.change_plan(field, typed)
        except DrillbitError as exc:
            self._show_box_refusal(field, exc.message)
            return
        self._close_editor(plan_saved_note(plan, had_plan=had_plan))

    def _show_box_refusal(self, key: str, message: str) -> None:
        self.box_refusal = True
        self.query_one("#settings-help", Static).update(self._editing_help(key, message))

    def on_input_changed(self, event: Input.Changed) -> None:
        """The box's first edit after a refusal takes the refusal away: its red line spoke
        of a value no longer in the box ("'2026-13-01' is not a date" over the new date
        being typed)."""
        event.stop()
        if self.box_refusal and self.editing is not None:
            self.box_refusal = False
            self.query_one("#settings-help", Static).update(self._editing_help(self.editing))

    def _remove_plan(self, yes: bool | None) -> None:
        """Remove the plan once the question is answered yes; no keeps it as it was."""
        if yes:
            self.workspace.change_plan("interview", "")
        self._close_editor(PLAN_REMOVED if yes else PLAN_KEPT)

    def _close_editor(self, saved: str | None = None) -> None:
        """Back to the table; `saved` says what was saved, under it."""
        self.editing = None
        self.saved_note = saved
        self.refresh_bindings()
        self.query_one(Input).display = False
        self.query_one(DataTable).focus()
        self.refresh_rows()

    def action_back(self) -> None:
        """Go back (escape while a value is edited is `action_cancel_edit`)."""
        self.app.pop_screen()

    def action_cancel_edit(self) -> None:
        """Close the box, the value as it was."""
        if self.editing is not None:
            self._close_editor()
