"""The stats screen's count of today under a plan: fsrs's due cards the plan leaves, in
Home's words and with Home's count (`quiz.study.counts.due_not_today`), on a fake clock."""

from __future__ import annotations

from datetime import UTC, timedelta

from textual.pilot import Pilot
from textual.widgets import Static

from quiz.store import InterviewPlan
from quiz.tui.app import DrillbitApp
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.stats import StatsScreen
from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, FakeClock, press, settle, showing, wait_until


def flat(text: str) -> str:
    """`text` on one line: the screens fold their lines to the terminal's width."""
    return " ".join(text.split())


async def _again_then_plan(
    app: DrillbitApp, pilot: Pilot[None], clock: FakeClock, days: int, minutes: float
) -> tuple[str, str]:
    """Answer the session's first card Again, go Home, let its one-minute step fall due,
    set a plan `days` ahead with `minutes` a day, then open the stats screen: (Home's
    line, the stats screen's numbers)."""
    study = await showing(pilot, StudyScreen)
    await press(pilot, "space", "enter")
    assert await wait_until(pilot, lambda: study.phase == "rating")
    await app.run_action("screen.rate(1)")
    assert await wait_until(pilot, lambda: len(study.session.answers) == 1)
    while not isinstance(app.screen, HomeScreen):
        await press(pilot, "escape")
        await settle(pilot)
    clock.advance(120)  # the Again's one-minute step has passed
    plan = InterviewPlan(
        interview=clock().date() + timedelta(days=days),
        minutes_per_day=minutes,
        target=0.9,
        created_at=clock(),
    )
    app.workspace.store.set_interview_plan(plan)
    home = app.screen
    assert isinstance(home, HomeScreen)
    home.refresh_counts()
    await settle(pilot)
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
        home, numbers = await _again_then_plan(app, pilot, clock, days=2, minutes=1.0)
        status = app.workspace.plan_status()
        assert status is not None and status.today is not None
        assert not status.today.same_day_steps and not status.today.last_pass
        waits = f"{len(status.offered)} planned today · 1 due by fsrs, not today: "
        line = f"{waits}the plan's last pass reviews it if needed"
        assert line in home, "Home's words, set by home36"
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
        home, numbers = await _again_then_plan(app, pilot, clock, days=20, minutes=60.0)
        status = app.workspace.plan_status()
        assert status is not None and status.today is not None
        assert status.today.same_day_steps and len(status.today.reviews) == 1
        planned = f"{len(status.offered)} planned today"
        assert planned in home and planned in numbers
        assert "due by fsrs" not in numbers, "the one due card is today's, not a backlog"
        assert "due by fsrs" not in home
