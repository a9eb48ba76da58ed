"""A plan-mode session's list ends when its study day ends in the zone the app follows
now (fiftieth round): since study49 the session followed a change of the machine's zone,
but kept the day end it began with, so a session begun in UTC went on with the old day's
list after a move east while Home and a restart counted the next day's, and ended a move
west while Home still counted its day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from fsrs import Scheduler

from quiz.store import InterviewPlan, Store
from quiz.study.days import StudyZone, local_date
from tests.study.plan_walks import CARDS, Zone, plan_session

UTC4 = StudyZone(UTC, 4)
TOKYO = StudyZone(ZoneInfo("Asia/Tokyo"), 4)
NEW_YORK = StudyZone(ZoneInfo("America/New_York"), 4)
SCHEDULER = Scheduler(enable_fuzzing=False)


def _plan_store(tmp_path: Path, start: datetime) -> Store:
    store = Store.open(tmp_path / "db.sqlite", now=start)
    interview = start.date() + timedelta(days=10)
    store.set_interview_plan(InterviewPlan(interview, 30.0, 0.9, start - timedelta(days=1)))
    return store


def test_moved_east_the_old_day_s_list_ends_when_home_counts_the_next_day(
    tmp_path: Path,
) -> None:
    start = datetime(2026, 3, 10, 18, 0, tzinfo=UTC)  # 18:00 UTC: the day ends at 04:00 UTC
    with _plan_store(tmp_path, start) as store:
        zone = Zone(UTC4)
        session, _ = plan_session(store, CARDS, start, zone, SCHEDULER)
        assert session.current is not None
        assert session.day_ends == datetime(2026, 3, 11, 4, 0, tzinfo=UTC)
        zone.zone = TOKYO  # 20:00 UTC is 05:00 on the 11th in Tokyo: its next study day
        later = start + timedelta(hours=2)
        session.show(now=later)
        assert local_date(later, TOKYO) == local_date(start, UTC4) + timedelta(days=1)
        assert session.day_ends == datetime(2026, 3, 10, 19, 0, tzinfo=UTC), "04:00 Tokyo"
        assert session.current is None and session.day_ended, "the old day's list ends"
        fresh, planned = plan_session(store, CARDS, later, zone, SCHEDULER)
        assert planned is not None and fresh.current is not None, "a restart has the new day's"
        assert fresh.day_ends == datetime(2026, 3, 11, 19, 0, tzinfo=UTC)


def test_moved_west_the_day_s_list_goes_on_while_home_counts_its_day(tmp_path: Path) -> None:
    start = datetime(2026, 3, 11, 1, 0, tzinfo=UTC)  # the 10th's study day until 04:00 UTC
    with _plan_store(tmp_path, start) as store:
        zone = Zone(UTC4)
        session, _ = plan_session(store, CARDS, start, zone, SCHEDULER)
        before = [card.id for card in session.queued]
        assert before and session.day_ends == datetime(2026, 3, 11, 4, 0, tzinfo=UTC)
        zone.zone = NEW_YORK  # 01:00 UTC is 21:00 on the 10th in New York
        after_four = datetime(2026, 3, 11, 5, 0, tzinfo=UTC)  # 01:00 in New York: the 10th's
        session.show(now=after_four)
        assert session.day_ends == datetime(2026, 3, 11, 8, 0, tzinfo=UTC), "04:00 New York"
        assert not session.day_ended and [card.id for card in session.queued] == before
        fresh, planned = plan_session(store, CARDS, after_four, zone, SCHEDULER)
        assert planned is not None and [card.id for card in fresh.queued] == before
        assert len(planned.offered) == session.remaining, "Home counts the session's day"
        session.show(now=datetime(2026, 3, 11, 8, 0, tzinfo=UTC))
        assert session.current is None and session.day_ended, "... until it ends there"


def test_moved_west_over_the_day_s_start_the_list_of_the_next_day_ends(tmp_path: Path) -> None:
    """05:00 UTC on the 11th is the 11th's study day in UTC, and 01:00 on the 11th in New
    York: the 10th's study day there, which Home and a restart count. The session's list
    is the 11th's: it ends at the next card, saying why."""
    start = datetime(2026, 3, 11, 5, 0, tzinfo=UTC)
    with _plan_store(tmp_path, start) as store:
        zone = Zone(UTC4)
        session, _ = plan_session(store, CARDS, start, zone, SCHEDULER)
        assert session.current is not None
        zone.zone = NEW_YORK
        later = start + timedelta(minutes=1)
        session.show(now=later)
        assert local_date(later, NEW_YORK) == local_date(start, UTC4) - timedelta(days=1)
        assert session.current is None and session.day_ended
        summary = session.finish(now=later)
        assert summary.note is not None
        assert summary.note.startswith("The time zone moved back into the day before: ")
        fresh, planned = plan_session(store, CARDS, later, zone, SCHEDULER)
        assert planned is not None and fresh.day_ends == datetime(2026, 3, 11, 8, 0, tzinfo=UTC)
