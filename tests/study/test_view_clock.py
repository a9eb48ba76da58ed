"""`ViewClock`: when what a screen shows of today is stale by the clock alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from quiz.study.days import StudyZone
from quiz.study.view_clock import LONGEST_WAIT, TIMER_SLACK, ViewClock

READ = datetime(2026, 3, 10, 22, 0, tzinfo=UTC)
STEP_DUE = READ + timedelta(minutes=2)


def test_a_view_read_before_any_look_is_never_stale() -> None:
    assert not ViewClock().stale(READ, UTC)
    assert ViewClock().wait(READ) == LONGEST_WAIT


def test_a_view_is_stale_from_its_horizon_on() -> None:
    clock = ViewClock(lambda _now, _tz: STEP_DUE)
    clock.read_at(READ, UTC)
    assert clock.changes_at == STEP_DUE
    assert clock.wait(READ) == 120 + TIMER_SLACK
    assert not clock.stale(STEP_DUE - timedelta(seconds=1), UTC)
    assert clock.stale(STEP_DUE, UTC)
    assert clock.wait(STEP_DUE + timedelta(hours=1)) == TIMER_SLACK, "passed: look at once"


def test_the_default_horizon_is_the_study_days_end_and_a_wait_is_capped() -> None:
    clock = ViewClock()
    clock.read_at(READ, UTC)
    assert clock.changes_at == datetime(2026, 3, 11, tzinfo=UTC)
    assert clock.wait(READ) == LONGEST_WAIT, "two hours away: the clock is read again first"


def test_a_clock_set_back_over_the_days_start_or_a_new_day_start_hour_is_stale() -> None:
    """Neither reaches the horizon, yet today is another day than the one shown."""
    clock = ViewClock(lambda _now, _tz: STEP_DUE)
    clock.read_at(READ, UTC)
    assert clock.stale(READ - timedelta(days=1), UTC), "set back to yesterday"
    assert not clock.stale(READ - timedelta(hours=1), UTC), "set back within the day"
    assert clock.stale(READ, StudyZone(UTC, 23)), "22:00 is yesterday's day from 11 pm"
