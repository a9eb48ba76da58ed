"""fsrs glue: stable ids, a Good pushes a new card out, an Again keeps it close."""

from __future__ import annotations

import copy
import hashlib
from datetime import UTC, datetime, timedelta
from functools import partial

import pytest
from fsrs import Card, Rating, Scheduler, State

from quiz.store import Store
from quiz.study.scheduling import (
    format_interval,
    fsrs_card_id,
    load_card,
    new_card,
    preview_intervals,
    review_card,
    shown_interval,
    step_due,
    step_due_next_day,
    step_due_today,
)
from tests.study.fakes import NOW


def test_fsrs_card_id_is_stable_positive_and_63_bit() -> None:
    first = fsrs_card_id("adam-step")
    assert first == fsrs_card_id("adam-step")
    assert first != fsrs_card_id("adam-steps")
    assert 0 <= first < 2**63
    # pinned: a changed derivation would orphan every saved fsrs card id
    assert first == int.from_bytes(hashlib.sha256(b"adam-step").digest()[:8], "big") >> 1


def test_new_card_is_due_now_with_the_derived_id() -> None:
    card = new_card("relu-dead", NOW)
    assert card.card_id == fsrs_card_id("relu-dead")
    assert card.due == NOW
    assert card.state == State.Learning


def test_good_on_a_new_card_schedules_it_in_the_future(store: Store, scheduler: Scheduler) -> None:
    review = review_card(
        store, scheduler, "adam-bias", Rating.Good, now=NOW, correct=True, duration_ms=4200
    )
    saved = store.card_state("adam-bias")
    assert saved is not None
    assert saved.due > NOW + timedelta(minutes=5)
    assert review.card_before is None and review.state_before is None
    assert review.card_after == saved.fsrs_card
    assert review.duration_ms == 4200
    card = load_card(store, "adam-bias")
    assert card is not None and card.card_id == fsrs_card_id("adam-bias")
    assert card.last_review == NOW


def test_again_keeps_the_card_due_soon(store: Store, scheduler: Scheduler) -> None:
    review_card(store, scheduler, "adam-bias", Rating.Again, now=NOW, correct=False)
    saved = store.card_state("adam-bias")
    assert saved is not None
    assert NOW < saved.due <= NOW + timedelta(minutes=2)
    assert saved.state == State.Learning


def test_repeated_goods_graduate_to_review_with_growing_intervals(
    store: Store, scheduler: Scheduler
) -> None:
    moment = NOW
    gaps = []
    for _ in range(4):
        review_card(store, scheduler, "c", Rating.Good, now=moment, correct=True)
        saved = store.card_state("c")
        assert saved is not None
        gaps.append(saved.due - moment)
        moment = saved.due
    saved = store.card_state("c")
    assert saved is not None and saved.state == State.Review
    assert gaps[-1] > gaps[-2] >= timedelta(days=1)
    assert [r.state_before for r in store.reviews(card_id="c")][-1] == State.Review


def test_cram_and_mock_log_but_leave_the_schedule(store: Store, scheduler: Scheduler) -> None:
    review_card(store, scheduler, "c", Rating.Good, now=NOW, correct=True)
    before = store.card_state("c")
    later = NOW + timedelta(hours=1)
    cram = review_card(store, scheduler, "c", Rating.Again, now=later, correct=False, mode="cram")
    mock = review_card(store, scheduler, "c", Rating.Easy, now=later, correct=True, mode="mock")
    assert store.card_state("c") == before
    assert cram.card_after is None and mock.card_after is None
    assert before is not None and cram.card_before == before.fsrs_card
    assert [r.mode for r in store.reviews(card_id="c")] == ["due", "cram", "mock"]


def test_a_review_that_left_the_schedule_has_no_step_to_wait_for(
    store: Store, scheduler: Scheduler
) -> None:
    """A cram answer saves no fsrs state, so it sets no step: none today, none tomorrow, and
    its 'next ask' is the answer's own time. The session only asks these of due answers, so
    nothing caught `step_due_next_day` or `step_due` reading a missing state."""
    due = review_card(store, scheduler, "c", Rating.Again, now=NOW, correct=False)
    assert due.card_after is not None
    assert step_due(due) == Card.from_json(due.card_after).due > NOW
    later = NOW + timedelta(hours=1)
    cram = review_card(store, scheduler, "c", Rating.Again, now=later, correct=False, mode="cram")
    assert not step_due_today(cram, UTC)
    assert not step_due_next_day(cram, UTC)
    assert step_due(cram) == later


def test_a_step_that_crosses_midnight_is_asked_on_the_next_study_day(
    store: Store, scheduler: Scheduler
) -> None:
    """fsrs's first learning step is a minute: a new card missed a minute before the study
    day ends falls due as the next one starts, so the session holds it for that day rather
    than today; missed an hour earlier, the step is today's and nothing is held."""
    last_minute = datetime(2026, 3, 10, 23, 59, tzinfo=UTC)
    late = review_card(store, scheduler, "late", Rating.Again, now=last_minute, correct=False)
    assert step_due(late) == last_minute + timedelta(minutes=1)
    assert not step_due_today(late, UTC)
    assert step_due_next_day(late, UTC)
    earlier = last_minute - timedelta(hours=1)
    early = review_card(store, scheduler, "early", Rating.Again, now=earlier, correct=False)
    assert step_due_today(early, UTC)
    assert not step_due_next_day(early, UTC)


def test_a_step_of_a_whole_day_is_not_held_for_the_next_day(store: Store) -> None:
    """A one-day step ends the card's study today, and it is not a short step for the
    session to hold either: fsrs asks it tomorrow like any review."""
    day_step = Scheduler(enable_fuzzing=False, learning_steps=(timedelta(days=1),))
    review = review_card(store, day_step, "c", Rating.Again, now=NOW, correct=False)
    assert step_due(review) == NOW + timedelta(days=1)
    assert not step_due_today(review, UTC)
    assert not step_due_next_day(review, UTC)


def test_naive_datetimes_are_refused(store: Store, scheduler: Scheduler) -> None:
    with pytest.raises(ValueError, match="naive"):
        review_card(store, scheduler, "c", Rating.Good, now=datetime(2026, 1, 1), correct=True)
    assert store.review_count() == 0


def test_a_non_utc_aware_time_is_converted_for_fsrs(store: Store, scheduler: Scheduler) -> None:
    from zoneinfo import ZoneInfo

    local = NOW.astimezone(ZoneInfo("Asia/Tokyo"))
    review = review_card(store, scheduler, "c", Rating.Good, now=local, correct=True)
    assert review.reviewed_at == NOW
    assert review.card_after is not None
    assert Card.from_json(review.card_after).last_review == NOW


def test_rating_keys_show_fsrs_interval_except_what_plan_mode_decides() -> None:
    step, day = timedelta(minutes=10), timedelta(days=8)
    plain = partial(shown_interval, plan_mode=False, same_day_steps=True)
    assert (plain(step), plain(day)) == ("10m", "8d")
    with_steps = partial(shown_interval, plan_mode=True, same_day_steps=True)
    assert (with_steps(step), with_steps(day)) == ("10m", None), "the plan picks the day"
    assert with_steps(timedelta(days=1)) is None, "a day is no same-day step"
    without = partial(shown_interval, plan_mode=True, same_day_steps=False)
    assert (without(step), without(day)) == (None, None), "no step today: nothing to show"


@pytest.mark.parametrize(
    ("span", "shown"),
    [
        (timedelta(seconds=59), "<1m"),
        (timedelta(minutes=1), "1m"),
        (timedelta(minutes=45), "45m"),
        (timedelta(hours=1), "1h"),
        (timedelta(hours=23), "23h"),
        (timedelta(days=1), "1d"),
        (timedelta(days=29), "29d"),
        (timedelta(days=30), "1mo"),
        (timedelta(days=350), "12mo"),
        (timedelta(days=364), "12mo"),
        (timedelta(days=365), "1y"),
        (timedelta(days=420), "1.2y"),
        (timedelta(days=365 * 1.5), "1.5y"),
        (timedelta(days=730), "2y"),
    ],
)
def test_intervals_read_as_on_ankis_rating_buttons(span: timedelta, shown: str) -> None:
    """Each unit starts at its own boundary (a minute, an hour, a day, 30 days, a year): the
    rating keys were checked at 10 minutes and 8 days only, so a day shown as '24h' or a
    year as '12mo' went unnoticed."""
    assert format_interval(span) == shown


@pytest.mark.parametrize("draw", [0.0, 0.999])
def test_the_rating_keys_preview_fsrs_interval_without_its_fuzz(
    store: Store, monkeypatch: pytest.MonkeyPatch, draw: float
) -> None:
    """The keys show the interval fsrs computes, not one fuzzed draw of it (which would move
    each time the card is shown), even when the scheduler fuzzes the real one: here fsrs's
    draw is pinned at either end of its range, and the preview still matches the exact
    interval."""
    fuzzing = Scheduler(enable_fuzzing=True)
    exact = Scheduler(enable_fuzzing=False)
    review_card(store, exact, "c", Rating.Easy, now=NOW, correct=True)
    saved = load_card(store, "c")
    assert saved is not None and saved.state is State.Review
    later = saved.due + timedelta(days=30)
    expected = {
        r: exact.review_card(copy.deepcopy(saved), r, review_datetime=later)[0].due - later
        for r in Rating
    }
    assert expected[Rating.Easy] > timedelta(days=30), "long enough for fsrs to fuzz it"
    monkeypatch.setattr("fsrs.scheduler.random", lambda: draw)
    assert preview_intervals(store, fuzzing, "c", now=later) == expected
