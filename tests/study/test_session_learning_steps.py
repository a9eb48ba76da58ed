"""Every answer that leaves a card in a same-day step brings it back in the session.

Anki shows a learning card again in the same sitting once its step comes due: a new card
answered Good (fsrs's 10-minute step) is asked again, not only one answered Again. A due
session puts such a card back at the end of its queue, whatever the rating; a card that
graduates, or whose step is a day or more, is done for the day. Under an interview plan
on a day without same-day steps nothing comes back; cram asks only a miss again, and a
mock interview nothing.
"""

from __future__ import annotations

import random
from datetime import timedelta

from fsrs import Rating, Scheduler, State

from quiz.store import Store
from quiz.study.cards import Filters
from quiz.study.options import SessionOptions
from quiz.study.scheduling import load_card, review_card
from quiz.study.session import Session
from tests.study.fakes import NOW, deck

CONCEPTS = Filters(kind="concept")  # sigmoid-why, adam-bias, bn-where


def _steps(learning: tuple[int, ...] = (1, 10), relearning: tuple[int, ...] = (10,)) -> Scheduler:
    """fsrs without fuzzing, with these steps in minutes (fsrs's defaults: 1 10, and 10)."""
    return Scheduler(
        learning_steps=tuple(timedelta(minutes=m) for m in learning),
        relearning_steps=tuple(timedelta(minutes=m) for m in relearning),
        enable_fuzzing=False,
    )


def _ids(session: Session) -> list[str]:
    return [card.id for card in session.queued]


def test_a_new_card_rated_good_comes_back_at_the_end_until_it_graduates(store: Store) -> None:
    session = Session(store, deck(), SessionOptions(filters=CONCEPTS), now=NOW, scheduler=_steps())
    assert session.progress == (0, 3)
    good = session.rate(Rating.Good, now=NOW + timedelta(seconds=20))
    assert good.card.id == "sigmoid-why" and good.requeued
    saved = load_card(store, "sigmoid-why")
    assert saved is not None and saved.state == State.Learning
    assert saved.due == NOW + timedelta(seconds=20, minutes=10)  # its 10-minute step
    assert _ids(session) == ["adam-bias", "bn-where", "sigmoid-why"]
    assert session.progress == (0, 3), "0 done, 3 left: the card that comes back is not done"
    moment = NOW + timedelta(seconds=20)
    seen = []
    while session.current is not None:
        seen.append(session.current.id)
        moment += timedelta(seconds=20)
        # the other two graduate at once; sigmoid-why, back in its step, graduates on Good
        rating = Rating.Easy if session.current.id != "sigmoid-why" else Rating.Good
        assert not session.rate(rating, now=moment).requeued
    assert seen == ["adam-bias", "bn-where", "sigmoid-why"]
    saved = load_card(store, "sigmoid-why")
    assert saved is not None and saved.state == State.Review
    summary = session.finish(now=moment)
    assert (summary.planned, summary.answers, summary.cards_reviewed) == (3, 4, 3)
    assert summary.correct == 4 and summary.accuracy == 1.0
    assert [r.card_id for r in store.reviews()].count("sigmoid-why") == 2


def test_a_new_card_rated_easy_graduates_and_is_done(store: Store) -> None:
    session = Session(store, deck(), SessionOptions(filters=CONCEPTS), now=NOW, scheduler=_steps())
    assert not session.rate(Rating.Easy, now=NOW).requeued
    saved = load_card(store, "sigmoid-why")
    assert saved is not None and saved.state == State.Review
    assert _ids(session) == ["adam-bias", "bn-where"] and session.progress == (1, 3)


def test_hard_on_a_new_card_comes_back_and_so_does_each_hard_after_it(store: Store) -> None:
    session = Session(store, deck(), SessionOptions(filters=CONCEPTS), now=NOW, scheduler=_steps())
    hard = session.rate(Rating.Hard, now=NOW)
    assert hard.requeued and hard.correct, "a pass, still in its first step (about 6 minutes)"
    assert _ids(session) == ["adam-bias", "bn-where", "sigmoid-why"]
    session.rate(Rating.Easy, now=NOW)
    session.rate(Rating.Easy, now=NOW)
    assert session.current is not None and session.current.id == "sigmoid-why"
    assert session.rate(Rating.Hard, now=NOW).requeued, "Hard again: still in the step"
    assert session.progress == (2, 3), "the two Easy cards done, the Hard one left"
    assert session.rate(Rating.Good, now=NOW).requeued, "Good: on to the 10-minute step"
    assert not session.rate(Rating.Good, now=NOW).requeued, "Good in the last step: graduated"
    saved = load_card(store, "sigmoid-why")
    assert saved is not None and saved.state == State.Review
    assert session.current is None
    summary = session.finish(now=NOW)
    assert (summary.answers, summary.cards_reviewed, summary.correct) == (6, 3, 6)


def test_without_learning_steps_no_rating_brings_a_new_card_back(store: Store) -> None:
    no_steps = _steps(learning=(), relearning=())
    options = SessionOptions(filters=CONCEPTS)
    for rating in (Rating.Again, Rating.Hard, Rating.Good):
        session = Session(store, deck(), options, now=NOW, scheduler=no_steps)
        card = session.current
        assert card is not None
        assert not session.rate(rating, now=NOW).requeued
        assert session.progress == (1, 3)
        saved = load_card(store, card.id)
        assert saved is not None and saved.state == State.Review
        session.undo(now=NOW)
    assert store.card_states() == {}


def test_a_plan_day_without_same_day_steps_brings_nothing_back(store: Store) -> None:
    """As `quiz.overview` builds it: no requeue, answers scheduled without steps."""
    ids = ("sigmoid-why", "adam-bias", "bn-where")
    options = SessionOptions(filters=CONCEPTS, plan_queue=ids, requeue=False, same_day_steps=False)
    session = Session(store, deck(), options, now=NOW, scheduler=_steps())
    assert session.plan_mode
    for rating in (Rating.Again, Rating.Hard, Rating.Good):
        assert not session.rate(rating, now=NOW).requeued
    assert session.current is None and session.progress == (3, 3)
    states = [load_card(store, card_id) for card_id in ids]
    assert all(s is not None and s.state == State.Review for s in states)


def test_a_plan_day_with_same_day_steps_brings_a_good_back(store: Store) -> None:
    ids = ("sigmoid-why", "adam-bias")
    options = SessionOptions(filters=CONCEPTS, plan_queue=ids, requeue=True)
    session = Session(store, deck(), options, now=NOW, scheduler=_steps())
    assert session.rate(Rating.Good, now=NOW).requeued
    assert _ids(session) == ["adam-bias", "sigmoid-why"] and session.progress == (0, 2)


def test_undo_of_a_requeued_good_takes_its_copy_out(store: Store) -> None:
    session = Session(store, deck(), SessionOptions(filters=CONCEPTS), now=NOW, scheduler=_steps())
    good = session.rate(Rating.Good, now=NOW)
    assert good.requeued and _ids(session) == ["adam-bias", "bn-where", "sigmoid-why"]
    assert session.undo(now=NOW) is good
    assert _ids(session) == ["sigmoid-why", "adam-bias", "bn-where"], "no second copy"
    assert session.progress == (0, 3)
    assert store.card_states() == {} and store.reviews() == []
    # undo of the second answer, given to the copy, brings the copy back
    session.rate(Rating.Good, now=NOW)
    session.rate(Rating.Easy, now=NOW)
    session.rate(Rating.Easy, now=NOW)
    last = session.rate(Rating.Good, now=NOW)
    assert last.card.id == "sigmoid-why" and not last.requeued and session.current is None
    session.undo(now=NOW)
    assert _ids(session) == ["sigmoid-why"] and session.progress == (2, 3)
    saved = load_card(store, "sigmoid-why")
    assert saved is not None and saved.state == State.Learning


def test_a_lapsed_card_rated_good_in_its_relearning_step(store: Store) -> None:
    """With fsrs's one relearning step, Good there ends the lapse (back to review, done
    for the day); with two, Good moves it to the second step, due today: asked again."""
    learned = _steps()
    review_card(
        store, learned, "adam-bias", Rating.Easy, now=NOW - timedelta(days=40), correct=True
    )
    options = SessionOptions(filters=Filters(topic="optim", kind="concept"))
    for relearning, back in (((10,), False), ((10, 60), True)):
        session = Session(store, deck(), options, now=NOW, scheduler=_steps(relearning=relearning))
        assert _ids(session) == ["adam-bias"]
        assert session.rate(Rating.Again, now=NOW).requeued  # the lapse: its 10-minute step
        assert load_card(store, "adam-bias").state == State.Relearning  # type: ignore[union-attr]
        good = session.rate(Rating.Good, now=NOW + timedelta(minutes=1))
        assert good.requeued is back
        assert session.progress == ((0, 1) if back else (1, 1))
        saved = load_card(store, "adam-bias")
        assert saved is not None
        assert saved.state == (State.Relearning if back else State.Review)
        session.undo(now=NOW)
        session.undo(now=NOW)
        assert load_card(store, "adam-bias").state == State.Review  # type: ignore[union-attr]


def test_cram_asks_only_a_miss_again_and_mock_nothing(store: Store) -> None:
    cram = Session(
        store, deck(), SessionOptions(mode="cram", filters=CONCEPTS), now=NOW, scheduler=_steps()
    )
    assert not cram.rate(Rating.Hard, now=NOW).requeued, "cram has no steps: a pass is done"
    assert not cram.rate(Rating.Good, now=NOW).requeued
    assert cram.rate(Rating.Again, now=NOW).requeued
    assert _ids(cram) == ["bn-where"] and cram.progress == (2, 3)
    mock = Session(
        store,
        deck(),
        SessionOptions(mode="mock", filters=CONCEPTS, limit=3),
        now=NOW,
        scheduler=_steps(),
        rng=random.Random(1),
    )
    for rating in (Rating.Again, Rating.Hard, Rating.Good):
        assert not mock.rate(rating, now=NOW).requeued
    assert mock.current is None
    assert store.card_states() == {}
