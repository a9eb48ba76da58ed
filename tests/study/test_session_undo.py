"""Undo takes back the session's last action, whatever it was: an answer, a bury, a suspend.

Each test checks both sides: what the store keeps (reviews, flags) and what the session
queues next. The session runs on a fake clock; the store is a temp database.
"""

from __future__ import annotations

from datetime import timedelta

from fsrs import Rating, Scheduler

from quiz.store import Store
from quiz.study.aside import SetAside
from quiz.study.cards import Filters
from quiz.study.options import SessionOptions
from quiz.study.plan import TimeBox
from quiz.study.session import Session
from quiz.study.summary import Answer
from tests.study.fakes import NOW, Clock, FakeCard, deck


def _queue(session: Session) -> list[str]:
    """The ids still queued, the current card first."""
    return [card.id for card in session.queued]


def _session(store: Store, scheduler: Scheduler, clock: Clock, **options: object) -> Session:
    return Session(
        store,
        deck(),
        SessionOptions(new_per_day=8, **options),  # type: ignore[arg-type]
        clock=clock,
        scheduler=scheduler,
    )


def test_undo_after_a_bury_takes_back_the_bury_not_the_answer_before_it(
    store: Store, scheduler: Scheduler
) -> None:
    clock = Clock()
    session = _session(store, scheduler, clock)
    planned = [card.id for card in session.planned]
    clock.advance(20)
    answered = session.rate(Rating.Easy)  # graduates: not asked again
    assert answered.card.id == "sigmoid-why"
    before_bury = _queue(session)
    clock.advance(5)
    buried = session.set_aside(suspend=False)
    assert buried is not None and buried.card.id == "sigmoid-bound"
    assert "sigmoid-bound" in store.hidden_ids(clock.now)
    assert session.progress == (1, 7)
    clock.advance(5)
    undone = session.undo()
    assert isinstance(undone, SetAside) and undone.card.id == "sigmoid-bound"
    # the store: the bury is gone, the answer before it stays
    assert store.card_flags() == {} and store.hidden_ids(clock.now) == set()
    assert [r.card_id for r in store.reviews()] == ["sigmoid-why"]
    # the queue: as before the bury, the buried card current again
    assert _queue(session) == before_bury and session.progress == (1, 8)
    assert session.current is not None and session.current.id == "sigmoid-bound"
    # and the next undo takes back the answer
    again = session.undo()
    assert isinstance(again, Answer) and again is answered
    assert store.review_count() == 0 and _queue(session) == planned
    assert session.undo() is None and not session.can_undo


def test_undo_after_a_suspend_puts_the_card_back_into_study(
    store: Store, scheduler: Scheduler
) -> None:
    clock = Clock()
    session = _session(store, scheduler, clock)
    session.rate(Rating.Good)
    session.rate(Rating.Good)
    before = _queue(session)
    suspended = session.set_aside(suspend=True)
    assert suspended is not None and suspended.flag.suspended
    assert store.card_flags()["relu-dead"].suspended
    undone = session.undo()
    assert isinstance(undone, SetAside) and undone.card.id == "relu-dead"
    assert "relu-dead" not in store.card_flags()
    assert store.review_count() == 2, "the answers before the suspend stay"
    assert _queue(session) == before
    later = _session(store, scheduler, clock)
    assert "relu-dead" in [card.id for card in later.planned], "a new session studies it"


def test_undo_goes_back_through_answers_buries_and_suspends_in_order(
    store: Store, scheduler: Scheduler
) -> None:
    clock = Clock()
    session = _session(store, scheduler, clock)
    queues = [_queue(session)]
    session.set_aside(suspend=False)  # bury sigmoid-why
    queues.append(_queue(session))
    clock.advance(10)
    session.rate(Rating.Again)  # sigmoid-bound, asked again at the end (a learning step)
    queues.append(_queue(session))
    assert queues[-1][-1] == "sigmoid-bound"
    clock.advance(10)
    session.set_aside(suspend=True)  # suspend relu-dead
    queues.append(_queue(session))
    clock.advance(10)
    session.rate(Rating.Easy)  # adam-bias
    flags = store.card_flags()
    assert set(flags) == {"sigmoid-why", "relu-dead"}
    undone = [session.undo() for _ in range(4)]
    assert [type(u).__name__ for u in undone] == ["Answer", "SetAside", "Answer", "SetAside"]
    assert [u.card.id for u in undone if u is not None] == [
        "adam-bias",
        "relu-dead",
        "sigmoid-bound",
        "sigmoid-why",
    ]
    assert store.review_count() == 0 and store.card_flags() == {}
    assert _queue(session) == queues[0]


def test_each_undo_leaves_the_queue_as_it_was_before_that_action(
    store: Store, scheduler: Scheduler
) -> None:
    clock = Clock()
    session = _session(store, scheduler, clock)
    queues = []
    for step in ("bury", "again", "suspend", "good"):
        queues.append(_queue(session))
        clock.advance(7)
        if step in ("bury", "suspend"):
            session.set_aside(suspend=step == "suspend")
        else:
            session.rate(Rating.Again if step == "again" else Rating.Good)
    for expected in reversed(queues):
        session.undo()
        assert _queue(session) == expected


def test_undoing_a_bury_of_a_suspended_card_restores_its_flag_exactly(
    store: Store, scheduler: Scheduler
) -> None:
    earlier = NOW - timedelta(days=3)
    store.set_flag("adam-step", suspended=True, buried_until=None, now=earlier)
    before = store.card_flag("adam-step")
    picked = SessionOptions(mode="cram", filters=Filters(tag="drill"), include_hidden=True)
    clock = Clock()
    session = Session(store, deck(), picked, clock=clock, scheduler=scheduler)
    assert session.current is not None and session.current.id == "adam-step"
    aside = session.set_aside(suspend=False)
    assert aside is not None and aside.flag.suspended and aside.flag.buried_until is not None
    session.undo()
    assert store.card_flag("adam-step") == before, "suspended, not buried, set when it was"


def test_what_undo_takes_back_says_which_action_it_was(store: Store, scheduler: Scheduler) -> None:
    """The flag is the result, not the action: a bury leaves a suspended card suspended
    and a suspend ends a burial, so the step keeps what the person asked for."""
    earlier = NOW - timedelta(hours=3)
    store.bury("adam-step", until=NOW + timedelta(hours=8), now=earlier)
    store.set_flag("bn-forward", suspended=True, buried_until=None, now=earlier)
    flags = {card_id: store.card_flag(card_id) for card_id in ("adam-step", "bn-forward")}
    picked = SessionOptions(mode="cram", filters=Filters(tag="drill"), include_hidden=True)
    clock = Clock()
    session = Session(store, deck(), picked, clock=clock, scheduler=scheduler)
    assert [card.id for card in session.planned] == ["adam-step", "bn-forward"]
    suspended = session.set_aside(suspend=True)  # the card buried earlier
    assert suspended is not None and suspended.action == "suspend"
    clock.advance(10)
    buried = session.set_aside(suspend=False)  # the card suspended earlier: it stays so
    assert buried is not None and buried.action == "bury" and buried.flag.suspended
    undone = [session.undo(), session.undo()]
    assert [(u.card.id, u.action) for u in undone if isinstance(u, SetAside)] == [
        ("bn-forward", "bury"),
        ("adam-step", "suspend"),
    ]
    assert {card_id: store.card_flag(card_id) for card_id in flags} == flags


def test_undo_leaves_a_flag_changed_elsewhere_since(store: Store, scheduler: Scheduler) -> None:
    clock = Clock()
    session = _session(store, scheduler, clock)
    session.set_aside(suspend=False)
    clock.advance(30)
    # meanwhile the browser (another tab) suspends the buried card
    store.set_flag("sigmoid-why", suspended=True, buried_until=None, now=clock.now)
    session.undo()
    flag = store.card_flags()["sigmoid-why"]
    assert flag.suspended and flag.buried_until is None, "the later suspend stays"
    assert session.current is not None and session.current.id == "sigmoid-why"


# -- plan mode: cards the plan's minutes dropped ------------------------------------------


def _plan_session(store: Store, clock: Clock, ids: tuple[str, ...], seconds: float) -> Session:
    """A plan-mode session on concept cards whose long answer is 40 s."""
    cards = [FakeCard(card_id) for card_id in ids]
    box = TimeBox(seconds_left=seconds, long_answer={"concept": 40.0})
    options = SessionOptions(plan_queue=ids, time_box=box)
    return Session(store, cards, options, clock=clock, scheduler=Scheduler(enable_fuzzing=False))


def test_undo_in_plan_mode_brings_back_the_cards_the_minutes_dropped(store: Store) -> None:
    clock = Clock()
    session = _plan_session(store, clock, ("a", "b", "c", "d"), seconds=120)
    clock.advance(30)
    session.rate(Rating.Easy)  # 30 s used: b, c and d still fit (30 + 40 <= 120)
    before = _queue(session)
    assert before == ["b", "c", "d"]
    clock.advance(60)
    session.rate(Rating.Easy)  # 90 s used: nothing else fits
    assert session.current is None and [c.id for c in session.left_for_later] == ["c", "d"]
    assert session.time_box_note is not None
    session.undo()
    assert _queue(session) == before, "c and d are back, in their places"
    assert session.left_for_later == [] and session.time_box_note is None
    assert [r.card_id for r in store.reviews()] == ["a"]


def test_undo_in_plan_mode_of_an_again_whose_copy_the_minutes_dropped(store: Store) -> None:
    clock = Clock()
    session = _plan_session(store, clock, ("a", "b", "c"), seconds=100)
    clock.advance(30)
    session.rate(Rating.Easy)
    before = _queue(session)
    clock.advance(40)
    again = session.rate(Rating.Again)  # 70 s used: c and the Again copy of b no longer fit
    assert again.requeued and session.current is None
    assert [c.id for c in session.left_for_later] == ["c", "b"]
    session.undo()
    assert _queue(session) == before == ["b", "c"]
    assert session.left_for_later == []


def test_undo_in_plan_mode_of_an_again_not_asked_again(store: Store) -> None:
    clock = Clock()
    cards = [FakeCard(card_id) for card_id in ("a", "b", "c")]
    box = TimeBox(seconds_left=100.0, long_answer={"concept": 40.0})
    no_steps = Scheduler(enable_fuzzing=False, learning_steps=(), relearning_steps=())
    options = SessionOptions(plan_queue=("a", "b", "c"), time_box=box)
    session = Session(store, cards, options, clock=clock, scheduler=no_steps)
    clock.advance(70)
    again = session.rate(Rating.Again)  # no step: done for the day; 70 s leaves no room
    assert not again.requeued and session.current is None
    session.undo()
    assert _queue(session) == ["a", "b", "c"] and session.left_for_later == []


def test_undo_brings_back_the_cards_the_feedback_s_minute_dropped(store: Store) -> None:
    """The plan's minutes count the feedback read after an answer when the next card would
    show (fifty-second round, Anki's time box): undo of that answer brings the cards back,
    its own card first."""
    clock = Clock()
    session = _plan_session(store, clock, ("a", "b", "c", "d"), seconds=120)
    clock.advance(30)
    session.rate(Rating.Easy)  # 30 s used: b, c and d still fit
    assert _queue(session) == ["b", "c", "d"]
    clock.advance(60)  # the feedback read for a minute: 90 s, no 40 s answer fits in 120
    session.show()
    assert session.current is None and [c.id for c in session.left_for_later] == ["b", "c", "d"]
    session.undo()
    assert _queue(session) == ["a", "b", "c", "d"] and session.left_for_later == []


def test_undo_of_an_again_whose_copy_was_dropped_with_the_next_answer(
    store: Store,
) -> None:
    clock = Clock()
    session = _plan_session(store, clock, ("a", "b", "c"), seconds=200)
    clock.advance(30)
    assert session.rate(Rating.Again).requeued  # fsrs's 1-minute step: asked again
    assert _queue(session) == ["b", "c", "a"]
    clock.advance(125)
    session.show()  # 155 s: a 40 s answer still fits in 200
    assert session.current is not None and session.current.id == "a", "its step came first"
    clock.advance(10)
    session.rate(Rating.Easy)  # 30 + 125 + 10 s: no 40 s answer fits in 200
    assert session.current is None and [c.id for c in session.left_for_later] == ["b", "c"]
    session.undo()
    assert _queue(session) == ["a", "b", "c"] and session.left_for_later == []
    session.undo()
    assert _queue(session) == ["a", "b", "c"] and session.left_for_later == []
    assert store.reviews() == []
