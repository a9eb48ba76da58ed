"""Drill list, like `rustlings list`: every coding drill with its state; enter opens one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Label

from quiz.drill_list import DrillRow
from quiz.drills_view import DrillsView, drills_view
from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.widgets.cell import clipped
from quiz.tui.widgets.fitted_table import FittedTable
from quiz.tui.widgets.footer import KeysFooter
from quiz.tui.widgets.typed_keys import after_typed_keys
from quiz.wrapping import fold_line

if TYPE_CHECKING:
    from quiz.workspace import Workspace

_STYLE = {
    "passed": "green",
    "passed with hints": "yellow",
    "failed": "red",
    "draft": "",
    "not started": "dim",
    "suspended": "dim",
}


TOPIC_WIDTH = 14
"""The topic column's narrowest cut under WIDE columns (a longer topic ends in "…"): it
is cut only as far as the titles need, never below this."""
TOPIC_WIDTH_WIDE = 30
"""The same from WIDE columns on, where the drill column has room to spare."""
WIDE = 110
CHROME = 2 + 2
"""The drill column's padding (a cell either side) and the table's scroll bar."""


def column_widths(
    rows: Sequence[DrillRow], terminal_width: int, states: Sequence[str] = ()
) -> dict[str, int]:
    """Each column's width, padding left out: the state and tries columns as wide as their
    widest cell or label, the topic column whole while every title is still whole beside
    it on its TITLE_LINES lines (cut to the widest that leaves them so, never below
    TOPIC_WIDTH, or TOPIC_WIDTH_WIDE from WIDE columns on), the drill column what they
    leave (a cell of padding either side of each, and CHROME).

    Topics were cut at 14 cells whatever the room: a bank whose topics share a prefix
    ("gradient-checking", "gradient-descent") showed the same "gradient-chec…" on every
    row beside titles half as wide as their column. Until the forty-fourth round the
    topic was whole only while every title fitted on one line: at 80 columns the bundled
    "gradient-checking" was cut three cells short, though every title folds whole onto
    its two lines with it.

    The state column is as wide as the states shown: 11 cells while every drill is "not
    started", 17 once one is "passed with hints". Kept at 17, it cut the titles 6 cells
    short at 80 columns.

    `states` are the state cells shown when they differ from the rows' (a suspended drill:
    `DrillsView.state`).

    There is no "best time" column: a grading's time is mostly the sandbox's start-up and
    the machine's load, not the code's speed (`drillbit drills` shows none either).
    """
    cap = TOPIC_WIDTH if terminal_width < WIDE else TOPIC_WIDTH_WIDE
    others = {
        "state": max([len("state"), *map(cell_len, states or [row.state for row in rows])]),
        "tries": max([len("tries"), *(len(str(row.attempts)) for row in rows)]),
    }
    longest = max([len("topic"), *(cell_len(row.topic) for row in rows)])
    room = terminal_width - CHROME - sum(width + 2 for width in others.values()) - 2
    topic = longest
    while topic > max(len("topic"), cap) and not titles_whole(rows, room - topic):
        topic -= 1
    others["topic"] = topic
    drill = max(20, terminal_width - CHROME - sum(width + 2 for width in others.values()))
    return {"drill": drill, **others}


def titles_whole(rows: Sequence[DrillRow], width: int) -> bool:
    """Whether every title is whole in a drill column `width` cells wide: on at most
    TITLE_LINES lines, no word wider than the column."""
    for row in rows:
        lines = fold_line(row.title, max(width, 1))
        if len(lines) > TITLE_LINES or any(cell_len(line) > width for line in lines):
            return False
    return True


TITLE_LINES = 2
"""The most lines a drill's title takes in its row (past them it ends in "…")."""


def title_lines(title: str, width: int) -> list[str]:
    """`title` folded at spaces to the drill column's `width`, on at most TITLE_LINES lines
    (the last one cut with "…" when drawn, as a word wider than the column is).

    Cut on one line at 80 columns, "Forward and backward pass of a two-laye…", "A
    one-hidden-layer ReLU network that ap…" lost the words that tell drills apart."""
    lines = fold_line(title, max(width, 1))
    if len(lines) <= TITLE_LINES:
        return lines
    return [*lines[: TITLE_LINES - 1], " ".join(lines[TITLE_LINES - 1 :])]


class DrillsScreen(Screen[None]):
    """Posts BrowserScreen.CardOpened for the drill to open (the app opens its editor)."""

    BINDINGS = [
        Binding("enter", "open", "Open", tooltip="the drill in the editor", priority=True),
        Binding("n", "next", "Next not passed", tooltip="open the first one not suspended"),
        Binding("escape", "app.pop_screen", "Back", tooltip="to Home"),
    ]
    HELP_FOCUSED_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("↑, ↓", "Move between drills"),
        ("pgup, pgdn", "A screenful up or down"),
        ("home, end", "The first or the last drill"),
    )
    """The table's keys in the help, by what they do here (the table's own names read
    "home  Home", "←  Cursor left")."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.view = DrillsView(())
        self._title_width = 0
        """The drill column's width the rows were last added for (their heights fit it)."""

    @property
    def rows(self) -> tuple[DrillRow, ...]:
        """The drills shown, one a table row, as the view last read them."""
        return self.view.rows

    def compose(self) -> ComposeResult:
        yield Label("", id="drills-title")
        yield FittedTable(id="drills-table", cursor_type="row", zebra_stripes=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key, width in self._widths().items():
            table.add_column(key, key=key, width=width)
        self.query_one(DataTable).focus()

    def _widths(self) -> dict[str, int]:
        states = [self.view.state(row) for row in self.rows]
        return column_widths(self.rows, self.app.size.width, states)

    def _fit(self) -> None:
        """Each column as `column_widths` says for the rows and the terminal's width, and
        the rows again when the titles' column changed (a title's lines change with it)."""
        table = self.query_one(FittedTable)
        widths = self._widths()
        for key, width in widths.items():
            table.set_column_width(key, width)
        if widths["drill"] != self._title_width:
            self._fill(widths["drill"])

    def _fill(self, title_width: int) -> None:
        """The rows, each as tall as its title's lines at `title_width`, the cursor kept."""
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear()
        for row in self.rows:
            lines = title_lines(row.title, title_width)
            table.add_row(
                clipped("\n".join(lines)),
                Text(self.view.state(row), style=_STYLE[self.view.state(row)]),
                str(row.attempts),
                clipped(row.topic),
                height=len(lines),
            )
        self._title_width = title_width
        if self.rows:
            table.move_cursor(row=min(max(cursor, 0), len(self.rows) - 1))

    def on_resize(self) -> None:
        """Refit the columns to the terminal's new width (a no-op if it is unchanged).

        Textual also sends this when the screen comes back after a resize while it was
        hidden under others.
        """
        self._fit()

    def on_screen_resume(self) -> None:
        self.view = drills_view(self.workspace)
        self._title_width = 0  # the rows again, with their states now
        self._fit()
        title = f" {self.view.heading} "
        self.query_one("#drills-title", Label).update(Text(title, style="reverse bold"))

    def action_open(self) -> None:
        """Open the highlighted drill, once the arrows typed before enter have moved the
        cursor."""
        after_typed_keys(self, self._open_highlighted)

    def _open_highlighted(self) -> None:
        table = self.query_one(DataTable)
        if self.rows and table.cursor_row >= 0:
            self.post_message(BrowserScreen.CardOpened(self.rows[table.cursor_row].id))

    def action_next(self) -> None:
        """Open the first drill not passed yet and not suspended."""
        following = self.view.next_unsolved()
        if following is None:
            self.notify(self.view.none_left)
            return
        self.post_message(BrowserScreen.CardOpened(following.id))
