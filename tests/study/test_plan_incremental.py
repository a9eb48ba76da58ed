"""The forecast after an answer, from the previous forecast's recalls (fortieth round):
`PlanCache` hands the last pass's recalls of its last finished forecast to the next one
(`RecallCache`'s `earlier`), so the cards an answer did not move are not priced again.
What it gives must be what a cold `plan_status` gives, `==` on the whole status with its
forecast; anything but the same cards, plan, day, zone and scheduler settings starts cold.
And `takes_steps`' day check without a local date for a review days before the day.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fsrs import Rating, Scheduler
from hypothesis import given, settings
from hypothesis import strategies as st

import quiz.study.plan.curve
from quiz.store import Store
from quiz.study.cards import StudyCard
from quiz.study.days import StudyZone, date_start, local_date
from quiz.study.plan.new_cards import _SURELY_ANOTHER_DAY
from quiz.study.plan_cache import PlanCache
from quiz.study.plan_status import PlanStatus, plan_status
from tests.study.test_plan import START, a_mixed_deck, plan_session, yesterday_s_plan

CARDS = a_mixed_deck(90)


def _forecast(
    cache: PlanCache,
    store: Store,
    moment: datetime,
    scheduler: Scheduler,
    cards: Sequence[StudyCard] = CARDS,
) -> PlanStatus:
    found = cache.status(store, cards, moment, tz=UTC, scheduler=scheduler, with_forecast=True)
    assert found is not None and found.forecast
    return found


def _cold(
    store: Store, moment: datetime, scheduler: Scheduler, cards: Sequence[StudyCard] = CARDS
) -> PlanStatus:
    found = plan_status(store, cards, moment, tz=UTC, scheduler=scheduler, with_forecast=True)
    assert found is not None
    return found


@pytest.fixture
def worked_out(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many card states the last pass's recalls were worked out for (not moved from an
    earlier cache), one count per call of `_work_out` that computed any."""
    counted: list[int] = []
    real = quiz.study.plan.curve._recall_after_review_fsrs
    plain = quiz.study.plan.curve._PlainReviews.recalls

    def fsrs_counted(*args: object, **kwargs: object) -> float:
        counted.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    def plain_counted(self: object, whens: Sequence[datetime], start: datetime) -> list[float]:
        counted.extend([1] * len(whens))
        return plain(self, whens, start)  # type: ignore[arg-type]

    monkeypatch.setattr(quiz.study.plan.curve, "_recall_after_review_fsrs", fsrs_counted)
    monkeypatch.setattr(quiz.study.plan.curve._PlainReviews, "recalls", plain_counted)
    return counted


RATINGS = st.sampled_from([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy])


@settings(max_examples=12, deadline=None)
@given(
    days=st.sampled_from([4, 9, 14]),
    minutes=st.sampled_from([10.0, 30.0]),
    # each step: the rating, the seconds the answer took, and the hours waited after it
    steps=st.lists(
        st.tuples(RATINGS, st.integers(2, 90), st.sampled_from([0, 0, 1, 3])),
        min_size=1,
        max_size=5,
    ),
)
def test_the_forecast_after_answers_is_the_cold_one(
    days: int, minutes: float, steps: list[tuple[Rating, int, int]]
) -> None:
    """Random answers of a due session at a fake clock: after each, the forecast from the
    kept recalls equals a cold one, `==` on the whole status with its forecast."""
    scheduler = Scheduler(enable_fuzzing=False)
    with tempfile.TemporaryDirectory(prefix="incremental-") as scratch:
        store = Store.open(Path(scratch) / "drillbit.db", now=START)
        try:
            store.set_interview_plan(yesterday_s_plan(days, minutes=minutes))
            cache = PlanCache()
            assert _forecast(cache, store, START, scheduler) == _cold(store, START, scheduler)
            session = plan_session(store, CARDS, START, scheduler)
            moment = START
            for rating, seconds, hours in steps:
                if session.current is None:
                    break
                session.show(now=moment)
                moment += timedelta(seconds=seconds)
                session.rate(rating, now=moment, duration_ms=seconds * 1000)
                assert _forecast(cache, store, moment, scheduler) == _cold(store, moment, scheduler)
                moment += timedelta(hours=hours)
        finally:
            store.close()


def test_after_one_answer_only_the_moved_states_are_priced(
    store: Store, worked_out: list[int], earlier_given: list[bool]
) -> None:
    """The saving itself: a forecast after one answer works out far fewer recalls than
    the first (every state), and still equals a cold one."""
    scheduler = Scheduler(enable_fuzzing=False)
    store.set_interview_plan(yesterday_s_plan(14, minutes=10.0))
    cache = PlanCache()
    _forecast(cache, store, START, scheduler)
    cold_count = len(worked_out)
    assert cold_count > 20, "the scenario has a last pass to price"
    session = plan_session(store, CARDS, START, scheduler)
    session.show(now=START)
    moment = START + timedelta(seconds=20)
    session.rate(Rating.Good, now=moment, duration_ms=20_000)
    worked_out.clear()
    after = _forecast(cache, store, moment, scheduler)
    assert earlier_given == [False, True]
    assert len(worked_out) < cold_count / 2, (len(worked_out), cold_count)
    assert after == _cold(store, moment, scheduler)


def _answered(store: Store, scheduler: Scheduler) -> datetime:
    session = plan_session(store, CARDS, START, scheduler)
    session.show(now=START)
    moment = START + timedelta(seconds=20)
    session.rate(Rating.Good, now=moment, duration_ms=20_000)
    return moment


def test_other_scheduler_settings_start_cold(store: Store, earlier_given: list[bool]) -> None:
    """Kept recalls are fsrs's with one scheduler's parameters: with others (new
    settings) they are wrong, so the forecast starts cold and equals a cold one."""
    first = Scheduler(enable_fuzzing=False)
    weights = list(first.parameters)
    weights[8] += 0.9  # recall stability grows faster: every review's recall changes
    weights[11] -= 0.5
    other = Scheduler(parameters=tuple(weights), enable_fuzzing=False)
    store.set_interview_plan(yesterday_s_plan(14, minutes=10.0))
    cache = PlanCache()
    _forecast(cache, store, START, first)
    moment = _answered(store, first)
    assert _forecast(cache, store, moment, other) == _cold(store, moment, other)
    assert earlier_given == [False, False, False]  # the last: the cold one's


def test_a_plan_edit_starts_cold(store: Store, earlier_given: list[bool]) -> None:
    scheduler = Scheduler(enable_fuzzing=False)
    store.set_interview_plan(yesterday_s_plan(14, minutes=10.0))
    cache = PlanCache()
    _forecast(cache, store, START, scheduler)
    store.set_interview_plan(replace(yesterday_s_plan(14, minutes=10.0), target=0.8))
    moment = START + timedelta(minutes=1)
    assert _forecast(cache, store, moment, scheduler) == _cold(store, moment, scheduler)
    assert earlier_given == [False, False, False]  # the last: the cold one's


def test_a_new_day_starts_cold(store: Store, earlier_given: list[bool]) -> None:
    scheduler = Scheduler(enable_fuzzing=False)
    store.set_interview_plan(yesterday_s_plan(14, minutes=10.0))
    cache = PlanCache()
    _forecast(cache, store, START, scheduler)
    tomorrow = START + timedelta(days=1)
    assert _forecast(cache, store, tomorrow, scheduler) == _cold(store, tomorrow, scheduler)
    assert earlier_given == [False, False, False]  # the last: the cold one's


def test_other_cards_start_cold(store: Store, earlier_given: list[bool]) -> None:
    """A reloaded bank (a card added or removed is a new list of cards)."""
    scheduler = Scheduler(enable_fuzzing=False)
    store.set_interview_plan(yesterday_s_plan(14, minutes=10.0))
    cache = PlanCache()
    _forecast(cache, store, START, scheduler)
    moment = _answered(store, scheduler)
    fewer = CARDS[:-3]
    found = _forecast(cache, store, moment, scheduler, fewer)
    assert found == _cold(store, moment, scheduler, fewer)
    assert earlier_given == [False, False, False]  # the last: the cold one's


def test_a_restored_history_still_equals_a_cold_forecast(
    store: Store, tmp_path: Path, earlier_given: list[bool]
) -> None:
    """A restore (`drillbit import-progress` of another home's answers) only moves states:
    the kept recalls of the states it left are still right, the forecast a cold one's."""
    from quiz.store.backup import import_progress
    from quiz.store.backup_export import export_progress

    scheduler = Scheduler(enable_fuzzing=False)
    store.set_interview_plan(yesterday_s_plan(14, minutes=10.0))
    cache = PlanCache()
    _forecast(cache, store, START, scheduler)
    with Store.open(tmp_path / "elsewhere.db", now=START) as elsewhere:
        elsewhere.set_interview_plan(yesterday_s_plan(14, minutes=10.0))
        moment = _answered(elsewhere, scheduler)
        export_progress(elsewhere, tmp_path / "backup.json", now=moment)
    import_progress(store, tmp_path / "backup.json", now=moment)
    restored = _forecast(cache, store, moment, scheduler)
    assert restored == _cold(store, moment, scheduler)
    assert restored.on_the_day.seen == 1
    assert earlier_given == [False, True, False]


def test_a_stopped_forecast_keeps_no_recalls(
    store: Store, monkeypatch: pytest.MonkeyPatch, earlier_given: list[bool]
) -> None:
    """A forecast stopped half-way (the app quit) has moved part of the earlier recalls:
    the next one starts cold rather than from half of them."""
    import quiz.study.plan.day_selection
    import quiz.study.plan.forecast_days
    from quiz.study.plan import ForecastStopped

    scheduler = Scheduler(enable_fuzzing=False)
    store.set_interview_plan(yesterday_s_plan(14, minutes=10.0))
    cache = PlanCache()
    _forecast(cache, store, START, scheduler)
    moment = _answered(store, scheduler)
    real = quiz.study.plan.day_selection.plan_day

    def failing(*args: object, **kwargs: object) -> object:
        raise ForecastStopped("stopped")

    monkeypatch.setattr(quiz.study.plan.forecast_days, "plan_day", failing)
    with pytest.raises(ForecastStopped):
        _forecast(cache, store, moment, scheduler)
    monkeypatch.setattr(quiz.study.plan.forecast_days, "plan_day", real)
    later = moment + timedelta(seconds=1)
    assert _forecast(cache, store, later, scheduler) == _cold(store, later, scheduler)
    assert earlier_given == [False, True, False, False]  # the last: the cold one's


ZONES = (
    UTC,
    ZoneInfo("America/New_York"),
    ZoneInfo("Pacific/Apia"),  # skipped 2011-12-30: its offset moved by a whole day
    ZoneInfo("Australia/Lord_Howe"),  # half-hour daylight saving
    StudyZone(ZoneInfo("Europe/London"), 4),
    StudyZone(ZoneInfo("America/New_York"), 1),  # the day starts in the repeated hour
    StudyZone(ZoneInfo("Pacific/Apia"), 23),
)


@settings(max_examples=300, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    today=st.dates(date(2011, 12, 20), date(2012, 1, 10))
    | st.dates(date(2026, 3, 1), date(2026, 11, 30)),
    before=st.integers(0, 6 * 24 * 60),
)
def test_a_review_surely_before_the_day_is_on_an_earlier_day(
    zone: tzinfo, today: date, before: int
) -> None:
    """`takes_steps` skips working out the local date of a review made `_SURELY_ANOTHER_DAY`
    or more before the day's start: it must be an earlier study day in every zone (daylight
    saving, a day's start in the repeated hour, a zone that skipped a day)."""
    start = date_start(today, zone)
    moment = start - _SURELY_ANOTHER_DAY - timedelta(minutes=before)
    assert local_date(moment, zone) < today
    # and the margin is not so wide that it keeps nothing out: a week is always before
    assert local_date(start - timedelta(days=7), zone) < today
