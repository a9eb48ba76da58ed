"""The end of every session: how many, how fast, how well, what is weak, what is next."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from quiz.overview import describe_due
from quiz.percent import whole_percent
from quiz.plural import counted
from quiz.study import rating_name
from quiz.tui.study_day import StudyDayWatch
from quiz.tui.widgets.cell import clipped
from quiz.tui.widgets.clock import format_clock
from quiz.tui.widgets.fitted_table import FittedTable
from quiz.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from rich.console import RenderableType

    from quiz.study import Summary
    from quiz.study.summary import SetAsideCard
    from quiz.workspace import Workspace


CHROME = 16
"""Cells of a row that no column's text gets: the body's padding (2 a side), two scroll
bars (2 each: a long session's table scrolls, and so does the body around it) and a cell
of padding either side of each of the four columns."""
NUMBERS_CHROME = 6
"""The body's padding (2 a side) and its scroll bar (2), around the figures."""
NEXT_CARD = "Next card due"
"""The label of when fsrs next asks a card (no plan running). "Next due  now" named
neither what was due nor what to do about it."""
DUE_NOW = "now: d on Home studies it"
"""The value beside NEXT_CARD when a card is due already: the way on, in Home's key."""
UNSCHEDULED = "none: a {mode} keeps new cards new; d on Home starts them"
"""The value beside NEXT_CARD after a cram or a mock of cards none of which is scheduled:
"nothing scheduled" read as nothing left to study, over a bank of new cards."""
LABEL = "Weakest topics  "
"""The figures' labels are this wide; a value wraps under the value, not the label."""
CARD_MIN = 34
"""The card column's width that a long topic name does not take from it: the topic wraps
instead (see `topic_lines`)."""
COLUMN_MIN = 10
"""Neither the card nor the topic column is narrower, however narrow the terminal."""
WORD_MAX = 20
"""A word of a topic's name up to this wide is never cut to keep the card at CARD_MIN."""


def joined_lines(items: Sequence[str], width: int, separator: str = ", ") -> list[str]:
    """`items` joined by `separator` into lines of at most `width` cells, broken only
    between items (an item wider than the width has a line of its own)."""
    lines: list[str] = []
    for item in items:
        # room for the item and the separator's end a line broken after it keeps (",")
        after = cell_len(separator) + cell_len(item) + cell_len(separator.rstrip())
        if lines and cell_len(lines[-1]) + after <= width:
            lines[-1] += f"{separator}{item}"
        else:
            if lines:
                lines[-1] += separator.rstrip()
            lines.append(item)
    return lines


BRING_BACK = "to bring one back: b on Home, search is:buried or is:suspended, then ^b or ^s"
"""Under the cards a session set aside: where they are listed (the card browser's
searches) and its keys that take a bury or a suspend back."""


def set_aside_lines(cards: Sequence[SetAsideCard], width: int) -> list[str]:
    """The cards buried, then those suspended, their titles joined as the weakest topics
    are (`joined_lines`), then how to bring one back: the summary said nothing of them,
    and an Anki user looks for what was set aside before leaving."""
    lines: list[str] = []
    for suspended, said in ((False, "buried until tomorrow"), (True, "suspended")):
        titles = [card.title for card in cards if card.suspended is suspended]
        if titles:
            for line in joined_lines([f"{said}: {titles[0]}", *titles[1:]], width):
                # a title too long for the line broken between its words, under the value:
                # the screen wrapped it at its edge, its end at the left under the labels
                fits = cell_len(line) <= width
                lines += [line] if fits else joined_lines(line.split(" "), width, " ")
    return [*lines, *joined_lines(BRING_BACK.split(" "), width, " ")]


def topic_lines(name: str, width: int) -> list[str]:
    """A topic's name (or a card's title) in at most two lines of `width` cells, broken
    at spaces: "optimizers (deep-training)" at 15 is "optimizers" and "(deep-training)".
    A word longer than the width, or a third line, is cut with "…"."""
    lines: list[str] = []
    for word in name.split(" "):
        if lines and cell_len(lines[-1]) + 1 + cell_len(word) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])]
    return [line if cell_len(line) <= width else _cut(line, width) for line in lines]


def _cut(text: str, width: int) -> str:
    line = Text(text)
    line.truncate(width, overflow="ellipsis")
    return line.plain


@dataclass(frozen=True)
class TableLayout:
    """The summary table's card and topic columns' widths (in cells, padding not included)."""

    card: int
    topic: int


def table_layout(
    terminal_width: int, titles: Sequence[str], topics: Sequence[str], others: int
) -> TableLayout:
    """The topic column as wide as its longest name, the card column what is left (at
    most its longest title); `others` is what the result and time columns take.

    When the longest name would leave the card column under CARD_MIN, the names wrap
    (`topic_lines`) and the column is as wide as their longest line: at 80 columns a topic
    two packs share, "optimizers (deep-training)", is two whole lines, not "optimizers (d…".
    A word of a name (a pack's, "(neural-networks)") is not cut for CARD_MIN, up to
    WORD_MAX cells: the card column gives up those few cells.
    """
    available = terminal_width - CHROME - others
    room = max(COLUMN_MIN, available - CARD_MIN)
    whole = max(cell_len(name) for name in ["topic", *topics])
    topic = whole
    if whole > room:
        words = max(cell_len(word) for name in topics for word in name.split(" "))
        room = max(room, min(words, WORD_MAX, whole))
        lines = (line for name in topics for line in topic_lines(name, room))
        topic = max(cell_len("topic"), *(cell_len(line) for line in lines))
    longest = max(cell_len(title) for title in ["card", *titles])
    return TableLayout(card=max(COLUMN_MIN, min(longest, available - topic)), topic=topic)


class SummaryScreen(Screen[None]):
    """Shows a session's Summary; escape or enter goes back to the screen under it (Home,
    or a session interrupted to study one card), or Home when nothing is under it."""

    BINDINGS = [
        # one of the two, by what is under the summary (check_action)
        Binding("escape,enter", "leave_home", "Home", tooltip="back to the packs"),
        Binding("escape,enter", "leave_back", "Back", tooltip="back to the session you left"),
        Binding("ctrl+q", "app.quit", "Quit", tooltip="close drillbit"),
    ]
    HELP_ALTERNATIVES: ClassVar[tuple[frozenset[str], ...]] = (frozenset({"Home", "Back"}),)
    """escape is Home or Back by what is under the summary: the help lists the one."""
    SCROLL_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("↑, ↓", "Scroll the summary a line"),
        ("pgup, pgdn", "A screenful up or down"),
        ("home, end", "The top or the bottom"),
    )
    TABLE_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("↑, ↓", "Move between the session's cards"),
        ("pgup, pgdn", "A screenful up or down"),
        ("home, end", "The first or the last card"),
    )
    # no `q` here: a session's last `q` often lands on this screen, which must stay

    @property
    def HELP_FOCUSED_KEYS(self) -> tuple[tuple[str, str], ...]:  # noqa: N802 (help.py reads it)
        """The focused pane's keys in the help, by what they do here: its "In the focused
        widget" rows were Textual's eight names of the scrolled body ("↑  Scroll Up",
        "←  Scroll Left", "pgdn  Page Down"), in a box cut at 80x24 before "Page Down", and
        sideways scrolling the summary has none of. The cards' table (tab) moves a row."""
        return self.TABLE_KEYS if isinstance(self.focused, FittedTable) else self.SCROLL_KEYS

    def __init__(self, workspace: Workspace, summary: Summary, *, title: str | None = None) -> None:
        super().__init__()
        self.workspace = workspace
        self.summary = summary
        self.heading = title if title is not None else summary.mode
        self._rows: list[tuple[str, str, Text, str]] = []
        """Each question's title, topic, result and time, as the table shows them."""
        self._widths = TableLayout(0, 0)
        """The card and topic columns' widths the rows were last wrapped at."""
        self._next = ("", "")
        """The label and value of the line about what comes next (the plan's load, or
        fsrs's next due time)."""
        self._numbers_width = 0
        """The terminal width the figures were last wrapped at."""
        self.day_watch = StudyDayWatch(self, workspace, self._on_new_day)
        self._read_at = workspace.now()
        """The clock read before the line about what comes next: the day watch starts from
        it, as Home's does, so a study day that began before the screen was mounted is seen."""

    def compose(self) -> ComposeResult:
        s = self.summary
        heading = Text(f" Session summary · {self.heading} ", style="reverse bold")
        yield Label(heading, id="summary-title")
        self._next = self._next_line()
        with VerticalScroll(id="summary-body"):
            self._numbers_width = self.app.size.width
            yield Static(self._numbers(self._numbers_width), id="summary-numbers")
            if s.questions:
                yield FittedTable(id="summary-table", cursor_type="row", zebra_stripes=True)
        yield KeysFooter()

    def _next_line(self) -> tuple[str, str]:
        """The label and value of what comes next, read now."""
        ws = self.workspace
        self._read_at = ws.now()
        plan = ws.plan_status()
        if plan is not None and plan.today is not None:
            # while a plan runs, Home's d studies the plan's cards when the plan says,
            # not when fsrs's due time comes: after any session (cram and mock too),
            # what comes next is the plan's, in Home's words
            ahead = f" · ahead: {len(plan.ahead)} new (a on Home)" if plan.ahead else ""
            return "Plan", f"{plan.load()}{ahead}"
        mode = self.summary.mode
        if self.summary.next_due is None and mode in ("cram", "mock"):
            return NEXT_CARD, UNSCHEDULED.format(mode=mode)
        when = describe_due(self.summary.next_due, self._read_at, ws.tz)
        return NEXT_CARD, DUE_NOW if when == "now" else when

    def _on_new_day(self) -> None:
        """A new study day began under the summary: the plan's "today" is the new day's."""
        self._next = self._next_line()
        self.query_one("#summary-numbers", Static).update(self._numbers(self._numbers_width))

    def _numbers(self, terminal_width: int) -> Text:
        """The figures above the table. The weakest topics wrap between topics, under the
        first (a name two packs share, "optimizers (deep-training)", is not broken)."""
        from datetime import timedelta

        s = self.summary
        lines = Text()
        lines.append(f"Cards reviewed  {s.cards_reviewed}", style="bold")
        if s.answers != s.cards_reviewed:
            lines.append(f"  ({counted(s.answers, 'answer')})")
        if s.mode == "mock":
            lines.append(f"\nScore           {s.correct}/{s.planned}", style="bold")
            if s.unanswered:
                lines.append(f"  ({s.unanswered} unanswered)")
        # rounded as the pace and each answer's time are: cut, 10.6 s read "00:10" over
        # "Pace 11 s per answer"
        time_used = format_clock(timedelta(seconds=round(s.seconds)))
        limit = (
            f" of {format_clock(timedelta(seconds=s.time_limit_seconds))}"
            if s.time_limit_seconds is not None
            else ""
        )
        lines.append(f"\nTime            {time_used}{limit}")
        if s.time_up and s.time_limit_seconds is not None:
            from quiz.study.summary import time_up_lines

            # said in words under the time: "01:00 of 01:00" alone (and a toast that may
            # have gone) did not say that the clock, not the candidate, ended it
            ended = format_clock(timedelta(seconds=s.time_limit_seconds))
            for said in time_up_lines(s, ended):
                lines.append(f"\n{said}", style="bold")
        pace = "–" if s.pace_seconds is None else f"{s.pace_seconds:.0f} s per answer"
        lines.append(f"\nPace            {pace}")
        lines.append(f"\nAccuracy        {whole_percent(s.accuracy)} ({s.correct} right)")
        weak = [f"{t.topic} {t.correct}/{t.answered}" for t in s.weakest_topics]
        room = terminal_width - NUMBERS_CHROME - len(LABEL)
        shown = f"\n{' ' * len(LABEL)}".join(joined_lines(weak, room))
        # a mock ended before any answer has no misses, and nothing to rank either; one
        # ended after a few right answers has no misses among those only: "none: no misses"
        # read as a clean interview over 2/10 with 8 questions never answered
        if not s.answers:
            nothing = "none: nothing answered"
        elif s.unanswered:
            nothing = f"none missed in {counted(s.answers, 'answer')}; {s.unanswered} unanswered"
        else:
            nothing = "none: no misses"
        lines.append(f"\nWeakest topics  {shown or nothing}")
        if s.set_aside:
            aside = f"\n{' ' * len(LABEL)}".join(set_aside_lines(s.set_aside, room))
            lines.append(f"\n{'Set aside':<{len(LABEL)}}{aside}")
        label, value = self._next
        # broken between words under the value: at 80 columns the plan's load ran on
        # under the labels ("pace" alone at the left edge)
        below = f"\n{' ' * len(LABEL)}".join(joined_lines(value.split(" "), room, " "))
        lines.append(f"\n{label:<{len(LABEL)}}{below}")
        if s.note:
            lines.append(f"\n\n{s.note}", style="bold")
        return lines

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """escape says Home when Home (or nothing yet) is under the summary, else Back."""
        if action in ("leave_home", "leave_back"):
            from quiz.tui.navigation import screen_under
            from quiz.tui.screens.home import HomeScreen

            under = screen_under(self.app.screen_stack, self)
            return (action == "leave_home") is (under is None or isinstance(under, HomeScreen))
        return True

    async def action_leave_home(self) -> None:
        await self.run_action("app.home")

    async def action_leave_back(self) -> None:
        await self.run_action("app.home")

    def on_mount(self) -> None:
        self.day_watch.start(at=self._read_at)
        if not self.summary.questions:
            return
        for q in self.summary.questions:
            if not q.answered:
                # skipped or never shown (a mock ended early): as the end's question says
                result = Text("unanswered", style="dim")
            else:
                name = rating_name(q.rating) if q.rating else "?"
                result = Text(
                    f"{'✓' if q.correct else '✗'} {name}",
                    style="green" if q.correct else "red",
                )
            seconds = "" if q.seconds is None else f"{q.seconds:.0f} s"
            self._rows.append((q.title, q.topic, result, seconds))
        table = self.query_one(FittedTable)
        layout = self._layout()
        table.add_column("card", key="card", width=layout.card)
        table.add_column("topic", key="topic", width=layout.topic)
        table.add_columns("result", "time")
        self._fill(table, layout)

    def _layout(self) -> TableLayout:
        """The card and topic columns' widths at the terminal's width now."""
        results = max(cell_len("result"), *(row[2].cell_len for row in self._rows))
        times = max(cell_len("time"), *(cell_len(row[3]) for row in self._rows))
        return table_layout(
            self.app.size.width,
            [row[0] for row in self._rows],
            [row[1] for row in self._rows],
            results + times,
        )

    def _fill(self, table: FittedTable[RenderableType], layout: TableLayout) -> None:
        """The rows, each topic in as many lines as `layout` gives it (one or two)."""
        table.clear()
        for title, topic, result, seconds in self._rows:
            lines = topic_lines(topic, layout.topic) if cell_len(topic) > layout.topic else [topic]
            # a title wraps as a topic does: cut to one line at 80 columns, a mock's
            # "Learnable parameters of a batch-…" left the person guessing which card
            named = topic_lines(title, layout.card) if cell_len(title) > layout.card else [title]
            table.add_row(
                clipped("\n".join(named)),
                clipped("\n".join(lines)),
                result,
                seconds,
                height=max(len(named), len(lines)),
            )
        self._widths = layout

    def on_resize(self) -> None:
        """Refit the columns to the terminal's new width: the card column takes what the
        others leave, and when a column's width changes its titles or names are wrapped
        again (the rows rebuilt, the cursor kept)."""
        width = self.app.size.width
        if width != self._numbers_width:
            self._numbers_width = width
            self.query_one("#summary-numbers", Static).update(self._numbers(width))
        if not self._rows:
            return
        table = self.query_one(FittedTable)
        layout = self._layout()
        table.set_column_width("card", layout.card)
        if layout != self._widths:
            table.set_column_width("topic", layout.topic)
            row = table.cursor_row
            self._fill(table, layout)
            table.move_cursor(row=row)
