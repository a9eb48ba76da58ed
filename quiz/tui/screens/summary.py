"""The end of every session: how many, how fast, how well, what is weak, what is next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Label, Static

from quiz.overview import describe_due
from quiz.study import rating_name
from quiz.tui.widgets.cell import clipped
from quiz.tui.widgets.clock import format_clock
from quiz.tui.widgets.fitted_table import FittedTable
from quiz.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from quiz.study import Summary
    from quiz.workspace import Workspace


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


WIDE = 110
"""From this terminal width the card and topic columns fit their content; below it they are
cut (at 34 and 14 cells, ending in "…") so the result and time columns stay on screen."""


def column_widths(terminal_width: int) -> dict[str, int | None]:
    """The card and topic columns' widths at this terminal width (None: fit the content)."""
    wide = terminal_width >= WIDE
    return {"card": None if wide else 34, "topic": None if wide else 14}


class SummaryScreen(Screen[None]):
    """Shows a session's Summary; escape or enter goes back to the screen under it (Home,
    or a session interrupted to study one card), or Home when nothing is under it."""

    BINDINGS = [
        # one of the two, by what is under the summary (check_action)
        Binding("escape,enter", "leave_home", "Home"),
        Binding("escape,enter", "leave_back", "Back"),
        Binding("ctrl+q", "app.quit", "Quit"),
    ]
    # no `q` here: a session's last `q` often lands on this screen, which must stay

    def __init__(self, workspace: Workspace, summary: Summary, *, title: str | None = None) -> None:
        super().__init__()
        self.workspace = workspace
        self.summary = summary
        self.heading = title if title is not None else summary.mode

    def compose(self) -> ComposeResult:
        s = self.summary
        from datetime import timedelta

        heading = Text(f" Session summary · {self.heading} ", style="reverse bold")
        yield Label(heading, id="summary-title")
        with VerticalScroll(id="summary-body"):
            lines = Text()
            lines.append(f"Cards reviewed  {s.cards_reviewed}", style="bold")
            if s.answers != s.cards_reviewed:
                lines.append(f"  ({s.answers} answers)")
            if s.mode == "mock":
                lines.append(f"\nScore           {s.correct}/{s.planned}", style="bold")
            time_used = format_clock(timedelta(seconds=s.seconds))
            limit = (
                f" of {format_clock(timedelta(seconds=s.time_limit_seconds))}"
                if s.time_limit_seconds is not None
                else ""
            )
            lines.append(f"\nTime            {time_used}{limit}")
            pace = "–" if s.pace_seconds is None else f"{s.pace_seconds:.0f} s per answer"
            lines.append(f"\nPace            {pace}")
            lines.append(f"\nAccuracy        {_percent(s.accuracy)} ({s.correct} right)")
            weak = ", ".join(f"{t.topic} {t.correct}/{t.answered}" for t in s.weakest_topics)
            lines.append(f"\nWeakest topics  {weak or 'none: no misses'}")
            ws = self.workspace
            plan = ws.plan_status()
            if plan is not None and plan.today is not None:
                # while a plan runs, Home's d studies the plan's cards when the plan says,
                # not when fsrs's due time comes: after any session (cram and mock too),
                # what comes next is the plan's, in Home's words
                lines.append(f"\nPlan            {plan.load()}")
            else:
                lines.append(f"\nNext due        {describe_due(s.next_due, ws.now(), ws.tz)}")
            if s.note:
                lines.append(f"\n\n{s.note}", style="bold")
            yield Static(lines, id="summary-numbers")
            if s.questions:
                yield FittedTable(id="summary-table", cursor_type="row", zebra_stripes=True)
        yield KeysFooter()

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
        if not self.summary.questions:
            return
        table = self.query_one(DataTable)
        for key, width in column_widths(self.app.size.width).items():
            table.add_column(key, key=key, width=width)
        table.add_columns("result", "time")
        for q in self.summary.questions:
            if not q.answered:
                result = Text("not reached", style="dim")
            else:
                name = rating_name(q.rating) if q.rating else "?"
                result = Text(
                    f"{'✓' if q.correct else '✗'} {name}",
                    style="green" if q.correct else "red",
                )
            seconds = "" if q.seconds is None else f"{q.seconds:.0f} s"
            table.add_row(clipped(q.title), clipped(q.topic), result, seconds)

    def on_resize(self) -> None:
        """Switch between the wide and the narrow layout when the terminal crosses WIDE.

        Within a layout nothing changes, so a resize that crosses nothing costs nothing.
        """
        if not self.summary.questions:
            return
        table = self.query_one(FittedTable)
        for key, width in column_widths(self.app.size.width).items():
            table.set_column_width(key, width)
