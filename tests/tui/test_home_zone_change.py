"""An open app follows the machine's time zone when it changes (forty-fourth round): a
laptop that travelled kept counting today in the zone the app started in, where a new
session (and Anki, at its day's rollover) counts it in the zone the machine is in now."""

from __future__ import annotations

from datetime import UTC
from zoneinfo import ZoneInfo

from fsrs import Rating
from textual.widgets import DataTable

from quiz.settings import Settings
from quiz.study.days import StudyZone
from quiz.study.scheduling import review_card
from quiz.tui.app import DrillbitApp
from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.screens.home import HomeScreen
from tests.tui.conftest import START, AppFactory, FakeZone, press, showing

NEW_YORK = ZoneInfo("America/New_York")


def to_study_today(home: HomeScreen) -> str:
    """What Home's first row shows to study today (the pack's): due cards and new ones."""
    return str(home.query_one(DataTable).get_cell("0", "today"))


def one_new_card_a_day_one_studied_at_five(zone: FakeZone, build: AppFactory) -> DrillbitApp:
    """One new card a day, one studied at 05:00 UTC: today's in UTC (the day started at
    04:00 UTC), yesterday's in New York (its day starts at 04:00 there, 09:00 UTC; the
    fake clock says 09:30 UTC), so New York has a new card left to study today."""
    app = build(zone=zone, settings=Settings(shuffle_choices=False, new_per_day=1))
    ws = app.workspace
    review_card(
        ws.store, ws.scheduler, "what-is-relu", Rating.Good, now=START.replace(hour=5), correct=True
    )
    return app


async def test_home_shown_again_counts_today_in_the_machine_s_new_zone(
    build: AppFactory,
) -> None:
    zone = FakeZone(UTC)
    app = one_new_card_a_day_one_studied_at_five(zone, build)
    async with app.run_test(size=(100, 30)) as pilot:
        home = await showing(pilot, HomeScreen)
        assert app.workspace.tz == StudyZone(UTC, 4)
        assert to_study_today(home) == "1"  # the card due again; the day's one new card was studied
        await press(pilot, "b")
        await showing(pilot, BrowserScreen)
        zone.zone = NEW_YORK  # the machine's zone set anew while the browser is shown
        await press(pilot, "escape")
        await showing(pilot, HomeScreen)
        assert app.workspace.tz == StudyZone(NEW_YORK, 4)
        assert (
            to_study_today(home) == "2"
        )  # 05:00 UTC was yesterday in New York: a new card is left


async def test_open_home_follows_the_zone_at_its_next_look_at_the_clock(
    build: AppFactory,
) -> None:
    zone = FakeZone(UTC)
    app = one_new_card_a_day_one_studied_at_five(zone, build)
    async with app.run_test(size=(100, 30)) as pilot:
        home = await showing(pilot, HomeScreen)
        zone.zone = NEW_YORK
        assert to_study_today(home) == "1"  # not looked at yet
        home.day_watch.check()  # the watch's timer: at the day's end, at least every 5 min
        await pilot.pause()
        assert app.workspace.tz == StudyZone(NEW_YORK, 4)
        assert to_study_today(home) == "2"


async def test_a_zone_set_by_hand_stays_while_the_machine_s_does_not_change(
    build: AppFactory,
) -> None:
    """A zone given to the workspace (the settings' day start, a test's UTC) is not put back
    to the machine's at each look: only a change of the machine's zone is followed."""
    zone = FakeZone(NEW_YORK)
    app = build(zone=zone)
    app.workspace.tz = StudyZone(UTC, 4)
    async with app.run_test(size=(100, 30)) as pilot:
        home = await showing(pilot, HomeScreen)
        home.day_watch.check()
        assert app.workspace.tz == StudyZone(UTC, 4)
