"""Card browser: every card with its state; type to search, keys to open, suspend, bury.

Rows, filters and ranking come from `quiz.browser`; the screen renders and forwards.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import work
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Input, Label, Static
from textual.worker import Worker, WorkerState

from quiz.bank.problems import ContentError
from quiz.browser import (
    CardRow,
    browse,
    search_words,
    sort_name,
    with_card_reloaded,
)
from quiz.browser_view import (
    STAR_LEGEND,
    due_legend,
    due_now,
    puts_back,
    read_bounds,
    read_due_labels,
    read_plan_due,
    read_rows,
    reset_card,
    toggle_row_aside,
)
from quiz.card_query import QueryError
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.study_day import StudyDayWatch
from quiz.tui.widgets.cell import Cell, ClippedCell
from quiz.tui.widgets.fitted_table import FittedTable
from quiz.tui.widgets.footer import KeysFooter
from quiz.tui.widgets.in_order import InOrderInput
from quiz.tui.widgets.typed_keys import after_typed_keys

if TYPE_CHECKING:
    from quiz.browser_plan import PlanDue
    from quiz.workspace import Workspace

_STATE_STYLE = {"new": "cyan", "learning": "yellow", "review": "green", "suspended": "dim"}
SORTS = ("content", "due", "difficulty", "lapses")
ASIDE_KEYS = {
    "suspend": (True, False),
    "unsuspend": (True, True),
    "bury": (False, False),
    "unbury": (False, True),
}
"""ctrl+s's and ctrl+b's actions: (suspend, whether it puts the card back into study)."""

CARD_ACTIONS = frozenset(
    {"open", "suspend", "unsuspend", "bury", "unbury", "sort", "edit_file", "reset", "cursor"}
)
"""The actions on the highlighted card (or the rows): nothing to act on with no row shown."""


PAGE_ROWS = 200
"""Rows put in the table at a time: a screenful and more, whatever the terminal. The next
page goes in when the cursor or the scroll comes within a screenful of the last row in."""

SEARCH_PAUSE = 0.15
"""Seconds without a key before a search runs, once a search ran less than that ago: a key
after a pause searches at once, and a run of keys typed faster searches once, for the text
after its last key (each search of a heavy user's 10,000 cards held the UI for 70-240 ms,
and every key typed meanwhile waited, then searched again)."""

DIFFICULTY = "difficulty"
"""The column shown while the rows are sorted by difficulty (fsrs's, 1 easy to 10 hard)."""

SHORT_LABELS = {DIFFICULTY: "diff"}
"""Labels that give way to the titles when these are cut: "difficulty" over cells of three
("5.3") took seven cells from the card column at 80 columns (the title says the sort)."""


TITLE_MIN = 20
"""The card column's narrowest, however wide the others are."""
CHROME = 2 + 2
"""What the table keeps besides its other columns: the vertical scroll bar (2 cells, kept
when the rows fit, so filtering does not shift the columns) and the card column's padding."""


SEARCH_HINT = "words in the cards' text, and Anki's is:due tag:T deck:P prop:lapses>3"
"""The empty search box's words: the full-text search, and that Anki's terms work too."""


def title_width(terminal_width: int, others: int) -> int:
    """The card column's width: what the other columns leave (`others` is their width with
    their padding), at least TITLE_MIN."""
    return max(TITLE_MIN, terminal_width - CHROME - others)


def widest_cells(columns: int, rows: Sequence[Sequence[str]]) -> list[int]:
    """Each column's widest cell (0 for no rows): read once per search or sort, and a
    label's width set against it as DataTable would fit the column (`column_layout`).
    Each column's distinct texts are measured once: a heavy user's 10,000 rows have a few
    kinds, states and lapse counts."""
    found = [set(column) for column in zip(*rows, strict=True)] or [set()] * columns
    return [max(map(cell_len, texts), default=0) for texts in found]


def widest_title(shown: Sequence[CardRow], header: Sequence[str]) -> int:
    """The widest title of `shown`, in cells, when `column_layout` can use it: only a
    label with a shorter form (SHORT_LABELS) is set against it. Measuring a heavy user's
    10,000 titles for nothing was 5 ms of the browser's first frame."""
    if not any(label in SHORT_LABELS for label in header):
        return 0
    return max((cell_len(row.card.title) for row in shown), default=0)


def column_layout(
    terminal_width: int, widest_title: int, header: Sequence[str], cells: Sequence[int]
) -> dict[str, tuple[str, int]]:
    """Each column's label and width by its key (its full label), the card column's first:
    the others as wide as their widest cell (`cells`) or label, their labels shortened
    (SHORT_LABELS) when the card column would otherwise be narrower than the widest title,
    and the card column what they leave."""

    def fitted(labels: Sequence[str]) -> list[int]:
        return [max(cell_len(label), widest) for label, widest in zip(labels, cells, strict=True)]

    labels = list(header)
    widths = fitted(labels)
    if title_width(terminal_width, sum(width + 2 for width in widths)) < widest_title:
        labels = [SHORT_LABELS.get(label, label) for label in header]
        widths = fitted(labels)
    card = title_width(terminal_width, sum(width + 2 for width in widths))
    return {
        "card": ("card", card),
        **{key: (label, width) for key, label, width in zip(header, labels, widths, strict=True)},
    }


def difficulty_text(row: CardRow) -> str:
    """fsrs's difficulty to one decimal, or a dash for a card never reviewed (new)."""
    return "–" if row.difficulty is None else f"{row.difficulty:.1f}"


class BrowserScreen(Screen[None]):
    """Posts CardOpened for enter; suspends, unsuspends and buries through the store."""

    BINDINGS = [
        Binding("enter", "open", "Open", tooltip="the highlighted card", priority=True),
        # One word a key, the one that says what it does to the highlighted card: with
        # "Suspend/unsuspend" and "Bury/unbury" the footer had no room for Help at 80
        # columns, and "Suspend" alone over a suspended card read as doing nothing more.
        Binding("ctrl+s", "suspend", "Suspend", tooltip="set the card aside", priority=True),
        Binding(
            "ctrl+s", "unsuspend", "Unsuspend", tooltip="bring it back into study", priority=True
        ),
        Binding("ctrl+b", "bury", "Bury", tooltip="hide it until tomorrow", priority=True),
        Binding("ctrl+b", "unbury", "Unbury", tooltip="bring it back today", priority=True),
        Binding(
            "ctrl+o", "sort", "Sort", tooltip="content, due, difficulty, lapses", priority=True
        ),
        Binding("ctrl+e", "edit_file", "$EDITOR", tooltip="open the card's file", priority=True),
        Binding("ctrl+r", "reset", "Reset", tooltip="make the card new again", priority=True),
        Binding("down", "cursor(1)", "Next card", show=False, priority=True),
        Binding("up", "cursor(-1)", "Previous card", show=False, priority=True),
        Binding("escape", "app.pop_screen", "Back", tooltip="to Home"),
        # ? is typed into the search box (a card's text has question marks): f1 is the
        # help's key here, in the footer as on the drill screen.
        Binding("f1", "app.help", "Help"),
    ]

    HELP_ALTERNATIVES: ClassVar[tuple[frozenset[str], ...]] = (
        frozenset({"Suspend", "Unsuspend"}),
        frozenset({"Bury", "Unbury"}),
    )
    """ctrl+s and ctrl+b say what they do to the highlighted card: listed as the one now."""
    HELP_TITLE: ClassVar[str] = "Cards"
    """The help's title: Home's `b Cards` and this screen's own title name it so."""
    HELP_FOCUSED_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("←, →", "Move in the search text"),
        ("home, end", "Its start or its end"),
        ("^w, ^u", "Delete a word, or all before the cursor"),
    )
    """The search box's keys in the help, in a few rows: its own were 23 rows of text
    editing, one ("Move cursor right or accept the completion suggestion") wider than
    the help's box."""
    HELP_FOCUSED_KEYS_WEB: ClassVar[tuple[tuple[str, str], ...]] = (
        *HELP_FOCUSED_KEYS[:2],
        ("^u", "Delete all before the cursor"),
    )
    """The same in a browser tab (`drillbit serve`): ^w, the search box's "delete a word",
    is the browser's "close the tab", which the page never sees."""

    class CardOpened(Message):
        """Open this card (a drill in its editor, others as a one-card cram)."""

        def __init__(self, card_id: str) -> None:
            super().__init__()
            self.card_id = card_id

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.sort = "content"
        self.shown: list[CardRow] = []
        self._header: tuple[list[str], list[int]] = ([], [])
        """The shown columns' keys (besides the card's) and their widest cells: a resize
        fits the columns again without reading every row."""
        self._widest_title = 0
        """The widest title of the shown rows, in cells."""
        self._rows: list[CardRow] | None = None
        """Every card with its state, as last read from the store (the first page's
        alone while `_first_page` is True)."""
        self._first_page = False
        """`_rows` holds only the first PAGE_ROWS cards, drawn before every card's state
        was read (`_fill`): anything that needs the other rows reads them all first."""
        self._bounds: dict[str, int] = {}
        """The first page's columns' widths by key, fit to every card (`widest_bounds`)."""
        self._plan: PlanDue | None = None
        """When the running plan asks each card, as last read (`due_now`'s bold cells)."""
        self._texts: list[tuple[str, ...]] = []
        """The plain cells of every shown row, by row (the table holds a prefix of them)."""
        self._indexing: Worker[None] | None = None
        """The thread building the search index, while it runs."""
        self._cells: dict[str, tuple[str, str, str, str, str]] = {}
        """Each card's plain cells (kind, state, due, difficulty, lapses) as last read."""
        self._search_timer: Timer | None = None
        """The search waiting for typing to pause (`SEARCH_PAUSE`), while it waits."""
        self._searched_at = -SEARCH_PAUSE
        """When the last search a key asked for ended (time.monotonic)."""
        self._refilling = False
        """`refresh_rows` is between clearing the table and filling it: the scroll's watcher
        (the clear scrolls to the top) must not add rows of the old sort meanwhile."""
        self.day_watch = StudyDayWatch(self, workspace, self.refresh_rows)
        """A new study day reads the states again: today's due times show as times alone,
        yesterday's as dates, and the cards that fell due meanwhile are marked "*"."""

    def compose(self) -> ComposeResult:
        yield Label(Text(" Cards ", style="reverse bold"), id="browser-title")
        # Anki's terms named where they are typed: an Anki user tries them first (70 cells,
        # the box's width at 80 columns)
        yield InOrderInput(placeholder=SEARCH_HINT, id="search")
        yield FittedTable(id="browser-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="browser-empty")
        yield Static("", id="browser-legend")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.watch(self.query_one(FittedTable), "scroll_y", self._rows_to_see, init=False)

    def _columns(self, table: FittedTable[object]) -> None:
        """The table's columns for the current sort and terminal width (`column_layout`;
        sorted by difficulty, that column is shown), added anew only when their keys change."""
        layout = column_layout(self.app.size.width, self._widest_title, *self._header)
        if [column.key.value for column in table.ordered_columns] != list(layout):
            table.clear(columns=True)
            for key, (label, width) in layout.items():
                table.add_column(label, key=key, width=width)
        for key, (label, width) in layout.items():
            table.set_column_label(key, label)
            table.set_column_width(key, width)

    def on_resize(self) -> None:
        """Refit the columns to the terminal's new width (a no-op if it is unchanged).

        Textual also sends this when the screen comes back after a resize while it was
        hidden under others.
        """
        if self._header[0]:  # the columns are known once the rows are read
            self._columns(self.query_one(FittedTable))

    def on_screen_resume(self) -> None:
        """Read the states again when the screen is shown (first, and after a card opened
        from it was studied): on_mount leaves it to this, which follows it at once. Then
        look for card files edited on disk meanwhile, off the screen's thread."""
        self.refresh_rows()
        self._check_files()

    @work(thread=True, exclusive=True, group="browser-files", exit_on_error=False)
    def _check_files(self) -> None:
        """List the cards again when a card file was edited, added or removed on disk since
        the content was read (`LazyBank.refresh`): a title fixed in another editor, or with
        another drillbit's ctrl+e, was listed as it was until the app restarted. The walk (about 40 ms
        of CPU for 10,000 cards) runs after the first frame, not before it."""
        if self.workspace.content.refresh():
            self.app.call_from_thread(self.refresh_rows)

    def _build_index(self) -> None:
        """Start building the search index in a thread unless it is built or being built.

        Built at the first search key on the UI thread, it froze a heavy user's browser for
        about a second. It starts once the rows are all in (the thread would slow their
        fill: the GIL), or at the first key if that comes first; the search waits for it.
        """
        if self.workspace.search.built() is not None or self._indexing is not None:
            return
        self._indexing = self.run_worker(self._index_in_thread, thread=True)

    def _index_in_thread(self) -> None:
        self.workspace.search.index()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Once the index is built, search with the box's text as it is then: every key
        typed meanwhile is in it."""
        if event.worker is not self._indexing or event.state != WorkerState.SUCCESS:
            return
        self._indexing = None
        if self.query_one(Input).value.strip():
            self.refresh_rows(reread=False, to_top=True)

    def refresh_rows(
        self, *, reread: bool = True, to_top: bool = False, follow: str | None = None
    ) -> None:
        """Apply the search and sort to the rows, read again from the store unless
        `reread` is False (a keystroke in the search box or a new sort changes neither the
        cards nor their states; reading 10,000 states at every key was most of its time).

        The cursor stays on its row (a card set aside or reset is still there), goes to
        the first row with `to_top` (a new search: its best match), or stays on the card
        `follow` if it lands on the first page or in the rows the table keeps (a new sort:
        Anki keeps the card; further down every row above it would go in, seconds on a
        heavy user's bank, so it goes to the top there). A search waiting for a pause in
        typing is done by this one.

        Only the first PAGE_ROWS rows go in the table, and the next page when the person
        comes near the last one (`_rows_to_see`): DataTable measures and redraws as rows
        are added, and a heavy user's one-letter search (6,811 rows) filled in batches
        held the UI for 0.7-2.5 s, the keys typed meanwhile waiting.
        """
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        ws = self.workspace
        now = ws.now()
        query = self.query_one(Input).value
        if reread or self._rows is None or self._first_page:
            refs = ws.content.refs
            # the first frame: the page a person sees, every card's states once it is drawn
            first = self._rows is None and self.sort == "content" and not query.strip()
            self._first_page = first and len(refs) > PAGE_ROWS
            read = refs[:PAGE_ROWS] if self._first_page else refs
            self._rows = read_rows(ws, read, now, page=self._first_page)  # no model
            self._bounds = read_bounds(ws, refs, now) if self._first_page else {}
            self._cells = {
                row.card.id: (row.card.kind, row.state, due, difficulty_text(row), str(row.lapses))
                for row, due in zip(self._rows, read_due_labels(ws, self._rows, now), strict=True)
            }
            # from the clock read before the reads, as Home: a study day that began while
            # they ran is seen at once (started at mount, or read after them, it waited a day)
            self.day_watch.start(at=now)
        rows = self._rows
        # filters alone (`is:due`) need no index: a heavy user's waited a second for it
        words = search_words(query)
        index = ws.search.built() if words else None
        if words and index is None:
            # the index is being built: the rows stay, and the search follows when it is
            self._build_index()
            self.query_one("#browser-title", Label).update(
                Text(f" Cards: searching… (indexing {len(rows):,} cards) ", style="reverse bold")
            )
            return
        plan = self._plan = read_plan_due(ws, now)  # the due sort and is:due as the cells say
        try:
            shown = browse(rows, index=index, search=query, sort=self.sort, plan=plan)
            refused = None
        except QueryError as exc:  # an Anki term drillbit has not: said, not "no match"
            shown, refused = [], str(exc)
        by_difficulty = self.sort == "difficulty"
        header = ["kind", "state", "due", *([DIFFICULTY] if by_difficulty else []), "lapses"]
        # plain strings for every row (the widths); the styled cells only for the rows
        # put in the table, a page at a time
        pick = itemgetter(*((0, 1, 2, 3, 4) if by_difficulty else (0, 1, 2, 4)))
        cells = self._cells
        texts: list[tuple[str, ...]] = [pick(cells[row.card.id]) for row in shown]
        table = self.query_one(FittedTable)
        kept = not reread and self._begins_with_the_table(shown, texts)
        cursor = 0 if to_top else max(table.cursor_row, 0)
        if follow is not None:  # in the rows the table keeps, or on the first page
            page = (row.card.id for row in shown[: max(PAGE_ROWS, table.row_count * kept)])
            cursor = next((n for n, card_id in enumerate(page) if card_id == follow), 0)
        cursor = min(cursor, len(shown) - 1)
        self._refilling = True
        try:
            if not kept:
                table.clear()
            self.shown = shown
            widest = widest_cells(len(header), texts)
            bounds = [self._bounds.get(key, 0) for key in header]
            self._header = (header, [max(pair) for pair in zip(widest, bounds, strict=True)])
            self._widest_title = widest_title(shown, header)
            self._columns(table)
            self._texts = texts
            self._add_rows(max(PAGE_ROWS, cursor + 1))
        finally:
            self._refilling = False
        if cursor >= 0:
            table.move_cursor(row=cursor)
        # every card's rows once the first page is drawn; the index's thread once they
        # are in (it would slow the drawing: the GIL)
        self.call_after_refresh(self._fill if self._first_page else self._build_index)
        sort = sort_name(self.sort, query, planned=plan is not None)
        # the star explained only where a row has one: "147 of 147 · * due today" on a fresh
        # home read as every card due
        starred = any(cells[row.card.id][2][:1] == "*" for row in self.shown)
        due = f" · {STAR_LEGEND}" if starred else ""
        total = len(ws.content.refs) if self._first_page else len(rows)
        listed = total if self._first_page else len(self.shown)  # the page: nothing filtered
        title = f" Cards: {listed:,} of {total:,} · sort by {sort}{due} "
        self.query_one("#browser-title", Label).update(Text(title, style="reverse bold"))
        # under a plan, what "last days" means, where a shown row says it
        legend = due_legend(cells[row.card.id][2] for row in self.shown)
        legend_line = self.query_one("#browser-legend", Static)
        legend_line.update(legend)
        legend_line.display = bool(legend)
        self._say_when_empty(query, total, refused)

    def _fill(self) -> None:
        """Every card's row after the first page's frame: the table keeps the rows it has
        when they are still the first (`_begins_with_the_table`), and adds the next page
        if the cursor came near the page's end meanwhile. Reading and labelling a heavy
        user's 10,000 cards before the first frame was most of the wait for it."""
        if self._first_page:
            self.refresh_rows(reread=False)
            self._rows_to_see()

    def _say_when_empty(self, query: str, cards: int, refused: str | None = None) -> None:
        """No row to show: a line says why in place of the empty table, and the keys that
        act on a card leave the footer (an empty table under Open, Suspend... read as
        broken, and the keys did nothing)."""
        empty = self.query_one("#browser-empty", Static)
        empty.display = self.nothing_shown
        self.query_one(FittedTable).display = not self.nothing_shown
        if self.nothing_shown and refused is not None:
            empty.update(Text(f"{refused} (^u clears the box)."))
        elif self.nothing_shown:
            why = f"No card matches '{query.strip()}'." if query.strip() else "No cards yet."
            more = " Fewer or other words find more (^u clears the box)." if cards else ""
            empty.update(Text(why + more))  # the search text is no markup ("[/b]")
        self.refresh_bindings()

    def _begins_with_the_table(self, shown: list[CardRow], texts: list[tuple[str, ...]]) -> bool:
        """Whether the rows in the table are the first rows of `shown`, cell for cell: a
        key that leaves them as they are ("gradien" to "gradient", the same 97 cards)
        keeps them, and the table adds only what it lacks. Refilling the page was most of
        a key's time once the search itself was quick (DataTable measures each new row)."""
        upto = self.query_one(FittedTable).row_count
        return (
            len(shown) >= upto
            and texts[:upto] == self._texts[:upto]
            and all(a.card.id == b.card.id for a, b in zip(shown[:upto], self.shown, strict=False))
        )

    def _add_rows(self, upto: int) -> None:
        """Put the shown rows up to row `upto` (exclusive) in the table, those not yet in."""
        table = self.query_one(FittedTable)
        start, end = table.row_count, min(len(self._texts), upto)
        by_difficulty = self.sort == "difficulty"  # a new sort begins a new refresh
        for row, (kind, state, due, *more) in zip(
            self.shown[start:end], self._texts[start:end], strict=True
        ):
            # `Cell`s: drawn as one segment when they fit, where a `Text` is wrapped,
            # justified and cropped (the first frame's 38 rows)
            cells: list[object] = [
                ClippedCell(row.card.title),
                Cell(kind),
                Cell(state, _STATE_STYLE.get(state, "")),
                Cell(due, "bold yellow" if due_now(row, self._plan) else ""),
            ]
            if by_difficulty:
                style = "dim" if row.difficulty is None else ""
                cells.append(Text(more[0], style=style, justify="right"))
            cells.append(Cell(more[-1]))
            table.add_row(*cells)

    def _rows_to_see(self) -> None:
        """Add the next page when the cursor or the scroll is within a screenful of the
        table's last row, so moving or scrolling on never meets the end early."""
        if self._refilling:
            return  # the table is being refilled for a new sort or search
        table = self.query_one(FittedTable)
        screenful = max(table.size.height, 1)
        seen = max(table.cursor_row, round(table.scroll_y) + screenful)
        if seen + screenful >= table.row_count < len(self._texts):
            self._add_rows(table.row_count + PAGE_ROWS)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._rows_to_see()
        self.refresh_bindings()  # Suspend or Unsuspend, Bury or Unbury: this row's

    def on_input_changed(self, event: Input.Changed) -> None:
        """Search at once after a pause in typing; within a run of keys, once it pauses."""
        event.stop()
        if self._search_timer is None and time.monotonic() - self._searched_at >= SEARCH_PAUSE:
            self._search_now()
            return
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_PAUSE, self._search_now)

    def _search_now(self) -> None:
        self.refresh_rows(reread=False, to_top=True)
        self._searched_at = time.monotonic()  # its end: the keys typed meanwhile wait

    @property
    def search_pending(self) -> bool:
        """Whether the rows wait for typing to pause (they are for an earlier text)."""
        return self._search_timer is not None

    @property
    def nothing_shown(self) -> bool:
        """Whether the rows are read and none is shown. Not before the first read (the
        first frame's footer has the keys the rows will have), nor while a search waits
        for a pause in typing (it may find rows, and a key on a row runs it first)."""
        return self._rows is not None and not self.shown and not self.search_pending

    def _rows_for_the_box(self) -> None:
        """Search now if a search waits for a pause: a key that acts on a row (open,
        suspend, move) acts on the rows of the text in the box."""
        if self._search_timer is not None:
            self._search_now()

    def highlighted(self) -> CardRow | None:
        """The row under the cursor (of the rows for the text in the box); None also while
        the screen has no table (taken down, its footer may still ask `check_action`)."""
        self._rows_for_the_box()
        table = next(self.query(DataTable).results(), None)
        if not self.shown or table is None or table.cursor_row < 0:
            return None
        return self.shown[min(table.cursor_row, len(self.shown) - 1)]

    def action_cursor(self, step: int) -> None:
        """Move the table's cursor while the search box keeps the focus."""
        self._rows_for_the_box()
        table = self.query_one(DataTable)
        if step > 0:
            table.action_cursor_down()
        else:
            table.action_cursor_up()

    def action_open(self) -> None:
        """Open the highlighted card, once the letters and arrows typed before enter are in
        the box and the cursor."""
        after_typed_keys(self, self._open_highlighted)

    def _open_highlighted(self) -> None:
        row = self.highlighted()
        if row is not None:
            self.post_message(self.CardOpened(row.card.id))

    def action_suspend(self) -> None:
        """Suspend the highlighted card, or put a suspended one back into study."""
        self._toggle_aside(suspend=True)

    def action_bury(self) -> None:
        """Bury the highlighted card until tomorrow, or put a buried one back into study."""
        self._toggle_aside(suspend=False)

    def action_unsuspend(self) -> None:
        """Put the highlighted suspended card back into study (ctrl+s over it)."""
        self._toggle_aside(suspend=True)

    def action_unbury(self) -> None:
        """Put the highlighted buried card back into study (ctrl+b over it)."""
        self._toggle_aside(suspend=False)

    def _toggle_aside(self, *, suspend: bool) -> None:
        """Set the highlighted card aside, or put it back as its row shows it set aside."""
        row = self.highlighted()
        if row is None:
            return
        self.notify(toggle_row_aside(self.workspace, row, suspend=suspend))
        self.refresh_rows()

    def action_reset(self) -> None:
        """Forget the highlighted card's schedule (after a confirmation): it is new again."""
        row = self.highlighted()
        if row is None:
            return
        card = row.card

        def reset(yes: bool | None) -> None:
            if yes:
                self.notify(reset_card(self.workspace, card))
                self.refresh_rows()

        self.app.push_screen(
            ConfirmScreen(f"Reset '{card.title}' to new? Its schedule is forgotten."), reset
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The keys that act on a card are not offered with no card shown (a search that
        matches none). In a browser tab $EDITOR would start on the server, where nobody
        sees it (and the app would wait for it): its key is not offered there. Reset waits
        for a card with a schedule or a flag to forget: on a new one (every card of a first
        week) it asked "Its schedule is forgotten." and said "New again"."""
        if action in CARD_ACTIONS and self.nothing_shown:
            return False
        if action == "reset":
            row = self.highlighted()
            return row is not None and row.state != "new"
        if action in ASIDE_KEYS:
            suspend, back = ASIDE_KEYS[action]
            return puts_back(self.highlighted(), suspend=suspend) is back
        if action == "edit_file":
            return not self.app.is_web
        return True

    def action_edit_file(self) -> None:
        """Open the card's file in $VISUAL/$EDITOR; the card is read again afterwards."""
        row = self.highlighted()
        if row is None or self.app.is_web:
            return
        ws = self.workspace
        card = ws.card(row.card.id)
        if card is None:
            self.notify(f"{row.card.id} is no longer in the bank.", severity="error")
            return
        command = ws.drafts.editor_command(card.path)
        try:
            try:
                with self.app.suspend():
                    subprocess.call(command)
            except SuspendNotSupported:  # headless (tests) or web
                subprocess.call(command, stdin=subprocess.DEVNULL)
        except OSError as exc:
            self.notify(ws.drafts.editor_not_run(command, exc), severity="error", markup=False)
            return
        try:
            reloaded = with_card_reloaded(ws.bank, card)
        except (ContentError, OSError, UnicodeDecodeError) as exc:
            first = exc.problems[0].format() if isinstance(exc, ContentError) else str(exc)
            self.notify(f"The card was not reloaded: {first}", severity="error", timeout=15)
            return
        # the files' walk tells what changed (edits elsewhere are then seen later too); the
        # one card read again only where no walk can tell (the card cache off)
        if not ws.content.refresh() and not ws.content.index.seen:
            ws.replace_bank(reloaded)
        self.notify(f"Reloaded {row.card.id}.")
        self.refresh_rows()

    def action_sort(self) -> None:
        """Cycle the sort: content, due, difficulty, lapses."""
        row = self.highlighted()
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.refresh_rows(reread=False, follow=None if row is None else row.card.id)
