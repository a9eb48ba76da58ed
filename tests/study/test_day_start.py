"""The hour a study day starts (`day_starts_at`, 4 am by default as in Anki): study, the
plan and stats all count the same day, and clock times still read as on the wall."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from fsrs import Scheduler

from quiz.settings import Settings, SettingsError, with_value
from quiz.store import Store
from quiz.study.days import (
    DEFAULT_DAY_STARTS_AT,
    StudyZone,
    day_start,
    local_date,
    next_day_start,
)
from quiz.study.plan_phrases import day_ends_phrase
from quiz.study.plan_status import plan_status
from quiz.study.stats import compute_stats
from tests.study.fakes import NOW, deck
from tests.study.test_plan import a_mixed_deck, answer_current, plan_session, yesterday_s_plan

FOUR = StudyZone(UTC, 4)


def test_before_the_hour_is_the_day_before_and_the_clock_is_unchanged() -> None:
    night = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)
    assert local_date(night, FOUR) == date(2026, 3, 9), "01:30 belongs to the evening"
    assert local_date(night, UTC) == date(2026, 3, 10), "a plain zone: midnight as before"
    assert local_date(night.replace(hour=4), FOUR) == date(2026, 3, 10)
    assert day_start(night, FOUR) == datetime(2026, 3, 9, 4, tzinfo=UTC)
    assert next_day_start(night, FOUR) == datetime(2026, 3, 10, 4, tzinfo=UTC)
    shown = night.astimezone(FOUR)
    assert (shown.hour, shown.minute) == (1, 30), "a due time shown in the zone is the wall's"


def test_a_day_where_the_clocks_change_starts_at_the_hour_on_the_wall() -> None:
    # New York springs forward at 2 am on 2026-03-08: that study day is 23 hours long
    zone = StudyZone(ZoneInfo("America/New_York"), 4)
    saturday_evening = datetime(2026, 3, 8, 5, 0, tzinfo=UTC)  # 00:00 EST, the 7th's day
    assert local_date(saturday_evening, zone) == date(2026, 3, 7)
    start, end = day_start(saturday_evening, zone), next_day_start(saturday_evening, zone)
    assert start == datetime(2026, 3, 7, 9, tzinfo=UTC), "04:00 EST"
    assert end == datetime(2026, 3, 8, 8, tzinfo=UTC), "04:00 EDT"
    assert end - start == timedelta(hours=23)


def test_stats_count_an_answer_after_midnight_on_the_evening_s_day(store: Store) -> None:
    # A session from 23:30 to 00:30 was two days of the heatmap and kept a streak
    # going on a day the person never sat down on.
    for reviewed_at in (NOW.replace(hour=23, minute=30), NOW.replace(hour=23, minute=59)):
        store.record_review(
            card_id="adam-bias", rating=3, correct=True, reviewed_at=reviewed_at, mode="due"
        )
    store.record_review(
        card_id="adam-bias",
        rating=3,
        correct=True,
        reviewed_at=NOW.replace(hour=0, minute=30) + timedelta(days=1),
        mode="due",
    )
    later = NOW + timedelta(days=1)  # noon the next day
    midnight = compute_stats(store, deck(), later, tz=UTC)
    four = compute_stats(store, deck(), later, tz=FOUR)
    assert [d.reviews for d in midnight.reviews_per_day[-2:]] == [2, 1]
    assert [d.reviews for d in four.reviews_per_day[-2:]] == [3, 0]
    assert four.streak == 1


def test_a_plan_s_minutes_used_at_23_00_are_still_used_at_01_00(
    store: Store, scheduler: Scheduler
) -> None:
    # The day ended at midnight: a person who used the evening's 10 minutes found 10 fresh
    # minutes and a new list at 00:30, where Anki would still count the evening.
    cards = a_mixed_deck(60)
    start = datetime(2026, 3, 1, 23, 0, tzinfo=UTC)
    store.set_interview_plan(yesterday_s_plan(14, minutes=10.0))
    session = plan_session(store, cards, start, scheduler)
    moment = start
    while session.current is not None and moment < start + timedelta(minutes=40):
        moment = answer_current(session, moment, 30.0)
        session.show(now=moment)
    assert session.current is None, "the evening's minutes are used"
    after_midnight = start + timedelta(hours=1, minutes=30)
    four = plan_status(store, cards, after_midnight, tz=FOUR, scheduler=scheduler)
    midnight = plan_status(store, cards, after_midnight, tz=UTC, scheduler=scheduler)
    assert four is not None and midnight is not None
    evening = plan_status(store, cards, moment, tz=FOUR, scheduler=scheduler)
    assert evening is not None and evening.load().startswith("today: done")
    assert four.load() == evening.load(), "01:30 is still the evening's day"
    assert four.queue is not None and midnight.queue is not None
    assert four.queue.spent_seconds > 0, "the evening's minutes still count"
    assert midnight.queue.spent_seconds == 0, "the old rule: a new day at 00:00"
    morning = plan_status(store, cards, start + timedelta(hours=6), tz=FOUR, scheduler=scheduler)
    assert morning is not None and morning.queue is not None
    assert morning.queue.spent_seconds == 0, "at 04:00 the next day's minutes begin"


def test_day_starts_at_is_a_setting_from_0_to_23_with_anki_s_default() -> None:
    assert Settings().day_starts_at == 4
    assert Settings(day_starts_at=0).day_starts_at == 0
    assert with_value(Settings(), "day_starts_at", "5").day_starts_at == 5
    with pytest.raises(SettingsError, match="day_starts_at.*from 0 to 23"):
        with_value(Settings(), "day_starts_at", "24")


def test_drillbit_plan_says_when_today_s_plan_ends() -> None:
    evening = datetime(2026, 3, 10, 22, 0, tzinfo=UTC)
    assert day_ends_phrase(evening, FOUR) == "04:00 tomorrow"
    assert day_ends_phrase(evening + timedelta(hours=3), FOUR) == "04:00", "01:00: tonight"
    assert day_ends_phrase(evening, UTC) == "midnight"
    assert day_ends_phrase(evening, StudyZone(UTC, 0)) == "midnight"


def test_the_setting_s_default_is_the_zone_s_default() -> None:
    """quiz.settings cannot import quiz.study (a cycle): the two 4s are held equal here."""
    assert Settings().day_starts_at == DEFAULT_DAY_STARTS_AT
