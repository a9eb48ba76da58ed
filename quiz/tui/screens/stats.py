"""Stats: reviews per day, accuracy by topic and (with a plan) readiness to the interview day
as charts, plus retention, drills, streak."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from quiz.tui.breakpoints import set_width_classes
from quiz.tui.widgets.bars import ColumnChart, RowChart, chart_day
from quiz.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from quiz.study import Stats
    from quiz.study.plan import ForecastDay
    from quiz.workspace import Workspace


MIN_CHART_SIZE = (70, 20)
"""Below this the bar charts collapse into noise: a note replaces them."""


NO_RETENTION = "* retention: the share of answers to review cards not rated Again; none yet"
"""Why retention is a dash (75 cells, one line at 80 columns): no card has been answered
while in review (past its learning steps) yet."""


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


class StatsScreen(Screen[None]):
    """Progress over the whole history; escape goes back."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("q", "app.pop_screen", "Back", show=False),
        Binding("n", "next_chart", "Next chart"),
    ]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        set_width_classes(self)  # the charts stacked from the first frame under 110 columns
        self.workspace = workspace
        self.stats: Stats = workspace.stats()
        status = workspace.plan_status(with_forecast=True)
        self.forecast: list[ForecastDay] = [] if status is None else list(status.forecast)
        plan = status if self.forecast else None
        self.planned: int | None = None if plan is None or plan.today is None else len(plan.offered)
        """While a plan runs: the cards `d` studies now (Home's `today`)."""
        self.target = plan.plan.target if plan is not None else None
        """While a plan runs: its target, a line on the readiness plot."""

    def compose(self) -> ComposeResult:
        s = self.stats
        yield Label(Text(" Stats ", style="reverse bold"), id="stats-title")
        numbers = Text()
        numbers.append(f"reviews {s.reviews}", style="bold")
        numbers.append(f" · cards seen {s.cards_seen} · accuracy {_percent(s.accuracy)}")
        numbers.append(f" · retention {_percent(s.retention)}")
        if s.retention is None:  # a dash alone read as a fault: a footnote says why
            numbers.append("*")
        numbers.append(f"\ndrills passed {s.drills_passed} ({s.drill_attempts} attempts)")
        numbers.append(f" · streak {s.streak} day(s)", style="bold")
        # Home's words and sum (every card in one term), not a shorter list of its own
        if self.planned is None:
            numbers.append(f"\n{s.cards.due} due", style="bold yellow")
        else:
            # two different counts: fsrs's due times, and what the plan studies today
            # (Home's `today` and its line; plan mode lets due reviews wait)
            numbers.append(f"\n{s.cards.due} due (fsrs)", style="bold yellow")
            numbers.append(f" · {self.planned} planned today", style="bold")
        numbers.append(f"  |  {s.cards.breakdown()}")
        if s.retention is None:
            numbers.append(f"\n{NO_RETENTION}", style="dim")
        yield Static(numbers, id="stats-numbers")
        labels = [chart_day(d.date) for d in s.reviews_per_day]
        topics = [(t, 100 * (row.accuracy or 0.0)) for t, row in s.by_topic.items()]
        with VerticalScroll(id="stats-charts"):
            if self.forecast:
                # first while a plan runs: readiness on the day is what the plan is for
                # (plotext only then: its import is ~50 ms)
                from quiz.tui.widgets.readiness import ReadinessPlot

                yield ReadinessPlot(
                    [d.day for d in self.forecast],
                    [d.followed for d in self.forecast],
                    [d.idle for d in self.forecast],
                    target=self.target,
                    id="plan-forecast",
                )
            yield ColumnChart(
                "Reviews per day (last {shown} days)",
                [d.reviews for d in s.reviews_per_day],
                labels,
                id="per-day",
            )
            yield RowChart(
                "Accuracy by topic (%)",
                topics,
                empty="no reviews yet",  # under the title, which names the chart
                id="by-topic",
            )
        yield Static("", id="stats-too-small")
        yield KeysFooter()

    def on_resize(self) -> None:
        self._fit()
        self.call_after_refresh(self.refresh_bindings)  # "Next chart" only when they scroll

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer "Next chart" only when the stacked charts run past the screen's height."""
        if action == "next_chart":
            charts = self.query_one("#stats-charts", VerticalScroll)
            return charts.display and charts.max_scroll_y > 0
        return True

    def action_next_chart(self) -> None:
        """Scroll the next chart to the top; after the last, back to the first."""
        charts = self.query_one("#stats-charts", VerticalScroll)
        below = [
            c.virtual_region.y for c in charts.children if c.virtual_region.y > charts.scroll_y
        ]
        if below and charts.scroll_y < charts.max_scroll_y:
            charts.scroll_to(y=below[0], animate=False)
        else:
            charts.scroll_home(animate=False)

    def _fit(self) -> None:
        """Hide the charts, with a note, when the terminal is too small to draw them."""
        width, height = self.app.size
        small = width < MIN_CHART_SIZE[0] or height < MIN_CHART_SIZE[1]
        self.query_one("#stats-charts").display = not small
        note = self.query_one("#stats-too-small", Static)
        note.display = small
        note.update(
            Text(
                f"The terminal is too small for the charts ({width}x{height}; they need "
                f"{MIN_CHART_SIZE[0]}x{MIN_CHART_SIZE[1]}). `drillbit stats` prints them as text.",
                style="dim",
            )
        )

    def on_mount(self) -> None:
        self._fit()
