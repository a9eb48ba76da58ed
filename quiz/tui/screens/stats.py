"""Stats: reviews per day, accuracy by topic and (with a plan) readiness to the interview day
as charts, plus retention, drills, streak."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from quiz.percent import whole_percent
from quiz.plural import counted
from quiz.stats_view import compute_forecast, readiness_dips, stats_view
from quiz.study.forecast import forecast_line
from quiz.study.stats import RETENTION_NOTE, daily_average
from quiz.tui.breakpoints import set_width_classes
from quiz.tui.store_watch import StoreWatch
from quiz.tui.study_day import StudyDayWatch
from quiz.tui.widgets.bars import ColumnChart, RowChart, chart_day, row_chart_width
from quiz.tui.widgets.footer import KeysFooter
from quiz.tui.widgets.phrases import COUNT_STYLES, count_line, parts_line

if TYPE_CHECKING:
    from quiz.study import Stats
    from quiz.study.plan import ForecastDay
    from quiz.workspace import Workspace


MIN_CHART_SIZE = (70, 20)
"""Below this the bar charts collapse into noise: a note replaces them."""


FORECASTING = "Readiness on the interview day: forecasting the plan's days…"
"""Where the readiness plot comes once the plan's forecast is computed (seconds on a heavy
home: the other figures do not wait for it)."""

PLAN_DIP = "Plan followed dips mid-way: reviews are timed for the day, then a last pass."
"""Under the figures while a plan runs: its readiness plot's "plan followed" rose to 0.90
once every card was seen, fell to 0.75 as the plan let reviews wait for the interview day,
and climbed again with the last pass, which a new user took for a misdrawn plot."""


PLOT_ROWS = 14
"""The readiness plot's height stacked under 110 columns when the rows under the figures
allow it (a taller view gives it all of them)."""

PLOT_LEAST_ROWS = 10
"""The least it shrinks to when the figures above it wrap (its legend's three rows and
three of values): shorter, it keeps these and the charts scroll (a scrollbar, and "n Next
chart" in the footer). At 14 rows under nine rows of figures at 80x24, its dates fell
below the screen."""

OTHER_ROWS = 2
"""The screen's rows that are neither figures nor charts: the title and the footer."""


MIN_TOPIC_ROWS = 10
"""The accuracy chart's least height stacked under 110 columns (as the CSS gives each chart);
more topics make it taller."""


NO_RETENTION = "* as Anki counts it: due-session answers to review cards not Again; none yet"
"""Why retention is a dash (one line at 80 columns): no card has been answered in a due
session while in review (past its learning steps) yet."""


class StatsScreen(Screen[None]):
    """Progress over the whole history; escape goes back."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", tooltip="to Home"),
        Binding("q", "app.pop_screen", "Back", tooltip="to Home", show=False),
        Binding("n", "next_chart", "Next chart", tooltip="scroll it to the top"),
    ]
    HELP_FOCUSED_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("↑, ↓", "Scroll the charts a line"),
        ("pgup, pgdn", "A screenful up or down"),
        ("home, end", "The top or the bottom"),
    )
    """The scrolled body's keys in the help, by what they do here (its own names read
    "home  Scroll Home", "←  Scroll Left")."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        set_width_classes(self)  # the charts stacked from the first frame under 110 columns
        self.workspace = workspace
        self.stats: Stats
        self.forecast: list[ForecastDay]
        self.headline: tuple[str, ...]
        """Home's count of today (`StatsView.headline`)."""
        self.target: float | None
        """While a plan runs: its target, a line on the readiness plot."""
        self.forecasting = False
        """A plan runs and its forecast is being computed (`_forecast`): a line says so
        where its plot comes once it is."""
        self.store_watch = StoreWatch(self, workspace, self._read_again)
        """Reads again when another drillbit commits (a card rated in another shell)."""
        self._read()
        self.day_watch = StudyDayWatch(self, workspace, self._read_again)

    def _read(self) -> None:
        """Read the statistics and the plan's forecast, both counted from today; a forecast
        not yet computed is left to a thread (`_forecast`, `StatsView.forecasting`)."""
        self.store_watch.mark()
        view = stats_view(self.workspace)
        self.stats, self.forecast, self.target = view.stats, view.forecast, view.target
        self.headline, self.forecasting = view.headline, view.forecasting
        self.first_step = view.first_step
        """On a fresh home, the way on (`StatsView.first_step`)."""

    async def _read_again(self) -> None:
        """A new study day began, or another drillbit rated a card, while the screen was
        open: count again, the charts scrolled where they were."""
        scrolled = self.query_one("#stats-charts", VerticalScroll).scroll_y
        self._read()
        await self.recompose()
        self._fit()
        self._await_forecast()
        charts = self.query_one("#stats-charts", VerticalScroll)
        self.call_after_refresh(charts.scroll_to, y=scrolled, animate=False)
        self.call_after_refresh(self.refresh_bindings)

    def _numbers(self, width: int) -> Text:
        """The figures above the charts, broken between their parts at `width` cells: on
        every resize (`_fit`), not once. Laid out at the width the screen opened with,
        they stayed broken at 80 columns once the terminal was 120, and ran past it (cut
        by the screen) once it was 80 again."""
        s = self.stats
        # thousands separated, as the counts under them ("9,991 due by fsrs"); broken
        # between its parts at a narrow width, never leaving a "·" at a line's end
        # footnoted: an Anki user reads it as true retention, and a dash alone read as a fault
        numbers = parts_line(
            [
                (f"reviews {s.reviews:,}", "bold"),
                (f" · cards seen {s.cards_seen:,}", ""),
                (f" · accuracy {whole_percent(s.accuracy)}", ""),
                (f" · true retention {whole_percent(s.retention)}*", ""),
            ],
            width,
        )
        hints = f", {s.drills_passed_with_hints} with hints" if s.drills_passed_with_hints else ""
        # "tries", the drill list's column and `drillbit drills`' TRIES: one count, one name
        drills = (
            f"drills passed {s.drills_passed}{hints} ({counted(s.drill_attempts, 'try', 'tries')})"
        )
        numbers.append("\n")
        numbers.append(
            parts_line([(drills, ""), (f" · streak {counted(s.streak, 'day')}", "bold")], width)
        )
        # Home's words and sum (every card in one term), not a shorter list of its own
        # and Home's count of today: what `d` studies (fsrs's due cards within
        # max_reviews_per_day, or the plan's), the fsrs backlog beside it when larger
        styled = list(zip(self.headline, COUNT_STYLES, strict=False))
        numbers.append("\n")
        numbers.append(count_line(styled, s.cards.breakdown(), width))
        # fsrs's due dates, or while a plan runs (its readiness forecast) that it picks the days
        numbers.append("\n" + forecast_line(s.forecast, width))
        if self.first_step is not None:  # all zeros: what fills them, before the footnote
            numbers.append(f"\n{self.first_step}", style="bold")
        note = NO_RETENTION if s.retention is None else RETENTION_NOTE
        numbers.append(f"\n{note}", style="dim")
        if s.forecast is None and readiness_dips(self.forecast):  # the plot shows a dip
            numbers.append(f"\n{PLAN_DIP}", style="dim")
        return numbers

    def compose(self) -> ComposeResult:
        s = self.stats
        yield Label(Text(" Stats ", style="reverse bold"), id="stats-title")
        yield Static(self._numbers(self.app.size.width - 2), id="stats-numbers")
        labels = [chart_day(d.date) for d in s.reviews_per_day]
        topics = [(t, 100 * (row.accuracy or 0.0)) for t, row in s.by_topic.items()]
        with VerticalScroll(id="stats-charts"):
            if self.forecasting:
                yield Static(Text(FORECASTING, style="dim"), id="plan-forecasting")
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
                # Anki's Reviews graph's "Average over period", of the days shown
                "Reviews per day (last {shown} days, {average} on average)",
                [d.reviews for d in s.reviews_per_day],
                labels,
                average=daily_average,
                shorter=("Reviews per day ({shown} days, mean {average})", "Reviews per day"),
                id="per-day",
            )
            by_topic = RowChart(
                "Accuracy by topic (%)",
                topics,
                empty="no reviews yet",  # under the title, which names the chart
                id="by-topic",
            )
            # every topic a row (the title above them): the charts scroll to the last,
            # as `drillbit stats` prints them all (cut to the screen, "… 3 more" was
            # the end of it, with no key to the rest)
            by_topic.styles.min_height = max(MIN_TOPIC_ROWS, len(topics) + 1)
            yield by_topic
        yield Static("", id="stats-too-small")
        yield KeysFooter()

    def on_resize(self) -> None:
        self._fit()
        self.call_after_refresh(self.refresh_bindings)  # "Next chart" only when they scroll

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer "Next chart" only when the stacked charts run past the screen's height."""
        if action == "next_chart":  # no charts while the screen recomposes
            found = self.query("#stats-charts").results(VerticalScroll)
            charts = next(found, None)
            return charts is not None and charts.display and charts.max_scroll_y > 0
        return True

    def action_next_chart(self) -> None:
        """Scroll the next chart to the top, then the last one's rows past the screen a page
        at a time (the accuracy chart has a row per topic); after that, back to the first."""
        charts = self.query_one("#stats-charts", VerticalScroll)
        below = [
            c.virtual_region.y for c in charts.children if c.virtual_region.y > charts.scroll_y
        ]
        if below and charts.scroll_y < charts.max_scroll_y:
            charts.scroll_to(y=below[0], animate=False)
        elif charts.scroll_y < charts.max_scroll_y:  # the last chart goes on below: its rest
            charts.scroll_to(
                y=charts.scroll_y + charts.scrollable_content_region.height - 1, animate=False
            )
        else:
            charts.scroll_home(animate=False)

    def _fit(self) -> None:
        """The figures at the terminal's width; the charts hidden, with a note, when it is
        too small to draw them."""
        width, height = self.app.size
        numbers = self._numbers(width - 2)
        self.query_one("#stats-numbers", Static).update(numbers)
        self._fit_plot(len(numbers.wrap(self.app.console, width - 2)), height)
        small = width < MIN_CHART_SIZE[0] or height < MIN_CHART_SIZE[1]
        # side by side, a third of 120 columns cut "normalization (neural-networks)" to
        # "normalization (neura…": the topics' chart takes what its names need (up to half)
        topics = self.query_one("#by-topic", RowChart)
        wanted = row_chart_width([name for name, _ in topics.rows]) + 2  # its padding
        topics.styles.min_width = min(wanted, width // 2)
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

    def _fit_plot(self, figure_rows: int, height: int) -> None:
        """Stacked, the readiness plot no taller than the rows the figures leave (down to
        PLOT_LEAST_ROWS), so its date axis shows without scrolling; side by side it takes
        the charts' height as they do."""
        left = height - OTHER_ROWS - figure_rows
        stacked = self.has_class("-narrow")
        for plot in self.query("#plan-forecast"):  # none without a plan or while forecasting
            plot.styles.min_height = max(PLOT_LEAST_ROWS, min(PLOT_ROWS, left)) if stacked else None

    def on_mount(self) -> None:
        self._fit()
        self.day_watch.start(at=self.stats.generated_at)  # the moment counted, not now
        self.store_watch.start()
        self._await_forecast()

    def _await_forecast(self) -> None:
        """Compute the plan's forecast in a thread when it is not yet (`forecasting`)."""
        if self.forecasting:
            self._forecast()

    @work(thread=True, exclusive=True, group="stats-forecast", exit_on_error=False)
    def _forecast(self) -> None:
        """The plan's forecast (shared with Home's target worker: one computation), then
        the screen drawn again with its plot, if it is still shown."""
        compute_forecast(self.workspace)
        self.app.call_from_thread(self._forecast_done)

    def _forecast_done(self) -> None:
        if self.is_attached:
            self.call_later(self._read_again)
