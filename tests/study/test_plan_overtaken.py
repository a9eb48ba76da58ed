"""A forecast overtaken by answers (fifty-sixth round): `PlanCache.status` given the clock
drops a forecast once the store is written before it is done, and gives the status of the
store as it is then, with its forecast, from the recalls the dropped one priced. Whatever
it gives must be what a cold `plan_status` gives at the clock's time then: `==` on the
whole status (today's counts, readiness, every forecast point); with a fixed moment the
forecast is computed to its end, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating, Scheduler

import quiz.study.plan.curve
from quiz.store import Store
from quiz.study.plan_cache import PlanCache
from quiz.study.plan_status import PlanStatus, plan_status, status_with_forecast
from quiz.study.session import Session
from tests.study.test_plan import START, a_mixed_deck, plan_session, yesterday_s_plan

CARDS = a_mixed_deck(90)


class Clock:
    """A fake clock the test moves, and the session it answers with."""

    def __init__(self, store: Store, scheduler: Scheduler) -> None:
        self.moment = START
        self.store, self.scheduler = store, scheduler
        self.session: Session | None = None
        self.answered = 0

    def __call__(self) -> datetime:
        return self.moment

    def answer(self, rating: Rating = Rating.Good, seconds: int = 15) -> bool:
        """Answer the session's current card `seconds` later; False when none is left."""
        if self.session is None:
            self.session = plan_session(self.store, CARDS, self.moment, self.scheduler)
        if self.session.current is None:
            return False
        self.session.show(now=self.moment)
        self.moment += timedelta(seconds=seconds)
        self.session.rate(rating, now=self.moment, duration_ms=seconds * 1000)
        self.answered += 1
        return True


def _cold(store: Store, moment: datetime, scheduler: Scheduler) -> PlanStatus:
    found = plan_status(store, CARDS, moment, tz=UTC, scheduler=scheduler, with_forecast=True)
    assert found is not None and found.forecast
    return found


@pytest.fixture
def forecasts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each forecast `PlanCache` started: 'done' or 'dropped' (stopped by an answer)."""
    ended: list[str] = []
    real = status_with_forecast  # what plan_cache calls

    def counted(*args: object, **kwargs: object) -> PlanStatus:
        try:
            found = real(*args, **kwargs)  # type: ignore[arg-type]
        except Exception:
            ended.append("dropped")
            raise
        ended.append("done")
        return found

    monkeypatch.setattr(quiz.study.plan_cache, "status_with_forecast", counted)
    return ended


def _answers_at_checks(
    store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch, at: dict[int, int]
) -> None:
    """Make the forecast's `k`-th check of the store (before each of its days) answer
    `at[k]` cards first, as a person answering while Home's worker computes."""
    checks = [0]

    def answering() -> bool:
        checks[0] += 1
        for _ in range(at.pop(checks[0], 0)):
            clock.answer(Rating.Again if clock.answered % 4 == 3 else Rating.Good)
        return Store.is_closed(store)

    monkeypatch.setattr(store, "is_closed", answering)


def test_answers_during_the_forecast_give_the_newest_cold_one(
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    forecasts: list[str],
    earlier_given: list[bool],
) -> None:
    """A run of answers, some given while a forecast is computed (at its 3rd day, then
    two at its 6th): after each request the status given is a cold one's at the clock's
    time then, and each dropped forecast was followed by one for the newer store, from
    the recalls already priced."""
    scheduler = Scheduler(enable_fuzzing=False)
    store.set_interview_plan(yesterday_s_plan(14, minutes=30.0))
    cache = PlanCache()
    clock = Clock(store, scheduler)
    first = cache.status(store, CARDS, clock, tz=UTC, scheduler=scheduler, with_forecast=True)
    assert first == _cold(store, clock(), scheduler)
    assert forecasts == ["done"]
    for step in range(6):
        assert clock.answer(Rating.Hard if step == 2 else Rating.Good), (step, clock.answered)
        # answers while the forecast runs on every other request
        during = {3: 1} if step % 2 == 0 else {6: 2} if step == 3 else {}
        _answers_at_checks(store, clock, monkeypatch, dict(during))
        before = clock.answered
        forecasts.clear()
        earlier_given.clear()
        found = cache.status(store, CARDS, clock, tz=UTC, scheduler=scheduler, with_forecast=True)
        # each forecast started from the one before's recalls, a dropped one's included
        # (what it priced and what it had not asked yet)
        assert earlier_given == [True] * len(forecasts)
        assert found == _cold(store, clock(), scheduler)
        assert found is not None and found.line() == _cold(store, clock(), scheduler).line()
        answered_during = clock.answered - before
        assert answered_during == sum(during.values())
        assert forecasts == ["dropped"] * (1 if during else 0) + ["done"]


def test_a_fixed_moment_computes_the_forecast_to_its_end(
    store: Store, monkeypatch: pytest.MonkeyPatch, forecasts: list[str]
) -> None:
    """Given a moment, not the clock, an answer during the forecast does not drop it: the
    status of the store as it was read at that moment is given, whole (a caller that
    asked for that moment gets it), and the next request computes the newer one."""
    scheduler = Scheduler(enable_fuzzing=False)
    store.set_interview_plan(yesterday_s_plan(14, minutes=10.0))
    clock = Clock(store, scheduler)
    assert clock.answer()
    asked = clock()
    before = _cold(store, asked, scheduler)
    cache = PlanCache()
    _answers_at_checks(store, clock, monkeypatch, {3: 1})
    found = cache.status(store, CARDS, asked, tz=UTC, scheduler=scheduler, with_forecast=True)
    assert clock.answered == 2
    assert forecasts == ["done"]
    assert found == before
    newer = cache.status(store, CARDS, clock(), tz=UTC, scheduler=scheduler, with_forecast=True)
    assert newer == _cold(store, clock(), scheduler) != before


def test_a_closed_store_still_stops_the_forecast(
    store: Store, monkeypatch: pytest.MonkeyPatch, forecasts: list[str]
) -> None:
    """The app quit while the forecast runs: ForecastStopped, as before, given the clock."""
    from quiz.study.plan import ForecastStopped

    scheduler = Scheduler(enable_fuzzing=False)
    store.set_interview_plan(yesterday_s_plan(14, minutes=10.0))
    clock = Clock(store, scheduler)
    cache = PlanCache()
    cache.status(store, CARDS, clock, tz=UTC, scheduler=scheduler)
    calls = [0]

    def closing_at_third() -> bool:
        calls[0] += 1
        return calls[0] >= 3

    monkeypatch.setattr(store, "is_closed", closing_at_third)
    with pytest.raises(ForecastStopped):
        cache.status(store, CARDS, clock, tz=UTC, scheduler=scheduler, with_forecast=True)
    assert forecasts == ["dropped"]


@pytest.fixture
def priced(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per recall the last pass worked out (not moved from an earlier cache)."""
    counted: list[int] = []
    real_fsrs = quiz.study.plan.curve._recall_after_review_fsrs
    real_plain = quiz.study.plan.curve._PlainReviews.recalls

    def fsrs_counted(*args: object, **kwargs: object) -> float:
        counted.append(1)
        return real_fsrs(*args, **kwargs)  # type: ignore[arg-type]

    def plain_counted(self: object, whens: Sequence[datetime], start: datetime) -> list[float]:
        counted.extend([1] * len(whens))
        return real_plain(self, whens, start)  # type: ignore[arg-type]

    monkeypatch.setattr(quiz.study.plan.curve, "_recall_after_review_fsrs", fsrs_counted)
    monkeypatch.setattr(quiz.study.plan.curve._PlainReviews, "recalls", plain_counted)
    return counted


def test_the_dropped_forecast_s_recalls_serve_the_next(
    store: Store, monkeypatch: pytest.MonkeyPatch, forecasts: list[str], priced: list[int]
) -> None:
    """The forecast after a dropped one prices few recalls: those the dropped one moved
    over and those it had not asked yet both serve it (without the latter it priced
    most states again), and it still equals a cold one."""
    scheduler = Scheduler(enable_fuzzing=False)
    store.set_interview_plan(yesterday_s_plan(14, minutes=10.0))
    cache = PlanCache()
    clock = Clock(store, scheduler)
    cache.status(store, CARDS, clock, tz=UTC, scheduler=scheduler, with_forecast=True)
    cold_count = len(priced)
    assert cold_count > 20, "the scenario has a last pass to price"
    assert clock.answer()
    _answers_at_checks(store, clock, monkeypatch, {2: 1})  # before any state is asked
    priced.clear()
    forecasts.clear()
    found = cache.status(store, CARDS, clock, tz=UTC, scheduler=scheduler, with_forecast=True)
    assert forecasts == ["dropped", "done"]
    assert len(priced) < cold_count / 2, (len(priced), cold_count)
    assert found == _cold(store, clock(), scheduler)
