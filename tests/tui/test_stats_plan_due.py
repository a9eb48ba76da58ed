"""The stats screen's count of today under a plan: fsrs's due cards the plan leaves, in
Home's words and with Home's count (`quiz.study.counts.due_not_today`), on a fake clock."""

from __future__ import annotations

from datetime import UTC

from textual.pilot import Pilot
from textual.widgets import Static

from quiz.tui.app import DrillbitApp
from quiz.tui.screens.stats import StatsScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, FakeClock, press, settle, showing
from tests.tui.test_plan_home import again_then_plan


def flat(text: str) -> str:
    """`text` on one line: the screens fold their lines to the terminal's width."""
    return " ".join(text.split())


async def _again_then_plan_then_stats(
    app: DrillbitApp, pilot: Pilot[None], clock: FakeClock, days: int, minutes: float
) -> tuple[str, str]:
    """Home's test's start (`again_then_plan`), then the stats screen opened: (Home's line,
    the stats screen's numbers)."""
    home = await again_then_plan(app, pilot, clock, days, minutes)
    home_line = flat(str(home.query_one("#home-summary", Static).render()))
    await press(pilot, "s")
    stats = await showing(pilot, StatsScreen)
    await settle(pilot)
    return home_line, flat(str(stats.query_one("#stats-numbers", Static).render()))


async def test_the_stats_screen_says_fsrs_due_cards_the_plan_leaves_wait_as_home_does(
    build: AppFactory, clock: FakeClock
) -> None:
    """A card answered Again is due by fsrs a minute later; a plan with too few days for
    same-day steps leaves it for its last pass. Home says so; the stats screen said "1 due
    by fsrs (the plan decides when)" beside the same planned count."""
    app = build(study=StudyRequest(kind="concept"))
    app.workspace.tz = UTC
    async with app.run_test(size=(160, 40)) as pilot:
        home, numbers = await _again_then_plan_then_stats(app, pilot, clock, days=2, minutes=1.0)
        status = app.workspace.plan_status()
        assert status is not None and status.today is not None
        assert not status.today.same_day_steps and not status.today.last_pass
        waits = f"{len(status.offered)} planned today · 1 more due by fsrs today, in a "
        line = f"{waits}learning step: the plan reviews it in the last days before the interview if needed"
        assert line in home, "Home's words, set by ux49b"
        assert line in numbers, "the stats screen's are Home's"
        assert "the plan decides when" not in numbers


async def test_the_stats_screen_does_not_count_a_step_the_plan_asks_today_twice(
    build: AppFactory, clock: FakeClock
) -> None:
    """With days to spare the plan takes today's same-day steps: the card answered Again
    is among today's planned cards. The stats screen said "2 planned today · 1 due by fsrs
    (the plan decides when)", the one card counted twice; now it is only planned."""
    app = build(study=StudyRequest(kind="concept"))
    app.workspace.tz = UTC
    async with app.run_test(size=(160, 40)) as pilot:
        home, numbers = await _again_then_plan_then_stats(app, pilot, clock, days=20, minutes=60.0)
        status = app.workspace.plan_status()
        assert status is not None and status.today is not None
        assert status.today.same_day_steps and len(status.today.reviews) == 1
        planned = f"{len(status.offered)} planned today"
        assert planned in home and planned in numbers
        assert "due by fsrs" not in numbers, "the one due card is today's, not a backlog"
        assert "due by fsrs" not in home
