"""The plan's status kept between Home's line, its warning, the stats screen and `d`
(`PlanCache`): exactly what `plan_status` gives, computed again once the store, the day or
the clock's next event says it may have changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fsrs import Scheduler

import quiz.study.plan
from quiz.store import Store
from quiz.study.plan_cache import PlanCache
from quiz.study.plan_status import PlanStatus, plan_status
from tests.study.test_plan import (
    START,
    a_mixed_deck,
    a_plan,
    answer_current,
    plan_session,
    yesterday_s_plan,
)

CARDS = a_mixed_deck(120)


def fresh(
    store: Store, scheduler: Scheduler, moment: datetime, *, with_forecast: bool = True
) -> PlanStatus | None:
    return plan_status(
        store, CARDS, moment, tz=UTC, scheduler=scheduler, with_forecast=with_forecast
    )


def kept_by(cache: PlanCache, store: Store, scheduler: Scheduler) -> Callable[..., PlanStatus]:
    def status(moment: datetime, *, with_forecast: bool = False) -> PlanStatus:
        found = cache.status(
            store, CARDS, moment, tz=UTC, scheduler=scheduler, with_forecast=with_forecast
        )
        assert found is not None
        return found

    return status


def test_the_kept_status_is_plan_status_s_and_its_forecast_is_computed_once(
    store: Store, scheduler: Scheduler, forecasts: list[datetime]
) -> None:
    store.set_interview_plan(yesterday_s_plan(14))
    status = kept_by(PlanCache(), store, scheduler)
    line = status(START)  # Home's line: no forecast
    assert line == fresh(store, scheduler, START, with_forecast=False)
    assert line.forecast == () and forecasts == []
    warning = status(START + timedelta(seconds=2), with_forecast=True)  # Home's worker
    # exactly plan_status's at the moment the line was counted, the forecast included
    assert warning == fresh(store, scheduler, START)
    assert warning.forecast and forecasts == [START, START]  # ours, then fresh's
    forecasts.clear()
    later = START + timedelta(hours=2)
    assert status(later, with_forecast=True) is warning, "the stats screen: none computed"
    assert status(later) is line, "Home counting again"
    assert forecasts == []


def test_an_answer_a_new_plan_and_a_new_day_compute_it_again(
    store: Store, scheduler: Scheduler, forecasts: list[datetime]
) -> None:
    store.set_interview_plan(yesterday_s_plan(14))
    status = kept_by(PlanCache(), store, scheduler)
    morning = status(START, with_forecast=True)
    assert morning.today is not None
    # an answer in a due session
    session = plan_session(store, CARDS, START, scheduler)
    moment = answer_current(session, START, 20.0)
    answered = status(moment, with_forecast=True)
    assert answered == fresh(store, scheduler, moment)
    assert len(answered.offered) == len(morning.offered) - 1
    # the plan changed (`drillbit plan --minutes-per-day`)
    store.set_interview_plan(replace(yesterday_s_plan(14), minutes_per_day=90.0))
    moment += timedelta(minutes=1)
    more = status(moment, with_forecast=True)
    assert more == fresh(store, scheduler, moment)
    assert more.plan.minutes_per_day == 90.0 and len(more.offered) > len(answered.offered)
    # the next day, nothing written since
    forecasts.clear()
    tomorrow = START + timedelta(days=1)
    next_day = status(tomorrow, with_forecast=True)
    assert next_day == fresh(store, scheduler, tomorrow)
    assert next_day.days_left == more.days_left - 1
    assert forecasts == [tomorrow, tomorrow]


def test_an_import_through_another_connection_computes_it_again(
    store: Store, scheduler: Scheduler, tmp_path: Path
) -> None:
    # `drillbit import-progress` or `drillbit plan` in another shell: SQLite's
    # data_version tells this connection that the file changed
    store.set_interview_plan(yesterday_s_plan(14))
    status = kept_by(PlanCache(), store, scheduler)
    before = status(START, with_forecast=True)
    with Store.open(tmp_path / "drillbit.db", now=START) as other:
        session = plan_session(other, CARDS, START, scheduler)
        moment = answer_current(session, START, 20.0)
        other.set_interview_plan(replace(yesterday_s_plan(14), target=0.8))
    after = status(moment, with_forecast=True)
    assert after == fresh(store, scheduler, moment)
    assert after.plan.target == 0.8 and len(after.offered) == len(before.offered) - 1


def test_a_same_day_step_falling_due_computes_it_again(store: Store, scheduler: Scheduler) -> None:
    # the day takes fsrs's same-day steps: four first looks come back among the day's
    # reviews when their steps fall due, with nothing written meanwhile (Home counts again
    # by itself then)
    store.set_interview_plan(yesterday_s_plan(14))
    status = kept_by(PlanCache(), store, scheduler)
    session = plan_session(store, CARDS, START, scheduler)
    moment = START
    for _answer in range(4):
        moment = answer_current(session, moment, 3.0)
    session.finish(now=moment)
    just_after = status(moment)
    assert just_after.today is not None and just_after.today.same_day_steps
    assert just_after.today.reviews == ()
    later = START + timedelta(hours=6)
    stepped = status(later, with_forecast=True)
    assert stepped == fresh(store, scheduler, later)
    assert len(stepped.today.reviews) == 4  # type: ignore[union-attr]


def test_new_settings_or_a_reloaded_bank_compute_it_again(
    store: Store, scheduler: Scheduler
) -> None:
    store.set_interview_plan(a_plan(14))
    cache = PlanCache()
    first = cache.status(store, CARDS, START, tz=UTC, scheduler=scheduler)
    assert cache.status(store, CARDS, START, tz=UTC, scheduler=scheduler) is first
    other = Scheduler(enable_fuzzing=False, desired_retention=0.8)
    assert cache.status(store, CARDS, START, tz=UTC, scheduler=other) is not first
    fewer = CARDS[:60]
    kept = cache.status(store, fewer, START, tz=UTC, scheduler=other)
    assert kept == plan_status(store, fewer, START, tz=UTC, scheduler=other)
    assert kept is not None and kept.today is not None and first is not None
    assert kept.today != first.today


def test_the_forecast_stops_once_the_store_is_closed(
    store: Store, scheduler: Scheduler, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app quit while Home's worker computed the plan's forecast waited for all of it
    (147 s in tmux on a heavy home 46 days before the interview, at load 25): closing the
    store (the app's exit) stops it before its next day, and no forecast is kept."""
    from quiz.study.plan import ForecastStopped

    store.set_interview_plan(yesterday_s_plan(14))
    cache = PlanCache()
    kept_by(cache, store, scheduler)(START)  # Home's line: today decided, no forecast
    days: list[int] = []
    real = quiz.study.plan.day_selection.plan_day

    def quitting(*args: Any, **kwargs: Any) -> Any:
        days.append(1)
        store.close()  # the app quits during the forecast's first planned day
        return real(*args, **kwargs)

    monkeypatch.setattr(quiz.study.plan.forecast_days, "plan_day", quitting)
    with pytest.raises(ForecastStopped):
        cache.status(store, CARDS, START, tz=UTC, scheduler=scheduler, with_forecast=True)
    assert days == [1], "no day planned after the store closed"
    assert not cache.has_forecast()


def test_the_forecast_is_whole_while_the_store_is_open(store: Store, scheduler: Scheduler) -> None:
    """Nothing stops a forecast of an open store: every day to the interview."""
    store.set_interview_plan(yesterday_s_plan(14))
    cache = PlanCache()
    found = kept_by(cache, store, scheduler)(START, with_forecast=True)
    assert len(found.forecast) == 14 and cache.has_forecast()
