"""The default `due` session: queue order, the daily new-card limit, requeue and undo."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from fsrs import Rating, Scheduler
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.store import Store
from quiz.store.timefmt import to_db
from quiz.study.cards import Filters
from quiz.study.options import SessionOptions
from quiz.study.queue import plan_due
from quiz.study.scheduling import review_card
from quiz.study.session import Session, SessionOver
from tests.study.fakes import NOW, FakeCard, deck


def _seed(
    store: Store, scheduler: Scheduler, card_id: str, rating: Rating, days_ago: float
) -> None:
    review_card(store, scheduler, card_id, rating, now=NOW - timedelta(days=days_ago), correct=True)


def test_due_cards_come_first_oldest_due_first_then_new_in_content_order(
    store: Store, scheduler: Scheduler
) -> None:
    cards = deck()
    _seed(store, scheduler, "bn-where", Rating.Good, days_ago=3)  # due ~10 min after
    _seed(store, scheduler, "relu-dead", Rating.Again, days_ago=1)  # due ~1 min after
    _seed(store, scheduler, "adam-bias", Rating.Good, days_ago=0)  # its step: in 10 min
    session = Session(store, cards, now=NOW, scheduler=scheduler)
    queue = [c.id for c in session.planned]
    assert queue[:2] == ["bn-where", "relu-dead"]
    assert queue[-1] == "adam-bias", "not due yet: it waits at the end for its step"
    new_ids = [c.id for c in cards if c.id not in {"bn-where", "relu-dead", "adam-bias"}]
    assert queue[2:-1] == new_ids
    assert session.current is not None and session.current.id == "bn-where"


def test_new_cards_are_capped_by_the_daily_limit_counting_cards_introduced_today(
    store: Store, scheduler: Scheduler
) -> None:
    cards = deck()
    # two cards introduced earlier today (not due yet after Easy), one yesterday
    review_card(
        store, scheduler, "sigmoid-why", Rating.Easy, now=NOW - timedelta(hours=2), correct=True
    )
    review_card(
        store, scheduler, "relu-dead", Rating.Easy, now=NOW - timedelta(hours=1), correct=True
    )
    review_card(
        store, scheduler, "bn-where", Rating.Easy, now=NOW - timedelta(days=1), correct=True
    )
    options = SessionOptions(new_per_day=4)
    session = Session(store, cards, options, now=NOW, scheduler=scheduler)
    new_in_queue = [c.id for c in session.planned]
    assert len(new_in_queue) == 2  # 4 per day - 2 already introduced today
    assert new_in_queue == ["sigmoid-bound", "adam-bias"]


def test_today_is_the_persons_calendar_day(store: Store, scheduler: Scheduler) -> None:
    # 16:00 UTC on the 9th is 01:00 on the 10th in Tokyo: with the Tokyo zone the card
    # counts as introduced "today" (the 10th), in UTC it does not.
    evening = NOW.replace(day=9, hour=16)
    review_card(store, scheduler, "relu-dead", Rating.Easy, now=evening, correct=True)
    utc = Session(store, deck(), SessionOptions(new_per_day=3), now=NOW, scheduler=scheduler)
    tokyo_options = SessionOptions(new_per_day=3, tz=ZoneInfo("Asia/Tokyo"))
    tokyo = Session(store, deck(), tokyo_options, now=NOW, scheduler=scheduler)
    assert len(utc.planned) == 3
    assert len(tokyo.planned) == 2


def test_filters_and_limit(store: Store, scheduler: Scheduler) -> None:
    by_kind = Session(
        store,
        deck(),
        SessionOptions(filters=Filters(kind="concept"), limit=2),
        now=NOW,
        scheduler=scheduler,
    )
    assert [c.id for c in by_kind.planned] == ["sigmoid-why", "adam-bias"]
    by_tag = Session(
        store, deck(), SessionOptions(filters=Filters(tag="drill")), now=NOW, scheduler=scheduler
    )
    assert [c.id for c in by_tag.planned] == ["adam-step", "bn-forward"]
    by_topic = Session(
        store,
        deck(),
        SessionOptions(filters=Filters(topic="optim", kind="numeric")),
        now=NOW,
        scheduler=scheduler,
    )
    assert [c.id for c in by_topic.planned] == ["lr-scaling"]


def test_answering_three_concepts_persists_three_reviews(
    store: Store, scheduler: Scheduler
) -> None:
    options = SessionOptions(filters=Filters(kind="concept"), limit=3)
    session = Session(store, deck(), options, now=NOW, scheduler=scheduler)
    moment = NOW
    while session.current is not None:
        moment += timedelta(seconds=20)
        answer = session.rate(Rating.Easy, now=moment)  # graduates: not asked again
        assert answer.seconds == pytest.approx(20.0)
    summary = session.finish(now=moment)
    assert summary.cards_reviewed == 3 and summary.answers == 3
    assert summary.accuracy == 1.0
    assert summary.seconds == pytest.approx(60.0)
    assert summary.pace_seconds == pytest.approx(20.0)
    assert summary.next_due is not None and summary.next_due > moment
    assert store.review_count() == 3
    assert {r.session_id for r in store.reviews()} == {session.session_id}
    assert all(r.duration_ms == 20000 for r in store.reviews())
    with pytest.raises(SessionOver):
        session.rate(Rating.Good, now=moment)


def test_again_requeues_the_card_at_the_end(store: Store, scheduler: Scheduler) -> None:
    options = SessionOptions(filters=Filters(kind="concept"))
    session = Session(store, deck(), options, now=NOW, scheduler=scheduler)
    first = session.rate(Rating.Again, now=NOW + timedelta(seconds=5))
    assert first.requeued
    order = []
    while session.current is not None:
        order.append(session.current.id)
        session.rate(Rating.Easy, now=NOW + timedelta(seconds=10))  # graduates
    assert order == ["adam-bias", "bn-where", "sigmoid-why"]
    summary = session.finish(now=NOW + timedelta(seconds=10))
    assert summary.answers == 4 and summary.cards_reviewed == 3
    assert summary.correct == 3
    assert [t.topic for t in summary.weakest_topics] == ["activations"]


def test_undo_restores_the_card_state_exactly_and_removes_the_log(
    store: Store, scheduler: Scheduler
) -> None:
    _seed(store, scheduler, "bn-where", Rating.Good, days_ago=3)
    before = store.card_state("bn-where")
    assert before is not None
    reviews_before = store.reviews()
    session = Session(store, deck(), now=NOW, scheduler=scheduler)
    assert session.current is not None and session.current.id == "bn-where"
    session.rate(Rating.Easy, now=NOW + timedelta(seconds=3))
    changed = store.card_state("bn-where")
    assert changed is not None and changed.fsrs_card != before.fsrs_card
    undone = session.undo(now=NOW + timedelta(seconds=4))
    assert undone is not None and undone.card.id == "bn-where"
    after = store.card_state("bn-where")
    assert after is not None
    assert after.fsrs_card == before.fsrs_card
    assert (after.state, after.due, after.last_review, after.introduced_at) == (
        before.state,
        before.due,
        before.last_review,
        before.introduced_at,
    )
    assert store.reviews() == reviews_before
    assert session.current is not None and session.current.id == "bn-where"
    assert session.answers == []


def test_undo_of_a_new_card_makes_it_new_again(store: Store, scheduler: Scheduler) -> None:
    session = Session(store, deck(), now=NOW, scheduler=scheduler)
    card = session.current
    assert card is not None
    session.rate(Rating.Good, now=NOW)
    assert store.introduced_since(NOW - timedelta(hours=1)) == 1
    session.undo(now=NOW)
    assert store.card_state(card.id) is None
    assert store.introduced_since(NOW - timedelta(hours=1)) == 0
    assert store.review_count() == 0


def test_undo_of_a_requeued_again_removes_the_extra_copy(
    store: Store, scheduler: Scheduler
) -> None:
    options = SessionOptions(filters=Filters(kind="concept"))
    session = Session(store, deck(), options, now=NOW, scheduler=scheduler)
    session.rate(Rating.Again, now=NOW)
    assert session.remaining == 3
    session.rate(Rating.Good, now=NOW)
    session.undo(now=NOW)
    session.undo(now=NOW)
    assert session.remaining == 3
    assert [session.current.id if session.current else None] == ["sigmoid-why"]
    assert session.undo(now=NOW) is None
    assert store.review_count() == 0
    assert store.card_states() == {}


def test_choice_and_drill_answers_use_their_ratings(store: Store, scheduler: Scheduler) -> None:
    options = SessionOptions(filters=Filters(topic="optim"), requeue=False)
    session = Session(store, deck(), options, now=NOW, scheduler=scheduler)
    assert [c.id for c in session.planned] == ["adam-bias", "adam-step", "lr-scaling"]
    session.rate(Rating.Hard, now=NOW)
    drill = session.answer_drill(passed=True, hints_used=1, failed_attempts=0, now=NOW)
    wrong = session.answer(False, now=NOW)
    assert (drill.rating, drill.correct) == (Rating.Hard, True)
    assert (wrong.rating, wrong.correct) == (Rating.Again, False)
    # Hard is a pass for a concept card as for a drill
    assert [(r.rating, r.correct) for r in store.reviews()] == [(2, True), (2, True), (1, False)]
    assert session.current is None
    assert session.progress == (3, 3)


def _plan_due_by_full_sort(
    cards: list[FakeCard],
    due_at: dict[str, str],
    now_text: str,
    new_allowance: int,
    limit: int | None,
    review_allowance: int | None,
) -> list[str]:
    """The queue as a full sort of every due card gives it (what plan_due must equal)."""
    ready = sorted(
        (due_at[c.id], c.id, n)
        for n, c in enumerate(cards)
        if c.id in due_at and due_at[c.id] <= now_text
    )
    due = [cards[n].id for _, _, n in ready]
    if review_allowance is not None:
        due = due[: max(0, review_allowance)]
    new = [c.id for c in cards if c.id not in due_at][: max(0, new_allowance)]
    queue = due + new
    return queue if limit is None else queue[: max(0, limit)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from("abcdefgh"), st.one_of(st.none(), st.integers(0, 9))),
        max_size=30,
    ),
    st.integers(-2, 12),
    st.one_of(st.none(), st.integers(-2, 40)),
    st.one_of(st.none(), st.integers(-2, 40)),
)
def test_plan_due_orders_as_a_full_sort_of_the_due_cards(
    entries: list[tuple[str, int | None]],
    new_allowance: int,
    limit: int | None,
    review_allowance: int | None,
) -> None:
    # ids may repeat (a card listed twice) and due times tie: the order is the full sort's
    cards = [FakeCard(card_id) for card_id, _ in entries]
    due_at = {
        card_id: to_db(NOW + timedelta(hours=hours - 5))
        for card_id, hours in entries
        if hours is not None
    }
    planned = plan_due(
        cards,
        due_at,
        NOW,
        new_allowance=new_allowance,
        limit=limit,
        review_allowance=review_allowance,
    )
    expected = _plan_due_by_full_sort(
        cards, due_at, to_db(NOW), new_allowance, limit, review_allowance
    )
    assert [c.id for c in planned] == expected
