"""Home: packs and topics with their counts; keys start sessions, open stats and the palette."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from quiz.home_view import (
    HomeInputs,
    HomeView,
    home_changes_at,
    home_inputs,
    home_view,
    welcome_back,
)
from quiz.plural import counted
from quiz.store import Mode
from quiz.tui.store_watch import StoreWatch
from quiz.tui.study_day import StudyDayWatch
from quiz.tui.widgets.cell import Cell
from quiz.tui.widgets.footer import KeysFooter
from quiz.tui.widgets.home_columns import COLUMNS, fitted_columns
from quiz.tui.widgets.phrases import COUNT_STYLES, break_between, count_line
from quiz.tui.widgets.row_table import RowTable

if TYPE_CHECKING:
    from quiz.study.plan import ForecastDay
    from quiz.workspace import TopicRow, Workspace


AWAY_SECONDS = 12.0
"""How long the welcome-back notice stays: a sentence of two parts, read on arrival."""


def _texts(cells: list[dict[str, Cell]]) -> list[dict[str, str]]:
    """The rows' cells as their text, which the columns' widths are fitted to."""
    return [{key: cell.text for key, cell in row.items()} for row in cells]


class HomeScreen(Screen[None]):
    """The overview. Posts StudyRequested / StatsRequested; the app acts on them."""

    BINDINGS = [
        # d studies today's due and new cards, or today's plan while one runs: the footer
        # names which (check_action keeps one of the two)
        Binding(
            "d,enter", "study('due')", "Due", tooltip="study today's due and new cards in the row"
        ),
        Binding(
            "d,enter", "study_plan", "Plan", tooltip="study today's plan in the highlighted row"
        ),
        # The tooltips are what the help says each key does (the footer shows them on
        # hover); with the description, under 50 cells: the help box's width at 80 columns
        Binding("c", "study('cram')", "Cram", tooltip="every card of the row, schedule untouched"),
        Binding("m", "study('mock')", "Mock", tooltip="a timed mock interview from the row"),
        Binding("a", "study_ahead", "Ahead", tooltip="the plan's next days' new cards, now"),
        # `a` while nothing is offered ahead: says why (it did nothing, silently)
        Binding("a", "ahead_not_now", "Ahead", tooltip="why not now", show=False),
        Binding("s", "stats", "Stats", tooltip="reviews, accuracy, retention and forecast"),
        Binding("b", "open('browser')", "Cards", tooltip="browse and search every card"),
        Binding("l", "open('drills')", "Drills", tooltip="every coding drill and its state"),
        Binding(
            "comma",
            "open('settings')",
            "Settings",
            tooltip="interview plan, daily limits, steps, mock",
        ),
        Binding("q", "app.quit", "Quit", show=False),
    ]
    HELP_FOCUSED_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("↑, ↓", "Move between packs and topics"),
        ("pgup, pgdn", "A screenful up or down"),
        ("home, end", "The first or the last row"),
    )
    """The table's keys in the help, by what they do here (the table's own names read
    "home  Home", "←  Cursor left")."""
    HELP_SCREEN_KEYS: ClassVar[frozenset[str]] = frozenset({"enter"})
    """Keys the table hands to this screen (its RowSelected studies): the help lists the
    screen's meaning of enter, not the table's "Select"."""
    HELP_ALTERNATIVES: ClassVar[tuple[frozenset[str], ...]] = (frozenset({"Due", "Plan"}),)
    """Bindings (by description) that stand in for one another by state: the help lists
    the one check_action keeps, and not the other as "not now"."""

    class StudyRequested(Message):
        """Start a session of this mode over the highlighted pack or topic."""

        def __init__(self, mode: Mode, row: TopicRow | None, *, ahead: bool = False) -> None:
            super().__init__()
            self.mode = mode
            self.row = row
            self.ahead = ahead
            """Study ahead: the plan's next new cards over the whole bank (`a`)."""

    class StatsRequested(Message):
        """Open the stats screen."""

    class ScreenRequested(Message):
        """Open the card browser, the drill list or the settings."""

        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def __init__(
        self, workspace: Workspace, *, at: tuple[str | None, str | None] | None = None
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.rows: list[TopicRow] = []
        self._at = at
        """(pack, topic) of the row the cursor starts on, when one row is that: the
        selection of a `drillbit study` that found nothing to study."""
        self._counted_at_mount = False
        self._told_away = False
        """Whether the break since the last answer was said (the welcome back): once."""
        self._shown: tuple[str, ...] = ()
        """The keys of the columns the table has (a narrow terminal drops some)."""
        self._cells: list[dict[str, Cell]] = []
        """The last rows' cells by column key, shown or not."""
        self._view: HomeView | None = None
        """The last count (`quiz.home_view`): what the rows, the lines and the keys say."""
        self._counted_from: HomeInputs | None = None
        """What the last count read (`home_inputs`): the same at a return, no count."""
        self._stale_by_clock = False
        """The clock made the counts stale while Home was hidden: count at its return."""
        self.day_watch = StudyDayWatch(self, workspace, self._clock_changed, self._change_at)
        """Counts again when the counts change by the clock alone (a learning step falls
        due, the study day's end), though nothing was studied: the one watch on the clock
        the stats, the browser and the summary keep too."""
        self.store_watch = StoreWatch(self, workspace, self._store_changed)
        """Counts again when another drillbit commits (a card rated in another shell)."""

    def compose(self) -> ComposeResult:
        # ◆ is in common monospace fonts; Textual's default ⭘ is missing from most.
        yield Header(icon="◆")
        yield Static(id="home-summary")
        yield RowTable(id="home-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="home-hint")
        yield KeysFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self._add_columns(table)
        table.focus()
        # Counted here when Home is the screen shown: rows added before the first frame are
        # measured before it is drawn, so the table is drawn once; counted at the first
        # resume, it was drawn with the header's column widths and then again (3-6 ms a
        # line for 10,000 cards' rows).
        if self.is_active:
            self.refresh_counts()
            self._counted_at_mount = True
        # a card rated in another shell (another drillbit's commit) shows within seconds
        self.store_watch.start()

    def on_screen_resume(self) -> None:
        # Textual resumes a screen when it is first shown too: the counts are read at mount
        # (see there) or here, and again after every session. Not while hidden under another
        # screen: Home counts when it is back. (`is_active`, not `is_current`: the screen
        # just under the top one is "current" to Textual, as it may show through a
        # transparent one; a session's does not.)
        # Counted again only when something it counts from changed meanwhile (a session's
        # answers, a suspension, the settings, an edited card, the clock): back from the
        # browser or the stats screen with nothing changed, the counts shown hold.
        if self._counted_at_mount:
            self._counted_at_mount = False
        elif self.is_active and self._stale():
            self.refresh_counts()

    def _stale(self) -> bool:
        """Whether the counts shown are out of date: their inputs or the clock moved."""
        ws = self.workspace
        ws.follow_zone()  # the machine's zone changed while Home was hidden: today did
        if self._stale_by_clock or self.day_watch.clock.stale(ws.now(), ws.tz):
            return True
        return not home_inputs(ws).same_as(self._counted_from)

    def _add_columns(self, table: DataTable[object], shown: tuple[str, ...] = ()) -> None:
        """The table's columns (`shown`, else all): first what `d` studies today, then the
        cards by state."""
        self._shown = shown or tuple(key for key, _ in COLUMNS)
        for key, label in COLUMNS:
            if key in self._shown:
                table.add_column(label, key=key)

    def _show_rows(self, table: DataTable[object], cells: list[dict[str, Cell]]) -> None:
        """Add the rows to the cleared table, in the columns that fit the width (a narrow
        terminal drops some, `fitted_columns`)."""
        shown = fitted_columns(self.size.width, _texts(cells))
        if shown != self._shown:
            table.clear(columns=True)
            self._add_columns(table, shown)
        self._cells = cells
        for index, row_cells in enumerate(cells):
            table.add_row(*(row_cells[key] for key in self._shown), key=str(index))

    def refresh_counts(self) -> None:
        """Re-read the counts (after a session they changed)."""
        # before the reads: a commit while they run makes the next check count again
        self.store_watch.mark()
        counted_at = self.workspace.now()  # and the clock: a day begun meanwhile is seen
        self._counted_from = home_inputs(self.workspace)
        self._stale_by_clock = False
        view = home_view(self.workspace)
        self.rows = view.rows
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        if self._at is not None:
            cursor = _row_of(self.rows, *self._at, default=cursor)
            self._at = None
        table.clear()
        cells: list[dict[str, Cell]] = []
        for row, count in zip(self.rows, view.today, strict=True):
            # Cells drawn as one segment each (see Cell): the same look as Text and plain
            # strings, a third of the cost of the table's first frame.
            name = Cell(row.title, "bold") if row.topic is None else Cell("  " + row.title)
            cells.append(
                {
                    "name": name,
                    # thousands separated, as the headline's "1,932 due" above them
                    "today": Cell(f"{count:,}", "bold yellow" if count else "dim"),
                    "new": Cell(f"{row.new:,}", "cyan" if row.new else "dim"),
                    "learning": Cell(f"{row.learning:,}"),
                    "review": Cell(f"{row.review:,}"),
                    "suspended": Cell(f"{row.suspended:,}", "" if row.suspended else "dim"),
                    "total": Cell(f"{row.total:,}"),
                }
            )
        self._show_rows(table, cells)
        if self.rows:
            table.move_cursor(row=min(max(cursor, 0), len(self.rows) - 1))
        self._view = view
        # `a` is offered only while there are cards to study ahead; d is "Plan" under a plan
        self.refresh_bindings()
        self._show_summary()
        self.day_watch.start(at=counted_at)
        if view.plan_runs_today:
            self._check_target(view)
        self._show_hint()
        if not self._told_away:
            self._told_away = True
            away = welcome_back(self.workspace, view.plan)
            if away is not None:
                self.notify(away, title="Welcome back", timeout=AWAY_SECONDS)

    @work(thread=True, exclusive=True, group="plan-forecast", exit_on_error=False)
    def _check_target(self, view: HomeView) -> None:
        """The plan-followed forecast (up to a second with a few hundred cards studied,
        off the screen's thread): the line says when it ends under the target."""
        status = self.workspace.plan_status(with_forecast=True)
        forecast = () if status is None else status.forecast
        self.app.call_from_thread(self._show_target, view, forecast)

    def _show_target(self, view: HomeView, forecast: tuple[ForecastDay, ...]) -> None:
        if self._view is not view:
            return  # counted again meanwhile: that count's forecast says
        self._view = view.with_forecast(forecast)
        if self._view.plan_line(ahead_key="a") != view.plan_line(ahead_key="a"):
            self._show_summary()

    def _change_at(self, now: datetime, tz: tzinfo) -> datetime:
        """The watch's horizon: when the counts next change by the clock alone."""
        return home_changes_at(self.workspace, now, tz)

    def _clock_changed(self) -> None:
        """The counts are stale by the clock: count again while Home is shown (hidden, it
        counts when it is back, `on_screen_resume`)."""
        if self.is_active:
            self.refresh_counts()
        else:
            self._stale_by_clock = True

    def _store_changed(self) -> None:
        """Another drillbit rated a card (the 5-minute timer alone left Home stale)."""
        self.refresh_counts()

    def on_resize(self) -> None:
        # the totals, the plan line and the hint break between their phrases at the width
        # they have
        if self._view is not None:
            self._show_summary()
            self._show_hint()
            table = self.query_one(DataTable)
            if fitted_columns(self.size.width, _texts(self._cells)) != self._shown:
                cursor = table.cursor_row
                table.clear()
                self._show_rows(table, self._cells)  # the same rows, the columns that fit
                table.move_cursor(row=cursor)

    def _show_summary(self) -> None:
        """The totals line, the plan's line (broken between phrases to fit), broken files."""
        view = self._view
        if view is None:
            return
        width = self.size.width - 2  # the summary's padding
        parts = view.headline()
        breakdown = view.counts.total.breakdown()
        summary = count_line(list(zip(parts, COUNT_STYLES, strict=False)), breakdown, width)
        line = view.plan_line(ahead_key="a")
        if line is not None:
            style = "dim" if line.invitation else "bold"
            summary.append(f"\n{break_between(line.phrases, width)}", style=style)
        if view.problems is not None:
            summary.append(f"\n{view.problems}", style="bold red")
        elif view.broken:
            summary.append(
                f"\n{counted(view.broken, 'card file')} could not be loaded: run `drillbit lint`.",
                style="bold red",
            )
        self.query_one("#home-summary", Static).update(summary)

    def _show_hint(self) -> None:
        """The line under the table: what enter/d studies in the highlighted row, its due
        and new cards apart (the `today` column is their sum), or today's plan; then the
        palette's key, on a line of its own when both do not fit (at 60 columns the one line
        was cut after "ctrl+p", and the footer there has no room for the palette's key)."""
        view = self._view
        studies = "today's cards in the highlighted row"
        if view is not None:
            studies = view.studies(self.highlighted())
        text = f"enter/d studies {studies}"
        width = self.size.width - 2  # the hint's padding
        self.query_one("#home-hint", Static).update(
            Text(break_between((text, "^p finds any card"), width), style="dim")
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_hint()

    def highlighted(self) -> TopicRow | None:
        """The pack or topic under the cursor."""
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row < 0:
            return None
        return self.rows[min(table.cursor_row, len(self.rows) - 1)]

    def action_study(self, mode: Mode) -> None:
        """Ask the app for a session over the highlighted row."""
        self.post_message(self.StudyRequested(mode, self.highlighted()))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        planned = self._view is not None and self._view.planned
        if action == "study_ahead":  # shown, and bound, only when the plan offers cards
            return self._view is not None and self._view.can_study_ahead
        if action == "ahead_not_now":
            return self._view is not None and not self._view.can_study_ahead
        if action == "study_plan":
            return planned
        if action == "study" and parameters == ("due",):
            return not planned
        return True

    def help_tooltip(self, action: str) -> str | None:
        """The help's words for `a` while it says why nothing is offered ahead: when it
        offers cards (`HomeView.ahead_help`)."""
        if action == "ahead_not_now" and self._view is not None:
            return self._view.ahead_help().partition(": ")[2]
        return None

    def help_not_now(self, action: str) -> str | None:
        """The help's words for a key of this screen that does nothing now, when "(not
        now)" alone would leave a new user guessing (`a` with no plan set)."""
        if action == "study_ahead" and self._view is not None:
            return self._view.ahead_help()
        return None

    def action_study_plan(self) -> None:
        """d under a plan: the same due-mode session, which studies today's plan."""
        self.action_study("due")

    def action_study_ahead(self) -> None:
        """Ask the app for a session studying ahead (the plan's next new cards)."""
        self.post_message(self.StudyRequested("due", None, ahead=True))

    def action_ahead_not_now(self) -> None:
        """`a` while the plan offers nothing ahead: why, and what to do (`ahead_notice`)."""
        if self._view is not None:
            self.notify(self._view.ahead_notice(), title="Ahead")

    def action_stats(self) -> None:
        """Ask the app for the stats screen."""
        self.post_message(self.StatsRequested())

    def action_open(self, name: str) -> None:
        """Ask the app for the card browser, the drill list or the settings."""
        self.post_message(self.ScreenRequested(name))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_study("due")


def _row_of(rows: list[TopicRow], pack: str | None, topic: str | None, *, default: int) -> int:
    """The index of the one row of this pack and topic (a topic alone: the one pack that
    has it), or `default` when none or several are."""
    if pack is None and topic is None:
        return default
    found = [
        index
        for index, row in enumerate(rows)
        if row.topic == topic and (pack is None or row.pack == pack)
    ]
    return found[0] if len(found) == 1 else default
