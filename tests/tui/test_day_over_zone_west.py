"""A plan session whose list's day is over because the machine's zone moved west says so
on the card being answered, as it does at the day's end (fifty-first round): moved back
into the day before the list's, the session ended at the next card with no word first,
because the notice looked only at the list day's end, now further away."""

from __future__ import annotations

from datetime import UTC
from zoneinfo import ZoneInfo

from textual.widgets import Label

from quiz.study.days import StudyZone
from quiz.study_view import day_over
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.tui.conftest import (
    START,
    AppFactory,
    FakeClock,
    FakeZone,
    Recorder,
    notifications,
    press,
    set_plan,
    settle,
    showing,
)

NEW_YORK = ZoneInfo("America/New_York")


def plan_notices(recorder: Recorder) -> list[str]:
    return [str(n.message) for n in notifications(recorder) if n.title == "Interview plan"]


async def test_a_zone_moved_west_into_the_day_before_is_said_on_the_card(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    # 05:00 UTC on 2 March: the study day of 2 March in UTC (it began at 04:00), still
    # 1 March's in New York (00:00 there; its day begins at 04:00, 09:00 UTC).
    clock.moment = START.replace(hour=5)
    zone = FakeZone(UTC)
    app = build(zone=zone)
    set_plan(app.workspace, 12, 60.0)
    app.workspace.tz = StudyZone(UTC, 4)
    async with app.run_test(size=(80, 24), message_hook=recorder) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "d")
        await settle(pilot)
        study = await showing(pilot, StudyScreen)
        assert study.session.plan_mode and study.session.remaining > 1
        study.check_day_end()
        assert not study.day_over_told, "the list's day goes on in UTC"
        zone.zone = NEW_YORK  # the laptop flew west
        study.check_day_end()  # the timer's next look (at most five minutes away)
        await settle(pilot)
        told = plan_notices(recorder)
        assert len(told) == 1
        assert told[0].startswith("The time zone moved back into the day before")
        assert "this card still counts, then the session ends" in told[0]
        assert "d on Home" in told[0]  # what to do next
        title = str(study.query_one("#study-title", Label).render())
        assert title.endswith("the zone moved back: last card"), "not 'the day ended'"
        study.check_day_end()  # said once
        assert len(plan_notices(recorder)) == 1
        for key in ("1", "enter", "enter"):  # answered, then on: the list ends here
            await press(pilot, key)
            await settle(pilot)
        summary = await showing(pilot, SummaryScreen)
        assert summary.summary.note is not None
        assert summary.summary.note.startswith("The time zone moved back into the day before")


async def test_a_zone_moved_west_within_the_list_s_day_says_nothing(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    # 09:30 UTC: 04:30 in New York, the study day of 2 March there as in UTC.
    zone = FakeZone(UTC)
    app = build(zone=zone)
    set_plan(app.workspace, 12, 60.0)
    app.workspace.tz = StudyZone(UTC, 4)
    async with app.run_test(size=(80, 24), message_hook=recorder) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "d")
        await settle(pilot)
        study = await showing(pilot, StudyScreen)
        zone.zone = NEW_YORK
        study.check_day_end()
        await settle(pilot)
        assert not study.day_over_told and not plan_notices(recorder)
        assert day_over(app.workspace, study.session) is None
