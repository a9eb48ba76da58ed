"""The plan-followed forecast kept on disk between starts (`quiz.plan_file`, keyed by
`quiz.study.plan_kept`): a second
start the same study day takes the first one's forecast, which is the one a cold computation
gives, and anything the forecast reads (an answer, the plan, the day, the cards, the
scheduler, the code) keeps it from being taken."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fsrs import Scheduler

from quiz import plan_file
from quiz.bank import cachefile
from quiz.store import Store
from quiz.study import plan_kept
from quiz.study.plan_cache import PlanCache
from quiz.study.plan_status import PlanStatus, plan_status
from tests.study.test_plan import (
    START,
    C,
    a_mixed_deck,
    answer_current,
    plan_session,
    yesterday_s_plan,
)

CARDS = a_mixed_deck(120)


def a_start(
    store: Store,
    moment: datetime,
    *,
    cards: list[C] = CARDS,
    scheduler: Scheduler | None = None,
) -> PlanStatus:
    """Home's plan line with its forecast in a new process: a fresh `PlanCache`."""
    found = PlanCache(shelf=plan_file.ForecastFile()).status(
        store,
        cards,
        moment,
        tz=UTC,
        scheduler=scheduler or Scheduler(enable_fuzzing=False),
        with_forecast=True,
    )
    assert found is not None
    return found


def cold(store: Store, moment: datetime, *, cards: list[C] = CARDS) -> PlanStatus:
    found = plan_status(
        store, cards, moment, tz=UTC, scheduler=Scheduler(enable_fuzzing=False), with_forecast=True
    )
    assert found is not None
    return found


def test_a_second_start_the_same_day_takes_the_kept_forecast_which_is_the_cold_one(
    store: Store, forecasts: list[datetime]
) -> None:
    store.set_interview_plan(yesterday_s_plan(14))
    first = a_start(store, START)
    assert forecasts == [START] and plan_file.cache_path().is_file()
    later = START + timedelta(hours=3)
    second = a_start(store, later)
    assert forecasts == [START], "the second start computed no forecast"
    assert len(second.forecast) == 14
    assert second == first  # the status counted again is the same, its forecast the kept one
    assert second.forecast == cold(store, START).forecast
    assert all(type(point.followed) is float for point in second.forecast)


def test_an_answer_the_plan_and_a_new_day_each_compute_it_again(
    store: Store, scheduler: Scheduler, forecasts: list[datetime]
) -> None:
    store.set_interview_plan(yesterday_s_plan(14))
    morning = a_start(store, START)
    # an answer: the card's state moves (and today's list loses it)
    session = plan_session(store, CARDS, START, scheduler)
    moment = answer_current(session, START, 20.0)
    session.finish(now=moment)
    forecasts.clear()
    answered = a_start(store, moment)
    assert forecasts == [moment]
    assert answered.forecast == cold(store, moment).forecast
    assert answered.forecast != morning.forecast
    # the plan: more minutes a day
    store.set_interview_plan(replace(yesterday_s_plan(14), minutes_per_day=90.0))
    forecasts.clear()
    more = a_start(store, moment)
    assert forecasts == [moment] and more.forecast == cold(store, moment).forecast
    # the plan again: another target, the same minutes
    store.set_interview_plan(replace(yesterday_s_plan(14), minutes_per_day=90.0, target=0.8))
    forecasts.clear()
    a_start(store, moment)
    assert forecasts == [moment]
    # the next day, nothing written since
    tomorrow = moment + timedelta(days=1)
    forecasts.clear()
    next_day = a_start(store, tomorrow)
    assert forecasts == [tomorrow]
    assert next_day.forecast == cold(store, tomorrow).forecast
    assert len(next_day.forecast) == len(more.forecast) - 1
    # and each of them is kept in turn: the next day's second start computes nothing
    forecasts.clear()
    assert a_start(store, tomorrow + timedelta(hours=1)) == next_day
    assert forecasts == []


def test_other_cards_or_scheduler_settings_compute_it_again(
    store: Store, forecasts: list[datetime]
) -> None:
    store.set_interview_plan(yesterday_s_plan(14))
    a_start(store, START)
    edited = [replace(card, topic="probability") if card.id == "c005" else card for card in CARDS]
    fewer = CARDS[:-1]
    drill = [replace(card, kind="coding") if card.id == "c004" else card for card in CARDS]
    for cards in (edited, fewer, drill):
        forecasts.clear()
        found = a_start(store, START, cards=cards)
        assert forecasts == [START], cards[-1]
        assert found.forecast == cold(store, START, cards=cards).forecast
    forecasts.clear()
    a_start(store, START, scheduler=Scheduler(enable_fuzzing=False, desired_retention=0.8))
    assert forecasts == [START]


def test_another_drillbit_s_code_does_not_take_it(
    store: Store, forecasts: list[datetime], monkeypatch: pytest.MonkeyPatch
) -> None:
    store.set_interview_plan(yesterday_s_plan(14))
    a_start(store, START)
    monkeypatch.setattr(plan_file, "code_stamp", lambda: "another drillbit")
    forecasts.clear()
    a_start(store, START)
    assert forecasts == [START]


def test_a_damaged_or_hand_edited_file_is_a_miss_and_written_again(
    store: Store, forecasts: list[datetime]
) -> None:
    store.set_interview_plan(yesterday_s_plan(14))
    first = a_start(store, START)
    path = plan_file.cache_path()
    whole = path.read_bytes()
    path.write_bytes(whole[:-20])  # cut short: its seal no longer matches
    forecasts.clear()
    assert a_start(store, START) == first
    assert forecasts == [START] and path.read_bytes() == whole
    # sealed again by hand with a day that is not a date: refused, not trusted
    data = cachefile.read_file(path, plan_file.LIMIT)
    (key,) = data["forecasts"]
    data["forecasts"][key][0][0] = "not a day"
    cachefile.write_sealed_file(path, data, spread="forecasts", limit=plan_file.LIMIT)
    forecasts.clear()
    assert a_start(store, START) == first
    assert forecasts == [START]


def test_the_file_keeps_the_last_few_forecasts(store: Store, forecasts: list[datetime]) -> None:
    store.set_interview_plan(yesterday_s_plan(14))
    days = [START + timedelta(days=offset) for offset in range(plan_file.KEPT + 1)]
    for day in days:
        a_start(store, day)
    forecasts.clear()
    a_start(store, days[1])  # among the newest: kept
    a_start(store, days[0])  # the oldest: let go
    assert forecasts == [days[0]]


def test_the_cache_turned_off_keeps_nothing(
    store: Store, forecasts: list[datetime], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DRILLBIT_CACHE", "0")
    store.set_interview_plan(yesterday_s_plan(14))
    a_start(store, START)
    a_start(store, START)
    assert forecasts == [START, START] and not plan_file.cache_path().exists()


def test_the_key_moves_with_any_card_s_state_and_facts(store: Store, scheduler: Scheduler) -> None:
    """A state an answer elsewhere moved (an import, a session without the plan) changes the
    key even where today's list does not move; so does any fact the plan may read."""
    import copy

    from quiz.study.plan_status import status_without_forecast

    store.set_interview_plan(yesterday_s_plan(14))
    session = plan_session(store, CARDS, START, scheduler)
    answer_current(session, START, 20.0)
    made = status_without_forecast(store, CARDS, START, tz=UTC, scheduler=scheduler)
    assert made is not None
    status, parts = made

    def key(**changed: Any) -> str | None:
        return plan_kept.forecast_key(
            status, replace(parts, **changed), START, tz=UTC, scheduler=scheduler
        )

    base = key()
    assert base is not None and key() == base
    (card_id, state), *_ = parts.memory.items()
    assert state.stability is not None
    moves: tuple[tuple[str, Any], ...] = (
        ("stability", state.stability * 1.5),
        ("due", state.due + timedelta(1)),
    )
    for field, value in moves:
        moved = copy.copy(state)
        setattr(moved, field, value)
        assert key(memory={**parts.memory, card_id: moved}) != base, field
    first = parts.cards[0]
    facts: tuple[tuple[str, Any], ...] = (("title", "another"), ("tags", ("new",)), ("topic", "x"))
    for field, value in facts:
        cards = [replace(first, **{field: value}), *parts.cards[1:]]  # type: ignore[type-var]
        assert key(cards=cards) != base, field
    assert key(cards=[*parts.cards[1:], first]) != base, "another order"
    assert plan_kept.forecast_key(status, parts, START, tz=UTC, scheduler=scheduler) == base
    # the pace's dicts in another order (built from a set of kinds: the hash seed's order)
    assert parts.found is not None
    day, queue, pace = parts.found
    reversed_maps: dict[str, Any] = {n: dict(reversed(getattr(pace, n).items())) for n in MAPS}
    turned = replace(pace, **reversed_maps)
    assert list(turned.review) != list(pace.review)
    assert key(found=(day, queue, turned)) == base
    slower = replace(pace, review={kind: 2 * seconds for kind, seconds in pace.review.items()})
    assert key(found=(day, queue, slower)) != base


MAPS = ("review", "new", "long_answer", "answer", "first")


def test_the_workspace_s_second_open_takes_the_first_s_forecast(
    mini_bank: Path, forecasts: list[datetime]
) -> None:
    """Home's plan line in two starts of the app on one home: the second computes nothing."""
    from quiz.bank.loader import load_bank
    from quiz.workspace import Workspace

    def opened() -> Workspace:
        return Workspace(
            load_bank([mini_bank]),
            Store.open(),  # DRILLBIT_HOME's
            clock=lambda: START,
            tz=UTC,
            scheduler=Scheduler(enable_fuzzing=False),
        )

    first = opened()
    try:
        first.store.set_interview_plan(yesterday_s_plan(5))
        shown = first.plan_status(with_forecast=True)
    finally:
        first.close()
    assert shown is not None and len(shown.forecast) == 5 and forecasts == [START]
    second = opened()
    try:
        assert second.plan_status(with_forecast=True) == shown
    finally:
        second.close()
    assert forecasts == [START]
