"""Stats: reviews per day and accuracy by topic as charts, plus retention, drills, streak."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Label, Static

from quiz.tui.widgets.bars import ColumnChart, RowChart
from quiz.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from quiz.study import Stats
    from quiz.study.plan import ForecastDay
    from quiz.workspace import Workspace


MIN_CHART_SIZE = (70, 20)
"""Below this the bar charts collapse into noise: a note replaces them."""


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


class StatsScreen(Screen[None]):
    """Progress over the whole history; escape goes back."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("q", "app.pop_screen", "Back", show=False),
    ]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.stats: Stats = workspace.stats()
        self.forecast: list[ForecastDay] = workspace.plan_forecast()

    def compose(self) -> ComposeResult:
        s = self.stats
        yield Label(Text(" Stats ", style="reverse bold"), id="stats-title")
        numbers = Text()
        numbers.append(f"reviews {s.reviews}", style="bold")
        numbers.append(f" · cards seen {s.cards_seen} · accuracy {_percent(s.accuracy)}")
        numbers.append(f" · retention {_percent(s.retention)}")
        numbers.append(f"\ndrills passed {s.drills_passed} ({s.drill_attempts} attempts)")
        numbers.append(f" · streak {s.streak} day(s)", style="bold")
        numbers.append(f" · {s.cards.due} due, {s.cards.new} new, {s.cards.learned} learned")
        yield Static(numbers, id="stats-numbers")
        labels = [d.date.strftime("%b %d").replace(" 0", " ") for d in s.reviews_per_day]
        topics = [(t, 100 * (row.accuracy or 0.0)) for t, row in s.by_topic.items()]
        with Container(id="stats-charts"):
            yield ColumnChart(
                "Reviews per day (last {shown} days)",
                [d.reviews for d in s.reviews_per_day],
                labels,
                id="per-day",
            )
            yield RowChart(
                "Accuracy by topic (%)",
                topics,
                empty="Accuracy by topic: no reviews yet",
                id="by-topic",
            )
            if self.forecast:
                # plotext only for the plan's two lines (its import is ~50 ms): not without a plan
                from textual_plotext import PlotextPlot

                yield PlotextPlot(id="plan-forecast")
        yield Static("", id="stats-too-small")
        yield KeysFooter()

    def on_resize(self) -> None:
        self._fit()

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
        if self.forecast:
            self._plot_forecast()

    def _plot_forecast(self) -> None:
        """Readiness over the days to the interview: plan followed vs nothing more studied."""
        from textual_plotext import PlotextPlot

        plot = self.query_one("#plan-forecast", PlotextPlot).plt
        xs = list(range(1, len(self.forecast) + 1))
        plot.plot(xs, [round(100 * d.followed, 1) for d in self.forecast], label="plan followed")
        plot.plot(xs, [round(100 * d.idle, 1) for d in self.forecast], label="nothing more")
        step = max(1, len(xs) // 6)
        ticks = [float(x) for x in xs[::step]]
        days = [self.forecast[int(x) - 1].day for x in ticks]
        plot.xticks(ticks, [day.strftime("%b %d").replace(" 0", " ") for day in days])
        plot.ylim(0, 100)
        plot.title("Readiness to the interview day (%)")
