"""What an Anki user relies on in a study loop, driven through real Sessions on a fake clock.

Each test names one habit: the day's rollover hour, travel and summer time, a clock set
back, learning steps across a restart, undo, burying, leeches, the daily limits, and a card
that left the bank. The store is a temp database; the scheduler runs without fuzzing.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from fsrs import Card, Rating, Scheduler, State

from quiz.bank.loader import load_bank
from quiz.store import Store
from quiz.study.counts import deck_counts
from quiz.study.days import StudyZone, day_start, local_date, next_day_start
from quiz.study.options import SessionOptions
from quiz.study.session import Session
from quiz.study.stats import compute_stats
from tests.study.fakes import FakeCard, deck

BERLIN = StudyZone(ZoneInfo("Europe/Berlin"), 4)
NEW_YORK = StudyZone(ZoneInfo("America/New_York"), 4)


def _at(text: str, zone: StudyZone = BERLIN) -> datetime:
    """A wall-clock time in `zone`, as UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=zone.zone).astimezone(UTC)


def _session(
    store: Store,
    scheduler: Scheduler,
    now: datetime,
    cards: list[FakeCard] | None = None,
    **kw: object,
) -> Session:
    options = SessionOptions(**{"tz": BERLIN, **kw})  # type: ignore[arg-type]
    return Session(
        store, cards if cards is not None else deck(), options, now=now, scheduler=scheduler
    )


def _ids(session: Session) -> list[str]:
    return [card.id for card in session.queued]


def _state(store: Store, card_id: str) -> Card | None:
    saved = store.card_state(card_id)
    return None if saved is None else Card.from_json(saved.fsrs_card)


# -- the day's rollover hour -----------------------------------------------------------


def test_cards_studied_at_00_30_count_on_the_evening_before_until_4_am(
    store: Store, scheduler: Scheduler
) -> None:
    evening = _session(store, scheduler, _at("2026-03-10 23:30"), new_per_day=2)
    assert [c.id for c in evening.planned] == ["sigmoid-why", "sigmoid-bound"]
    evening.rate(Rating.Easy, now=_at("2026-03-10 23:31"))
    evening.rate(Rating.Easy, now=_at("2026-03-10 23:32"))
    evening.finish(now=_at("2026-03-10 23:33"))
    late = _session(store, scheduler, _at("2026-03-11 00:30"), new_per_day=2)
    assert late.planned == ()  # the same study day: its two new cards are done
    morning = _session(store, scheduler, _at("2026-03-11 04:00"), new_per_day=2)
    assert [c.id for c in morning.planned] == ["relu-dead", "adam-bias"]


def test_with_the_day_starting_at_midnight_00_30_is_a_new_day(
    store: Store, scheduler: Scheduler
) -> None:
    midnight = StudyZone(ZoneInfo("Europe/Berlin"), 0)
    evening = _session(store, scheduler, _at("2026-03-10 23:30"), new_per_day=1, tz=midnight)
    evening.rate(Rating.Easy, now=_at("2026-03-10 23:31"))
    late = _session(store, scheduler, _at("2026-03-11 00:30"), new_per_day=1, tz=midnight)
    assert [c.id for c in late.planned] == ["sigmoid-bound"]


# -- time zones and clocks -------------------------------------------------------------


def test_a_flight_west_keeps_every_answer_and_counts_the_day_in_the_new_zone(
    store: Store, scheduler: Scheduler
) -> None:
    home = _session(store, scheduler, _at("2026-03-10 09:00"), new_per_day=3)
    for minute in range(3):
        home.rate(Rating.Easy, now=_at(f"2026-03-10 09:0{minute + 1}"))
    home.finish(now=_at("2026-03-10 09:05"))
    # landed in New York the same evening: 18:00 there is still the study day of the 10th
    landed = _at("2026-03-10 18:00", NEW_YORK)
    away = _session(store, scheduler, landed, new_per_day=3, tz=NEW_YORK)
    assert away.planned == ()  # today's three new cards were studied in Berlin
    stats = compute_stats(store, deck(), landed, tz=NEW_YORK)
    assert stats.reviews == 3 and stats.streak == 1
    assert [d.reviews for d in stats.reviews_per_day[-2:]] == [0, 3]


def test_a_25_hour_day_and_a_23_hour_day_each_end_at_4_on_the_wall(
    store: Store, scheduler: Scheduler
) -> None:
    spring = _at("2026-03-28 22:00")  # the clocks go forward on the night to the 29th
    assert next_day_start(spring, BERLIN) == _at("2026-03-29 04:00")
    autumn = _at("2026-10-24 22:00")  # and back on the night to the 25th
    assert next_day_start(autumn, BERLIN) == _at("2026-10-25 04:00")
    session = _session(store, scheduler, spring, new_per_day=1)
    answer = session.rate(Rating.Good, now=spring)  # a new card's 10-minute step
    assert answer.requeued
    step = _state(store, "sigmoid-why")
    assert step is not None and step.due == spring + timedelta(minutes=10)


def test_a_card_buried_the_evening_before_the_clocks_go_back_stays_buried_until_4(
    store: Store, scheduler: Scheduler
) -> None:
    evening = _at("2026-10-24 23:00")  # the study day of the 24th has 25 hours
    session = _session(store, scheduler, evening, new_per_day=2)
    aside = session.set_aside(suspend=False, now=evening)
    assert aside is not None
    assert aside.flag.buried_until == _at("2026-10-25 04:00")
    at_3 = _at("2026-10-25 03:00")  # still the 24th's study day: still buried
    assert "sigmoid-why" in store.hidden_ids(at_3)
    assert "sigmoid-why" not in store.hidden_ids(_at("2026-10-25 04:00"))


def test_a_card_buried_the_evening_before_the_clocks_go_forward_is_back_at_4(
    store: Store, scheduler: Scheduler
) -> None:
    evening = _at("2026-03-28 23:00")  # the study day of the 28th has 23 hours
    session = _session(store, scheduler, evening, new_per_day=2)
    aside = session.set_aside(suspend=False, now=evening)
    assert aside is not None
    assert aside.flag.buried_until == _at("2026-03-29 04:00")
    assert "sigmoid-why" not in store.hidden_ids(_at("2026-03-29 04:30"))


def test_a_clock_set_back_an_hour_mid_step_loses_nothing_and_schedules_forward(
    store: Store, scheduler: Scheduler
) -> None:
    noon = _at("2026-03-10 12:00")
    first = _session(store, scheduler, noon, new_per_day=1)
    first.rate(Rating.Good, now=noon)
    first.finish(now=noon + timedelta(minutes=1))
    back = noon - timedelta(hours=1)  # NTP or a VM resume steps the clock back
    again = _session(store, scheduler, back, new_per_day=1)
    assert _ids(again) == ["sigmoid-why"]  # its step waits, as it would have
    again.show(now=back)
    assert _ids(again) == ["sigmoid-why"] and again.elsewhere_news() == []
    answer = again.rate(Rating.Good, now=back)
    assert answer.seconds == 0  # no negative time on the card
    after = _state(store, "sigmoid-why")
    assert after is not None and after.due > back
    assert len(store.reviews(card_id="sigmoid-why")) == 2
    summary = again.finish(now=back + timedelta(minutes=1))
    assert summary.next_due is not None


def test_the_log_s_last_id_only_grows_even_past_an_undone_answer(
    store: Store, scheduler: Scheduler
) -> None:
    """The bound the check for answers given elsewhere relies on: an answer logged after a
    session began has a larger id than any logged before, undone ones included."""
    noon = _at("2026-03-10 12:00")
    assert store.last_review_id() == 0
    session = _session(store, scheduler, noon, new_per_day=1)
    first = session.rate(Rating.Again, now=noon)
    assert store.last_review_id() == first.review_id
    session.undo(now=noon)
    assert store.last_review_id() < first.review_id
    again = session.rate(Rating.Again, now=noon - timedelta(hours=1))  # a clock set back
    assert again.review_id > first.review_id == again.review_id - 1


# -- learning steps across a restart ---------------------------------------------------


def test_a_step_due_in_10_minutes_is_asked_first_when_the_app_reopens_two_days_later(
    store: Store, scheduler: Scheduler
) -> None:
    noon = _at("2026-03-10 12:00")
    first = _session(store, scheduler, noon, new_per_day=1)
    first.rate(Rating.Good, now=noon)
    first.finish(now=noon + timedelta(minutes=1))  # closed with the card in its step
    later = noon + timedelta(days=2)
    home = deck_counts(store, deck(), later, new_per_day=1, tz=BERLIN).total
    assert (home.due, home.steps_due, home.learning) == (1, 1, 1)
    reopened = _session(store, scheduler, later, new_per_day=1)
    assert _ids(reopened)[0] == "sigmoid-why"
    assert _ids(reopened) == ["sigmoid-why", "sigmoid-bound"]
    answer = reopened.rate(Rating.Good, now=later)
    after = _state(store, "sigmoid-why")
    assert after is not None and after.state == State.Review and after.due > later
    assert not answer.requeued


# -- undo ------------------------------------------------------------------------------


def test_undo_restores_the_state_the_log_the_counts_and_the_new_card_allowance(
    store: Store, scheduler: Scheduler
) -> None:
    noon = _at("2026-03-10 12:00")
    session = _session(store, scheduler, noon, new_per_day=2)
    session.rate(Rating.Easy, now=noon)
    before_state = store.card_state("sigmoid-bound")
    before_log = store.reviews()
    before_progress = session.progress
    counts_before = deck_counts(store, deck(), noon, new_per_day=2, tz=BERLIN)
    session.rate(Rating.Again, now=noon + timedelta(minutes=1))  # a new card: introduced
    assert store.card_state("sigmoid-bound") is not None
    undone = session.undo(now=noon + timedelta(minutes=2))
    assert undone is not None and undone.card.id == "sigmoid-bound"
    assert store.card_state("sigmoid-bound") == before_state  # new again
    assert store.reviews() == before_log
    assert session.progress == before_progress and session.coming_back == 0
    assert _ids(session) == ["sigmoid-bound"]
    counts = deck_counts(store, deck(), noon + timedelta(minutes=2), new_per_day=2, tz=BERLIN)
    assert counts == counts_before


def test_undo_of_a_review_restores_its_fsrs_state_and_due_date_exactly(
    store: Store, scheduler: Scheduler
) -> None:
    noon = _at("2026-03-10 12:00")
    first = _session(store, scheduler, noon, new_per_day=1)
    first.rate(Rating.Easy, now=noon)
    first.finish(now=noon)
    saved = store.card_state("sigmoid-why")
    assert saved is not None
    due = Card.from_json(saved.fsrs_card).due
    review = _session(store, scheduler, due + timedelta(hours=1), new_per_day=0)
    review.rate(Rating.Again, now=due + timedelta(hours=1))
    assert store.lapse_count("sigmoid-why") == 1
    review.undo(now=due + timedelta(hours=2))
    restored = store.card_state("sigmoid-why")
    assert restored is not None
    # all but updated_at, which says when the row last changed (the undo)
    assert (restored.fsrs_card, restored.state, restored.due, restored.last_review) == (
        saved.fsrs_card,
        saved.state,
        saved.due,
        saved.last_review,
    )
    assert restored.introduced_at == saved.introduced_at
    assert store.lapse_count("sigmoid-why") == 0


def test_undo_ends_with_the_session_and_a_restart_has_nothing_to_undo(
    store: Store, scheduler: Scheduler
) -> None:
    noon = _at("2026-03-10 12:00")
    session = _session(store, scheduler, noon, new_per_day=1)
    session.rate(Rating.Easy, now=noon)
    session.finish(now=noon)
    assert not session.can_undo and session.undo(now=noon) is None
    restarted = _session(store, scheduler, noon + timedelta(minutes=1), new_per_day=1)
    assert not restarted.can_undo and restarted.undo(now=noon) is None
    assert len(store.reviews(card_id="sigmoid-why")) == 1  # the answer stands


# -- leeches, limits, suspend ----------------------------------------------------------


def _lapse_and_relearn(
    store: Store, scheduler: Scheduler, card: FakeCard, start: datetime
) -> tuple[int | None, datetime]:
    """Answer `card` when due: Again, then Good through its relearning step; returns the
    Again's leech lapses and when the card is next due."""
    state = _state(store, card.id)
    assert state is not None
    moment = max(start, state.due)
    session = _session(store, scheduler, moment, cards=[card], new_per_day=0)
    again = session.rate(Rating.Again, now=moment)
    while session.current is not None:
        moment = max(moment, _state(store, card.id).due)  # type: ignore[union-attr]
        session.show(now=moment)
        session.rate(Rating.Good, now=moment)
    session.finish(now=moment)
    return again.leech_lapses, moment


def test_a_card_failed_12_times_is_a_leech_at_8_and_12_and_stays_in_study(
    store: Store, scheduler: Scheduler
) -> None:
    card = FakeCard("adam-bias")
    noon = _at("2026-03-10 12:00")
    first = _session(store, scheduler, noon, cards=[card], new_per_day=1)
    first.rate(Rating.Easy, now=noon)
    first.finish(now=noon)
    flagged: dict[int, int | None] = {}
    moment = noon
    for lapse in range(1, 13):
        flagged[lapse], moment = _lapse_and_relearn(store, scheduler, card, moment)
    assert {n for n, leech in flagged.items() if leech is not None} == {8, 12}
    assert flagged[12] == 12
    assert store.lapse_count(card.id) == 12
    assert store.card_flag(card.id) is None  # not suspended: Anki's default tags only
    due = _state(store, card.id)
    assert due is not None and due.state == State.Review
    assert [c.id for c in _session(store, scheduler, due.due, cards=[card]).planned] == [card.id]


def test_raising_the_new_card_limit_mid_day_gives_the_difference_and_lowering_gives_none(
    store: Store, scheduler: Scheduler
) -> None:
    noon = _at("2026-03-10 12:00")
    session = _session(store, scheduler, noon, new_per_day=2)
    session.rate(Rating.Easy, now=noon)
    session.rate(Rating.Easy, now=noon)
    raised = _session(store, scheduler, noon + timedelta(hours=1), new_per_day=5)
    assert [c.id for c in raised.planned] == ["relu-dead", "adam-bias", "adam-step"]
    lowered = _session(store, scheduler, noon + timedelta(hours=1), new_per_day=1)
    assert lowered.planned == ()


def test_a_new_card_set_aside_leaves_its_place_to_the_next_new_card_until_undone(
    store: Store, scheduler: Scheduler
) -> None:
    noon = _at("2026-03-10 12:00")
    session = _session(store, scheduler, noon, new_per_day=2)
    assert _ids(session) == ["sigmoid-why", "sigmoid-bound"]
    session.set_aside(suspend=False, now=noon)
    assert _ids(session) == ["sigmoid-bound", "relu-dead"]  # as a restart would queue
    assert _ids(_session(store, scheduler, noon, new_per_day=2)) == _ids(session)
    session.set_aside(suspend=True, now=noon)
    assert _ids(session) == ["relu-dead", "adam-bias"]
    assert session.progress == (0, 2)
    session.undo(now=noon)
    assert _ids(session) == ["sigmoid-bound", "relu-dead"]
    session.undo(now=noon)
    assert _ids(session) == ["sigmoid-why", "sigmoid-bound"]
    assert store.card_flags() == {}


def test_setting_aside_a_review_or_a_new_card_past_the_allowance_brings_no_new_card(
    store: Store, scheduler: Scheduler
) -> None:
    noon = _at("2026-03-10 12:00")
    first = _session(store, scheduler, noon, new_per_day=2)
    first.rate(Rating.Easy, now=noon)
    first.rate(Rating.Again, now=noon)  # sigmoid-bound: in its step, waiting at the end
    first.finish(now=noon)
    due_day = noon + timedelta(days=30)  # sigmoid-why due; a new day, two new cards
    session = _session(store, scheduler, due_day, new_per_day=2)
    assert _ids(session) == ["sigmoid-bound", "sigmoid-why", "relu-dead", "adam-bias"]
    session.set_aside(suspend=False, now=due_day)  # a step, not a new card
    session.set_aside(suspend=False, now=due_day)  # a review
    assert _ids(session) == ["relu-dead", "adam-bias"]
    session.rate(Rating.Easy, now=due_day)
    session.set_aside(suspend=False, now=due_day)  # a new card: its place is taken
    assert _ids(session) == ["adam-step"]
    limited = _session(store, scheduler, due_day, new_per_day=2, limit=1)
    assert _ids(limited) == ["adam-step"]
    limited.set_aside(suspend=True, now=due_day)  # --limit asked for so many cards
    assert _ids(limited) == []


def test_a_stand_in_goes_before_the_learning_steps_waiting_at_the_end(
    store: Store, scheduler: Scheduler
) -> None:
    noon = _at("2026-03-10 12:00")
    session = _session(store, scheduler, noon, new_per_day=2)
    session.rate(Rating.Again, now=noon)  # sigmoid-why waits for its 1-minute step
    assert _ids(session) == ["sigmoid-bound", "sigmoid-why"]
    session.set_aside(suspend=False, now=noon)
    assert _ids(session) == ["relu-dead", "sigmoid-why"]


def test_a_suspended_card_in_its_step_keeps_its_schedule_when_unsuspended(
    store: Store, scheduler: Scheduler
) -> None:
    noon = _at("2026-03-10 12:00")
    session = _session(store, scheduler, noon, new_per_day=1)
    session.rate(Rating.Again, now=noon)
    step = store.card_state("sigmoid-why")
    session.show(now=noon + timedelta(minutes=2))
    session.set_aside(suspend=True, now=noon + timedelta(minutes=2))
    session.finish(now=noon + timedelta(minutes=3))
    assert _ids(_session(store, scheduler, noon + timedelta(days=3), new_per_day=0)) == []
    store.set_flag("sigmoid-why", suspended=False, buried_until=None, now=noon + timedelta(days=3))
    assert store.card_state("sigmoid-why") == step
    back = _session(store, scheduler, noon + timedelta(days=3), new_per_day=0)
    assert _ids(back) == ["sigmoid-why"]


def test_lowering_the_review_limit_below_the_reviews_done_asks_no_more_reviews_today(
    store: Store, scheduler: Scheduler
) -> None:
    noon = _at("2026-03-10 12:00")
    first = _session(store, scheduler, noon, new_per_day=3)
    for _ in range(3):
        first.rate(Rating.Easy, now=noon)
    first.finish(now=noon)
    due_day = noon + timedelta(days=30)  # all three are due by then
    two = _session(store, scheduler, due_day, new_per_day=0, max_reviews_per_day=2)
    assert len(two.planned) == 2
    two.rate(Rating.Good, now=due_day)
    two.rate(Rating.Good, now=due_day)
    left = {"sigmoid-why", "sigmoid-bound", "relu-dead"} - {c.id for c in two.planned}
    lowered = _session(store, scheduler, due_day, new_per_day=0, max_reviews_per_day=1)
    assert lowered.planned == ()
    raised = _session(store, scheduler, due_day, new_per_day=0, max_reviews_per_day=5)
    assert {c.id for c in raised.planned} == left and len(left) == 1


# -- the bank changes under a history ---------------------------------------------------


def test_a_card_removed_from_the_bank_keeps_its_history_and_is_never_queued(
    store: Store, scheduler: Scheduler
) -> None:
    noon = _at("2026-03-10 12:00")
    first = _session(store, scheduler, noon, new_per_day=2)
    first.rate(Rating.Again, now=noon)  # sigmoid-why: in its step, due in a minute
    first.rate(Rating.Easy, now=noon)
    first.finish(now=noon)
    updated = [card for card in deck() if card.id != "sigmoid-why"]
    later = noon + timedelta(hours=1)
    session = _session(store, scheduler, later, cards=updated, new_per_day=0)
    assert "sigmoid-why" not in _ids(session)
    assert session.finish(now=later).next_due is not None
    stats = compute_stats(store, updated, later, tz=BERLIN)
    assert stats.removed_cards == 1 and stats.reviews == 2
    counts = deck_counts(store, updated, later, new_per_day=0, tz=BERLIN)
    assert counts.total.learning == 0
    # the pack brings it back: its history and its step with it
    restored = _session(store, scheduler, later, new_per_day=0)
    assert _ids(restored) == ["sigmoid-why"]


def test_a_card_whose_id_changed_is_a_new_card_and_its_history_counts_as_removed(
    store: Store, scheduler: Scheduler
) -> None:
    noon = _at("2026-03-10 12:00")
    first = _session(store, scheduler, noon, new_per_day=1)
    first.rate(Rating.Easy, now=noon)
    first.finish(now=noon)
    renamed = [FakeCard("sigmoid-why-it-saturates") if c.id == "sigmoid-why" else c for c in deck()]
    tomorrow = noon + timedelta(days=1)
    session = _session(store, scheduler, tomorrow, cards=renamed, new_per_day=1)
    assert _ids(session) == ["sigmoid-why-it-saturates"]  # progress is kept by id
    stats = compute_stats(store, renamed, tomorrow, tz=BERLIN)
    assert stats.removed_cards == 1 and stats.reviews == 1


def test_the_same_card_in_two_packs_is_one_card_with_one_history(
    mini_bank: Path, store: Store, scheduler: Scheduler
) -> None:
    shutil.copytree(mini_bank / "mini", mini_bank / "mini-again")  # every id twice
    bank = load_bank([mini_bank])
    ids = [card.id for card in bank.cards]
    assert ids and len(ids) == len(set(ids))  # the later pack's copy is left out
    noon = _at("2026-03-10 12:00")
    session = Session(store, bank.cards, SessionOptions(tz=BERLIN), now=noon, scheduler=scheduler)
    assert [card.id for card in session.planned] == ids


def test_every_day_start_hour_bounds_its_day_across_both_changes_of_the_clocks() -> None:
    """Each quarter hour of both weekends the clocks change, with the day starting at
    any hour (2 am falls in the hour skipped in March and the one repeated in October):
    the moment lies in its day, and the next day starts where that day ends."""
    for hour in range(24):
        zone = StudyZone(ZoneInfo("Europe/Berlin"), hour)
        for first in (_at("2026-03-27 00:00"), _at("2026-10-23 00:00")):
            for quarter in range(4 * 24 * 4):
                moment = first + timedelta(minutes=15 * quarter)
                start, end = day_start(moment, zone), next_day_start(moment, zone)
                assert start <= moment < end, (hour, moment)
                assert timedelta(hours=23) <= end - start <= timedelta(hours=25)
                assert local_date(end, zone) == local_date(moment, zone) + timedelta(days=1)
