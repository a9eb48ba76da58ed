"""`ElsewhereChanges` on its own: what another drillbit did to a session's cards is found,
taken out of the queue and the waiting steps, and put back once they are in study again.

The session's tests (test_session_two_drillbits.py, test_session_aside_elsewhere.py) drive
it through `Session.show`; these pin each of its steps with a queue handed in directly.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fsrs import Rating, Scheduler

from quiz.store import Store
from quiz.study.aside import set_card_aside
from quiz.study.cards import StudyCard
from quiz.study.elsewhere_changes import ElsewhereChanges
from quiz.study.scheduling import review_card
from tests.study.fakes import NOW, deck

SECOND = timedelta(seconds=1)


def _changes(
    store: Store, *, watching: bool = True, hidden_at_start: dict[str, StudyCard] | None = None
) -> ElsewhereChanges:
    session_id = store.start_session(mode="due", started_at=NOW)
    return ElsewhereChanges(
        store,
        session_id=session_id,
        started_at=NOW,
        watching=watching,
        hidden_at_start=hidden_at_start or {},
    )


def _answer_there(other: Store, scheduler: Scheduler, card_id: str, at: datetime) -> None:
    """Another drillbit's answer (no session of ours): Good on a new card, a 10-minute step."""
    review_card(other, scheduler, card_id, Rating.Good, now=at, correct=True)


def test_a_queued_card_answered_there_and_not_due_again_is_found(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    cards: list[StudyCard] = list(deck())
    changes = _changes(store)
    _answer_there(other, scheduler, cards[2].id, NOW + SECOND)
    taken, hidden = changes.find(cards, [], NOW + 2 * SECOND)
    assert taken == {cards[2].id} and hidden == {}
    # its step due, it is asked again here: not taken
    assert changes.find(cards, [], NOW + timedelta(hours=1)) == (set(), {})
    # a card not in the queue is none of this session's business
    assert changes.find(cards[:2], [], NOW + 2 * SECOND) == (set(), {})


def test_a_cram_or_mock_session_watches_nothing(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    cards: list[StudyCard] = list(deck())
    changes = _changes(store, watching=False)
    _answer_there(other, scheduler, cards[0].id, NOW + SECOND)
    set_card_aside(other, cards[1].id, suspend=True, now=NOW + SECOND, tz=UTC)
    assert changes.find(cards, [], NOW + 2 * SECOND) == (set(), {})


def test_cards_set_aside_there_are_found_as_suspended_or_buried(store: Store, other: Store) -> None:
    cards: list[StudyCard] = list(deck())
    changes = _changes(store)
    set_card_aside(other, cards[1].id, suspend=True, now=NOW + SECOND, tz=UTC)
    set_card_aside(other, cards[3].id, suspend=False, now=NOW + SECOND, tz=UTC)
    _taken, hidden = changes.find(cards, [], NOW + 2 * SECOND)
    assert hidden == {cards[1].id: True, cards[3].id: False}


def test_drop_takes_the_cards_out_in_place_and_tells_each_once(store: Store) -> None:
    cards: list[StudyCard] = list(deck())
    changes = _changes(store)
    queue: list[StudyCard] = list(cards)
    waiting = {cards[4].id: NOW + timedelta(minutes=10)}
    dropped = changes.drop(queue, waiting, {cards[0].id}, {cards[4].id: False})
    assert dropped == [(0, cards[0]), (4, cards[4])], "with their places, for undo"
    assert [c.id for c in queue] == [c.id for c in cards if c not in (cards[0], cards[4])]
    assert waiting == {}, "a waiting step set aside there no longer waits"
    assert changes.answered == [cards[0]] and changes.set_aside == [(cards[4], False)]
    # back in the queue (an undo) and found again: taken out, not told twice
    queue.insert(0, cards[0])
    queue.append(cards[4])
    changes.drop(queue, {}, {cards[0].id}, {cards[4].id: False})
    assert changes.answered == [cards[0]] and changes.set_aside == [(cards[4], False)]
    assert changes.drop(queue, {}, set(), {}) == []


def test_put_back_queues_an_unsuspended_card_before_the_waiting_steps(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    cards: list[StudyCard] = list(deck())
    review_card(
        store, scheduler, cards[0].id, Rating.Good, now=NOW - timedelta(days=9), correct=True
    )
    review_card(
        store, scheduler, cards[0].id, Rating.Good, now=NOW - timedelta(days=8), correct=True
    )
    changes = _changes(store)
    set_card_aside(other, cards[0].id, suspend=True, now=NOW + SECOND, tz=UTC)
    queue: list[StudyCard] = list(cards[:3])
    step = NOW + timedelta(minutes=10)
    waiting = {cards[2].id: step}
    changes.drop(queue, waiting, set(), {cards[0].id: True})
    queue.append(cards[5])  # a waiting learning copy at the end
    waiting = {cards[5].id: step}
    # still suspended there: stays out
    changes.put_back(queue, waiting, {cards[0].id: True}, NOW + 2 * SECOND, lambda c, _d: None)
    assert cards[0] not in queue and changes.back == []
    # unsuspended there (its flag gone) and due: back, before the waiting copy
    changes.put_back(queue, waiting, {}, NOW + 3 * SECOND, lambda card, _due: None)
    assert [c.id for c in queue] == [cards[1].id, cards[2].id, cards[0].id, cards[5].id]
    assert changes.back == [cards[0]]
    # put back once: a second call finds nothing more to do
    changes.put_back(queue, waiting, {}, NOW + 4 * SECOND, lambda card, _due: None)
    assert changes.back == [cards[0]] and queue.count(cards[0]) == 1


def test_put_back_requeues_a_learning_copy_at_its_step(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    cards: list[StudyCard] = list(deck())
    review_card(store, scheduler, cards[0].id, Rating.Good, now=NOW, correct=True)
    step = store.card_state(cards[0].id)
    assert step is not None and step.due > NOW
    changes = _changes(store)
    set_card_aside(other, cards[0].id, suspend=True, now=NOW + SECOND, tz=UTC)
    queue: list[StudyCard] = [cards[1], cards[0]]
    changes.drop(queue, {cards[0].id: step.due}, set(), {cards[0].id: True})
    calls: list[tuple[StudyCard, datetime]] = []
    changes.put_back(queue, {}, {}, NOW + 2 * SECOND, lambda card, due: calls.append((card, due)))
    assert calls == [(cards[0], step.due)], "the session's requeue, at the step it waited for"
    assert changes.back == [cards[0]] and queue == [cards[1]]


def test_put_back_unhidden_queues_a_due_card_hidden_at_the_start(
    store: Store, scheduler: Scheduler
) -> None:
    cards: list[StudyCard] = list(deck())
    review_card(
        store, scheduler, cards[0].id, Rating.Good, now=NOW - timedelta(days=9), correct=True
    )
    review_card(
        store, scheduler, cards[0].id, Rating.Good, now=NOW - timedelta(days=8), correct=True
    )
    set_card_aside(store, cards[0].id, suspend=True, now=NOW - SECOND, tz=UTC)
    set_card_aside(store, cards[1].id, suspend=True, now=NOW - SECOND, tz=UTC)  # a new card
    changes = _changes(store, hidden_at_start={cards[0].id: cards[0], cards[1].id: cards[1]})
    queue: list[StudyCard] = [cards[2], cards[3]]
    waiting = {cards[3].id: NOW + timedelta(minutes=10)}
    changes.put_back_unhidden(queue, waiting, NOW + SECOND)
    assert queue == [cards[2], cards[3]], "both still suspended"
    store.set_flag(cards[0].id, suspended=False, buried_until=None, now=NOW + SECOND)
    store.set_flag(cards[1].id, suspended=False, buried_until=None, now=NOW + SECOND)
    changes.put_back_unhidden(queue, waiting, NOW + 2 * SECOND)
    assert queue == [cards[2], cards[0], cards[3]], "the due one, before the waiting step"
    assert changes.back == [cards[0]], "a new card waits for new_per_day, not this session"


def test_news_says_each_change_once_in_the_order_taken_out_then_back(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    cards: list[StudyCard] = list(deck())
    changes = _changes(store)
    assert changes.news() == []
    queue: list[StudyCard] = list(cards)
    changes.drop(queue, {}, {cards[0].id}, {cards[1].id: True, cards[2].id: False})
    assert changes.news() == [
        f"'{cards[0].title}' was answered in another drillbit meanwhile: not asked again here.",
        "2 cards were suspended or buried in another drillbit meanwhile: not asked here.",
    ]
    assert changes.news() == [], "said once"
    changes.drop(queue, {}, {cards[3].id}, {})
    assert changes.news() == [
        f"'{cards[3].title}' was answered in another drillbit meanwhile: not asked again here."
    ], "only what is new since"
    changes.put_back(queue, {}, {cards[1].id: True}, NOW + SECOND, lambda card, _due: None)
    assert changes.news() == [
        f"'{cards[2].title}' is back in study (put back in another drillbit): asked here after all."
    ]
