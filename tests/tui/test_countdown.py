"""The mock interview's countdown reads like a kitchen timer: a 2-minute limit shows 02:00
until a whole second has gone, then 01:59; 00:00 only when the time is up. It showed 01:59
from the first frame (the seconds were rounded down), and its once-a-second timer ran from
the screen's mount, up to a second behind the time left."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.tui.widgets.clock import MockClock, countdown_clock, until_next_second
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, FakeClock, Recorder, mock_clock_running, settle, showing


@pytest.mark.parametrize(
    ("left", "shown"),
    [
        (120.0, "02:00"),
        (119.7, "02:00"),
        (119.0, "01:59"),
        (60.5, "01:01"),
        (0.2, "00:01"),
        (0.0, "00:00"),
        (-3.0, "00:00"),
        (3600.0, "1:00:00"),
    ],
)
def test_the_countdown_shows_the_seconds_begun(left: float, shown: str) -> None:
    assert countdown_clock(timedelta(seconds=left)) == shown


@pytest.mark.parametrize(("left", "wait"), [(119.7, 0.7), (119.0, 1.0), (0.25, 0.25)])
def test_the_next_tick_is_when_the_display_changes(left: float, wait: float) -> None:
    assert until_next_second(timedelta(seconds=left)) == pytest.approx(wait)


async def test_the_drill_clock_reads_the_whole_limit_until_a_second_has_gone(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    app = build(study=StudyRequest(mode="mock", kind="coding", minutes=2))
    async with app.run_test(message_hook=recorder) as pilot:
        study = await showing(pilot, StudyScreen)
        await mock_clock_running(pilot, study)
        clock.advance(0.3)  # the first frame comes a moment after the clock started
        await pilot.press("enter")
        await settle(pilot)
        drill = await showing(pilot, DrillScreen)
        countdown = drill.query_one(MockClock)
        countdown.tick()
        assert str(countdown.render()) == "⏱ 02:00"
        clock.advance(0.7)
        countdown.tick()
        assert str(countdown.render()) == "⏱ 01:59"
        clock.advance(118.5)
        countdown.tick()
        assert str(countdown.render()) == "⏱ 00:01"
        assert not recorder.of(MockClock.TimeUp)  # half a second is left: not over yet
        clock.advance(0.5)
        countdown.tick()
        await settle(pilot)
        assert str(countdown.render()) == "⏱ 00:00"
        assert recorder.of(MockClock.TimeUp)


@pytest.mark.parametrize("above", ["f1", "ctrl+g"])
async def test_time_up_with_the_help_open_on_a_drill_leaves_no_session_under_the_summary(
    build: AppFactory, clock: FakeClock, above: str
) -> None:
    """The drill's time-up closed the screen on top, the help (or the give-up question),
    not the drill: the summary took the drill's place, said "esc Back: back to the session
    you left", and escape led to the ended session at 00:00, where no key but ctrl+q did
    anything."""
    app = build(study=StudyRequest(mode="mock", kind="coding", minutes=1))
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        await mock_clock_running(pilot, study)
        await pilot.press("enter")
        await settle(pilot)
        drill = await showing(pilot, DrillScreen)
        await pilot.press(above)  # the help, or the give-up question, over the drill
        await settle(pilot)
        assert app.screen is not drill
        clock.advance(90)
        drill.query_one(MockClock).tick()
        await settle(pilot)
        await settle(pilot)
        await showing(pilot, SummaryScreen)
        assert [type(screen) for screen in app.screen_stack[1:]] == [SummaryScreen]
