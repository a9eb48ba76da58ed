"""The readiness plot's dates stay on the screen when the figures above it wrap: at 80x24
a card waiting for the plan's last pass, one suspended and one buried made Home's count
line four rows (the figures nine), and the plot kept its 14 rows, so its date axis fell below the screen
(ux46's walk)."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from fsrs import Rating

from quiz.store import InterviewPlan
from quiz.study.aside import set_card_aside
from quiz.study.scheduling import review_card
from quiz.tui.app import DrillbitApp
from quiz.tui.screens.stats import StatsScreen
from quiz.tui.widgets.readiness import ReadinessPlot
from tests.tui.conftest import AppFactory, FakeClock, press, settle, showing
from tests.tui.test_snapshots import history


def _plot_end_and_view_end(stats: StatsScreen) -> tuple[int, int]:
    """(the row under the plot's date axis, the row under the charts' view), in the
    charts' scrolled content: the plot's region on the screen is cut to what shows."""
    plot = stats.query_one("#plan-forecast", ReadinessPlot)
    charts = stats.query_one("#stats-charts")
    shown = charts.scroll_offset.y + charts.scrollable_content_region.height
    return plot.virtual_region.y + plot.outer_size.height, shown


def _plan_with_asides(app: DrillbitApp, clock: FakeClock) -> None:
    """A card answered Again that a two-day plan leaves for its last pass ("1 due by fsrs,
    not today: ..."), one suspended, one buried: the figures take nine rows at 80 columns."""
    ws = app.workspace
    review_card(ws.store, ws.scheduler, "what-is-relu", Rating.Again, now=clock(), correct=False)
    clock.advance(120)
    ws.store.set_interview_plan(
        InterviewPlan(clock().date() + timedelta(days=2), 1.0, 0.9, clock())
    )
    set_card_aside(ws.store, "dropout-inference", suspend=True, now=clock(), tz=ws.tz)
    set_card_aside(ws.store, "sigmoid-bound", suspend=False, now=clock(), tz=ws.tz)


def _plan_only(app: DrillbitApp, clock: FakeClock) -> None:
    """The snapshot's home (tests/tui/test_snapshots.py): a few days' reviews, a plan."""
    history(app, clock)
    plan = InterviewPlan(clock().date() + timedelta(days=10), 20.0, 0.9, clock())
    app.workspace.store.set_interview_plan(plan)


@pytest.mark.parametrize(
    ("size", "fill"),
    [((80, 24), _plan_with_asides), ((80, 24), _plan_only), ((80, 21), _plan_only)],
)
async def test_the_plot_ends_on_the_screen_under_wrapped_figures(
    build: AppFactory, clock: FakeClock, size: tuple[int, int], fill: object
) -> None:
    app = build()
    app.workspace.tz = UTC
    assert callable(fill)
    fill(app, clock)
    async with app.run_test(size=size) as pilot:
        await press(pilot, "s")
        stats = await showing(pilot, StatsScreen)
        await settle(pilot)
        numbers = str(stats.query_one("#stats-numbers").render())
        if fill is _plan_with_asides:
            assert "due by fsrs" in numbers and "suspended" in numbers and "buried" in numbers
            assert stats.query_one("#stats-numbers").size.height >= 9, numbers
        plot_end, view_end = _plot_end_and_view_end(stats)
        assert plot_end <= view_end, (plot_end, view_end, numbers)
        assert stats.query_one("#plan-forecast").size.height >= 10, "still a readable plot"
        assert stats.query_one("#stats-charts").scroll_offset.y == 0
