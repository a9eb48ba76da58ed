"""Stats: reviews per day and accuracy by topic as charts, plus retention, drills, streak."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Footer, Label, Static
from textual_plotext import PlotextPlot

if TYPE_CHECKING:
    from quiz.study import Stats
    from quiz.study.plan import ForecastDay
    from quiz.workspace import Workspace


MIN_CHART_SIZE = (70, 20)
"""Below this the bar charts collapse into noise: a note replaces them."""


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _int_ticks(top: int) -> list[int]:
    """A few whole-number ticks from 0 to at least `top`."""
    step = max(1, -(-top // 4))
    return list(range(0, max(top, 1) + step, step))


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
        with Container(id="stats-charts"):
            yield PlotextPlot(id="per-day")
            yield PlotextPlot(id="by-topic")
            if self.forecast:
                yield PlotextPlot(id="plan-forecast")
        yield Static("", id="stats-too-small")
        yield Footer()

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
        s = self.stats
        per_day = self.query_one("#per-day", PlotextPlot).plt
        labels = [d.date.strftime("%b %d").replace(" 0", " ") for d in s.reviews_per_day]
        values = [d.reviews for d in s.reviews_per_day]
        per_day.bar(list(range(len(values))), values, width=0.6)
        step = max(1, len(labels) // 6)
        ticks = [float(i) for i in range(0, len(labels), step)]
        per_day.xticks(ticks, [labels[int(i)] for i in ticks])
        per_day.title("Reviews per day (last 30 days)")
        top = max(values, default=0)
        per_day.ylim(0, max(top, 1))
        per_day.yticks([float(v) for v in _int_ticks(top)])
        by_topic = self.query_one("#by-topic", PlotextPlot).plt
        topics = list(s.by_topic)
        if topics:
            accuracy = [round(100 * (s.by_topic[t].accuracy or 0.0)) for t in topics]
            by_topic.bar(topics, accuracy, orientation="horizontal", width=0.6)
            by_topic.xlim(0, 100)
            by_topic.title("Accuracy by topic (%)")
        else:
            by_topic.title("Accuracy by topic: no reviews yet")
        if self.forecast:
            self._plot_forecast()

    def _plot_forecast(self) -> None:
        """Readiness over the days to the interview: plan followed vs nothing more studied."""
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
