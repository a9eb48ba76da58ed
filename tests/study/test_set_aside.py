"""Skip, bury and suspend change what is due; new/learning/review/suspended add up."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from fsrs import Rating, Scheduler

from quiz.store import Store
from quiz.study import Session, SessionOptions, aside_phrase, deck_counts, set_card_aside
from quiz.study.aside import toggle_aside
from quiz.study.cards import Filters
from quiz.study.scheduling import review_card
from tests.study.fakes import NOW, deck


def test_bury_hides_a_card_until_tomorrow_and_suspend_until_undone(
    store: Store, scheduler: Scheduler
) -> None:
    session = Session(store, deck(), SessionOptions(new_per_day=8), now=NOW, scheduler=scheduler)
    first = session.current
    assert first is not None and first.id == "sigmoid-why"
    buried = session.set_aside(suspend=False, now=NOW)
    assert buried is not None and buried[0] is first and not buried[1].suspended
    second = session.current
    assert second is not None and second.id == "sigmoid-bound"
    session.set_aside(suspend=True, now=NOW)  # suspend
    assert session.remaining == 6 and store.review_count() == 0  # nothing logged
    later = Session(store, deck(), SessionOptions(new_per_day=8), now=NOW, scheduler=scheduler)
    assert {c.id for c in later.planned}.isdisjoint({"sigmoid-why", "sigmoid-bound"})
    tomorrow = NOW + timedelta(days=1)
    next_day = Session(store, deck(), SessionOptions(new_per_day=8), now=tomorrow)
    planned = [c.id for c in next_day.planned]
    assert "sigmoid-why" in planned and "sigmoid-bound" not in planned
    store.set_flag("sigmoid-bound", suspended=False, buried_until=None, now=tomorrow)
    back = Session(store, deck(), SessionOptions(new_per_day=8), now=tomorrow)
    assert "sigmoid-bound" in [c.id for c in back.planned]
    picked = Session(  # a card picked by hand is shown even when suspended
        store, deck()[:1], SessionOptions(mode="cram", include_hidden=True), now=NOW
    )
    assert [c.id for c in picked.planned] == ["sigmoid-why"]


def test_counts_add_up_with_learning_and_suspended_cards(
    store: Store, scheduler: Scheduler
) -> None:
    cards = deck()
    review_card(store, scheduler, "sigmoid-why", Rating.Good, now=NOW, correct=True)  # learning
    review_card(store, scheduler, "relu-dead", Rating.Easy, now=NOW, correct=True)  # review
    store.set_flag("adam-step", suspended=True, buried_until=None, now=NOW)
    store.set_flag("bn-where", suspended=False, buried_until=NOW + timedelta(hours=5), now=NOW)
    counts = deck_counts(store, cards, NOW + timedelta(hours=1), new_per_day=20)
    total = counts.total
    assert (total.new, total.learning, total.learned, total.suspended) == (5, 1, 1, 1)
    assert total.new + total.learning + total.learned + total.suspended == total.total == 8
    assert total.due == 1  # the learning card's 10-minute step has passed
    assert counts.new_today == 4  # five new, one of them buried until later today
    for topic in counts.by_topic.values():
        assert topic.new + topic.learning + topic.learned + topic.suspended == topic.total


def test_the_daily_review_cap_limits_scheduled_cards_not_new_ones(
    store: Store, scheduler: Scheduler
) -> None:
    for card_id in ("sigmoid-why", "relu-dead", "adam-bias"):  # in review, due by NOW
        review_card(
            store, scheduler, card_id, Rating.Easy, now=NOW - timedelta(days=40), correct=True
        )
    options = SessionOptions(new_per_day=1, max_reviews_per_day=2)
    session = Session(store, deck(), options, now=NOW, scheduler=scheduler)
    planned = [c.id for c in session.planned]
    assert len(planned) == 3 and planned[-1] == "sigmoid-bound"  # 2 reviews + 1 new


def test_a_whole_deck_session_and_a_filtered_one_both_leave_hidden_cards_out(
    store: Store, scheduler: Scheduler
) -> None:
    assert Filters().selects_all and not Filters(kind="concept").selects_all
    store.set_flag("sigmoid-why", suspended=True, buried_until=None, now=NOW)
    store.set_flag("adam-bias", suspended=False, buried_until=NOW + timedelta(hours=1), now=NOW)
    options = SessionOptions(new_per_day=20)
    whole = [c.id for c in Session(store, deck(), options, now=NOW, scheduler=scheduler).planned]
    assert whole == [c.id for c in deck() if c.id not in {"sigmoid-why", "adam-bias"}]
    concepts = SessionOptions(new_per_day=20, filters=Filters(kind="concept"))
    picked = Session(store, deck(), concepts, now=NOW, scheduler=scheduler).planned
    assert [c.id for c in picked] == [
        c.id for c in deck() if c.kind == "concept" and c.id not in {"sigmoid-why", "adam-bias"}
    ]


def test_burying_a_suspended_card_leaves_it_suspended(store: Store) -> None:
    store.set_flag("adam-step", suspended=True, buried_until=None, now=NOW)
    flag = set_card_aside(store, "adam-step", suspend=False, now=NOW, tz=UTC)
    assert flag.suspended and aside_phrase(flag).startswith("Still suspended")
    kept = store.card_flags()["adam-step"]
    assert kept.suspended and kept.hidden_at(NOW + timedelta(days=30))
    fresh = set_card_aside(store, "relu-dead", suspend=False, now=NOW, tz=UTC)
    assert not fresh.suspended and aside_phrase(fresh) == "Buried until tomorrow"
    assert fresh.buried_until is not None and not fresh.hidden_at(NOW + timedelta(days=1))


@pytest.mark.parametrize(("suspend", "shown_as"), [(True, "suspended"), (False, "buried")])
def test_the_browsers_key_sets_a_card_aside_then_puts_it_back(
    store: Store, suspend: bool, shown_as: str
) -> None:
    """s or b in the card browser: on a card in study it sets it aside, on one whose row
    shows it set aside so it puts it back (the browser screen decided this itself)."""
    card = deck()[0]
    said = toggle_aside(store, card, suspend=suspend, shown_as="new", now=NOW, tz=UTC)
    assert said == f"{'Suspended' if suspend else 'Buried until tomorrow'}: {card.title}"
    flag = store.card_flags()[card.id]
    assert flag.suspended == suspend and (flag.buried_until is None) == suspend
    said = toggle_aside(store, card, suspend=suspend, shown_as=shown_as, now=NOW, tz=UTC)
    assert said == f"Back in study: {card.title}"
    assert card.id not in store.card_flags()


def test_burying_a_card_shown_suspended_says_it_stays_suspended(store: Store) -> None:
    """b on a suspended card's row is a bury, not a putting back: it stays suspended."""
    card = deck()[0]
    store.set_flag(card.id, suspended=True, buried_until=None, now=NOW)
    said = toggle_aside(store, card, suspend=False, shown_as="suspended", now=NOW, tz=UTC)
    assert said.startswith("Still suspended") and store.card_flags()[card.id].suspended
