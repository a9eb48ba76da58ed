"""Home's count of new cards today, `drillbit stats --json`'s and a fresh due session's
queue, after one new card was studied in each way a person can (a tester once saw Home
say 20 where `stats` said 19, after a relaunch the same day)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from fsrs import Rating

from quiz.home_view import home_view
from quiz.overview import ALL_PACKS
from quiz.study.session import Session
from quiz.workspace import StudyRequest, Workspace
from tests.conftest import FIXED_NOW, RunDrillbit


@dataclass
class Clock:
    """The app's clock, moved by hand: a relaunch reads it again."""

    moment: datetime

    def __call__(self) -> datetime:
        return self.moment


def _launch(clock: Clock) -> Workspace:
    """The app as it starts: the settings, the bundled bank and the store of DRILLBIT_HOME."""
    return Workspace.open(clock=clock)


def _three_counts(drillbit: RunDrillbit, clock: Clock) -> tuple[int, int, int]:
    """Home's new today (its view model), `stats --json`'s and a fresh due session's new
    cards, each from a fresh launch at the clock's time."""
    ws = _launch(clock)
    try:
        view = home_view(ws)
        home = view.counts.new_today
        assert view.headline()[1] == f" · {home:,} new today"  # the words Home shows
        session = ws.start_session(StudyRequest(mode="due"))
        scheduled = ws.store.schedule_columns()
        queued = sum(1 for card in session.queued if card.id not in scheduled)
    finally:
        ws.close()
    result = drillbit("stats", "--json", now=clock.moment)
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)["today"]["new"]
    return home, stats, queued


Study = Callable[[Session, Clock], None]


def _good(session: Session, clock: Clock) -> None:
    session.show()
    session.rate(Rating.Good)
    session.finish()


def _again_then_quit(session: Session, clock: Clock) -> None:
    session.show()
    session.rate(Rating.Again)  # in its learning step; the app quits, no summary


def _again_then_undo(session: Session, clock: Clock) -> None:
    session.show()
    session.rate(Rating.Again)
    session.undo()
    session.finish()


def _bury(session: Session, clock: Clock) -> None:
    session.show()
    session.set_aside(suspend=False)
    session.finish()


def _suspend(session: Session, clock: Clock) -> None:
    session.show()
    session.set_aside(suspend=True)
    session.finish()


def _skip(session: Session, clock: Clock) -> None:
    session.show()
    session.skip()
    session.finish()


def _answer_then_quit(session: Session, clock: Clock) -> None:
    session.show()
    session.rate(Rating.Good)  # quit before the summary: finish never called


def _again_then_good(session: Session, clock: Clock) -> None:
    session.show()
    card = session.rate(Rating.Again).card
    clock.moment += timedelta(minutes=10)  # its step is due: the session shows it again
    session.show()
    assert session.current is not None and session.current.id == card.id
    session.rate(Rating.Good)
    session.finish()


def _bury_then_undo(session: Session, clock: Clock) -> None:
    session.show()
    session.set_aside(suspend=False)
    session.undo()
    session.finish()


def _good_then_undo_then_another(session: Session, clock: Clock) -> None:
    session.show()
    first = session.current
    session.rate(Rating.Good)
    session.undo()
    session.skip()
    assert session.current != first
    session.show()
    session.rate(Rating.Good)
    session.finish()


WAYS: dict[str, tuple[Study, int, int]] = {
    # the way: (how, new cards it introduced, new cards it set aside)
    "good": (_good, 1, 0),
    "again then quit in its step": (_again_then_quit, 1, 0),
    "again then undo": (_again_then_undo, 0, 0),
    "bury": (_bury, 0, 1),
    "suspend": (_suspend, 0, 1),
    "skip": (_skip, 0, 0),
    "answered then quit before the summary": (_answer_then_quit, 1, 0),
    "again then good in its step": (_again_then_good, 1, 0),
    "bury then undo": (_bury_then_undo, 0, 0),
    "good, undone, then another card good": (_good_then_undo_then_another, 1, 0),
}


@pytest.mark.parametrize("per_day", [20, 9999])
@pytest.mark.parametrize("way", WAYS)
def test_one_new_card_studied_is_counted_alike_after_a_relaunch(
    drillbit: RunDrillbit, way: str, per_day: int
) -> None:
    """With the default 20 a day, the day's allowance decides the count; with 9,999, the
    bank's new cards do (a buried or suspended one is not among today's)."""
    study, introduced, set_aside = WAYS[way]
    assert drillbit("config", "new_per_day", str(per_day)).returncode == 0
    clock = Clock(FIXED_NOW)
    ws = _launch(clock)
    try:
        bank_new = home_view(ws).counts.total.new
        assert 20 < bank_new < 9999  # both limits are met: the allowance, the bank
        study(ws.start_session(StudyRequest(mode="due")), clock)
        back_home = home_view(ws).counts.new_today  # the same app, back at Home
    finally:
        ws.close()
    clock.moment += timedelta(minutes=2)
    left = min(per_day - introduced, bank_new - introduced - set_aside)
    assert back_home == left
    assert _three_counts(drillbit, clock) == (left,) * 3


@pytest.mark.parametrize(("study", "expected"), [(_good, 20), (_again_then_quit, 20)])
def test_a_new_card_studied_before_the_days_end_leaves_the_next_days_count_whole(
    drillbit: RunDrillbit, study: Study, expected: int
) -> None:
    clock = Clock(FIXED_NOW.replace(hour=3, minute=59))  # the study day starts at 4:00
    ws = _launch(clock)
    try:
        study(ws.start_session(StudyRequest(mode="due")), clock)
    finally:
        ws.close()
    assert _three_counts(drillbit, clock) == (19,) * 3
    clock.moment += timedelta(minutes=2)
    assert _three_counts(drillbit, clock) == (expected,) * 3


@pytest.mark.parametrize(("per_day", "expected"), [(10, 9), (1, 0), (0, 0), (40, 39)])
def test_new_per_day_changed_after_studying_is_counted_alike(
    drillbit: RunDrillbit, per_day: int, expected: int
) -> None:
    clock = Clock(FIXED_NOW)
    ws = _launch(clock)
    try:
        _good(ws.start_session(StudyRequest(mode="due")), clock)
    finally:
        ws.close()
    assert drillbit("config", "new_per_day", str(per_day)).returncode == 0
    assert _three_counts(drillbit, clock) == (expected,) * 3


def _planned_counts(
    drillbit: RunDrillbit, clock: Clock, stepping: str
) -> tuple[int, int, int, int]:
    """While a plan runs: Home's "N planned today" (its headline), its "All packs" row's
    `today`, `stats --json`'s `today.planned` and a fresh due session's queue but the
    card `stepping`, answered today and waiting in it for its same-day step (which the
    plan's day takes back once the step comes: study50)."""
    ws = _launch(clock)
    try:
        view = home_view(ws)
        planned = int(view.headline()[0].split()[0].replace(",", ""))
        (every,) = [
            n for row, n in zip(view.rows, view.today, strict=True) if row.pack == ALL_PACKS
        ]
        ids = [card.id for card in ws.start_session(StudyRequest(mode="due")).queued]
        assert ids.count(stepping) == 1, "the answered card waits for its step"
        queued = len(ids) - 1
    finally:
        ws.close()
    result = drillbit("stats", "--json", now=clock.moment)
    assert result.returncode == 0, result.stderr
    today = json.loads(result.stdout)["today"]
    assert today["new"] is None  # the plan's cards are today's
    return planned, every, today["planned"], queued


def test_a_new_card_studied_under_a_plan_then_cleared_is_counted_alike(
    drillbit: RunDrillbit,
) -> None:
    clock = Clock(FIXED_NOW)
    ws = _launch(clock)
    try:
        ws.change_plan("interview", (FIXED_NOW + timedelta(days=30)).date().isoformat())
        session = ws.start_session(StudyRequest(mode="due"))
        assert session.plan_mode
        assert session.current is not None
        stepping = session.current.id
        _good(session, clock)
    finally:
        ws.close()
    clock.moment += timedelta(minutes=2)
    planned = _planned_counts(drillbit, clock, stepping)
    assert planned[0] > 0 and planned == (planned[0],) * 4
    ws = _launch(clock)
    try:
        ws.change_plan("interview", "")
    finally:
        ws.close()
    assert _three_counts(drillbit, clock) == (19,) * 3


def test_a_new_card_shown_before_the_days_end_and_answered_after_is_the_new_days(
    drillbit: RunDrillbit,
) -> None:
    clock = Clock(FIXED_NOW.replace(hour=3, minute=59))
    ws = _launch(clock)
    try:
        session = ws.start_session(StudyRequest(mode="due"))
        session.show()
        clock.moment += timedelta(minutes=2)  # 4:01: a new study day
        session.rate(Rating.Good)
    finally:
        ws.close()
    clock.moment += timedelta(minutes=1)
    assert _three_counts(drillbit, clock) == (19,) * 3
