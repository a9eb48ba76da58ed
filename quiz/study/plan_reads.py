"""Reading the store for the plan: the plan's cards, the person's pace from their
answer times (`pace_from_store`), the seconds spent between two moments, and the cards'
fsrs memory now or at a moment (`memory_at`).

quiz.study.plan (its forecast and pacing code) is imported inside the functions that
need it: Home and a due session ask `store.interview_plan()` at every start, and
without a plan need none of it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from fsrs import Card, Scheduler

from quiz.store import Review, Store
from quiz.study.cards import StudyCard
from quiz.study.days import as_utc

if TYPE_CHECKING:
    from quiz.study.plan import Pace


PACE_WINDOW_DAYS = 60
"""Answer times older than this are left out of the pace estimate."""


def planned_cards(store: Store, cards: Sequence[StudyCard]) -> list[StudyCard]:
    """The cards a plan covers: all but the suspended ones (a buried card is back tomorrow)."""
    suspended = {card_id for card_id, flag in store.card_flags().items() if flag.suspended}
    return [card for card in cards if card.id not in suspended]


def pace_from_store(
    store: Store,
    cards: Sequence[StudyCard],
    now: datetime,
    tz: tzinfo,
    scheduler: Scheduler | None = None,
    *,
    before: datetime | None = None,
) -> Pace:
    """The person's time per card, from their answers of the last weeks (only those
    before `before` when given: the pace at the start of a day): each card's time on the
    clock (`quiz.study.spent`), first answers apart; `scheduler`'s steps say how many
    answers a new card and a review take on their day.

    What a plan-mode day will take is learnt from answers taken as plan mode takes them:
    due and cram answers (the same screen, the feedback read after each). A mock
    interview's answers are left out: they race its own time limit, show no feedback and
    answer an unpassed drill as it stands, so they are quicker than a card on a plan day
    (a card seen first in a mock still makes the next answer to it a later one, not a
    first look). A drill answered without a pass outside a mock was given up (a session
    rates an unpassed drill only after ctrl+g, and skips it otherwise): marked `gave_up`,
    it does not make drills look quicker (`estimate_pace`)."""
    from quiz.study.plan import TimedAnswer, estimate_pace

    kinds = {card.id: card.kind for card in cards}
    # the window ends at `before` when given, so the day's pace stays the same all day
    since = as_utc(now if before is None else before) - timedelta(days=PACE_WINDOW_DAYS)
    until = None if before is None else as_utc(before)
    reviews = [
        review
        for review in store.reviews(since=since)
        if review.duration_ms is not None
        and review.card_id in kinds
        and (until is None or review.reviewed_at < until)
    ]
    seconds = _card_seconds(store, reviews, since)
    seen: set[str] = set()
    answers: list[TimedAnswer] = []
    for review in reviews:
        # a first look: the card's first answer here, to a card fsrs had not scheduled
        first = review.state_before is None and review.card_id not in seen
        seen.add(review.card_id)
        if review.mode == "mock":
            continue
        kind = kinds[review.card_id]
        answers.append(
            TimedAnswer(
                card_id=review.card_id,
                kind=kind,
                seconds=seconds[review.id],
                first=first,
                gave_up=kind == "coding" and not review.correct,
            )
        )
    return estimate_pace(answers, scheduler)


def _card_seconds(store: Store, reviews: Sequence[Review], since: datetime) -> dict[int, float]:
    """Each review's card time on the clock (`quiz.study.spent`), by review id."""
    from quiz.study.spent import review_seconds

    # a session started the evening before `since` may hold its first answers
    return review_seconds(reviews, store.session_ends(since - timedelta(days=1)))


def spent_between(store: Store, start: datetime, end: datetime | None = None) -> float:
    """Seconds due (plan-mode) sessions spent on the cards answered from `start` to before
    `end` (to now without it): each card's time on the clock, from the card shown to the
    next card shown (`quiz.study.spent`)."""
    until = None if end is None else as_utc(end)
    if until is not None and until <= as_utc(start):
        return 0.0
    reviews = [
        r for r in store.reviews(since=start, mode="due") if until is None or r.reviewed_at < until
    ]
    return sum(_card_seconds(store, reviews, start).values())


def memory_at(
    store: Store,
    card_ids: Sequence[str],
    moment: datetime,
    current: Mapping[str, Card] | None = None,
) -> dict[str, Card]:
    """The cards' fsrs memory states as they were at `moment`: a card answered since has
    the state before its first answer since (absent when it was new then); the others
    their saved state. From the review log, which keeps each answer's state before.

    `current`: the saved states already read (`current_memory`, of these cards or more),
    so a caller that needs them too reads the card states once."""
    memory = saved_states(store, card_ids, current)
    wanted = set(card_ids)
    done: set[str] = set()
    for review in store.reviews(since=as_utc(moment)):
        if review.card_after is None or review.card_id in done or review.card_id not in wanted:
            continue  # cram and mock answers leave the schedule alone
        done.add(review.card_id)
        if review.card_before is None:
            memory.pop(review.card_id, None)
        else:
            memory[review.card_id] = Card.from_json(review.card_before)
    return memory


def current_memory(store: Store, card_ids: Sequence[str]) -> dict[str, Card]:
    """The saved fsrs states of `card_ids` (absent: never seen), in their order. Read once
    for one `plan_status`: the day's start, the steps due, the offer ahead and readiness on
    the day take theirs from it (each read the whole card_state table and parsed its
    states again: three times in one status once the day's list was done). The store keeps
    each parsed Card beside its saved state (`Store.fsrs_cards`): after an answer only the
    answered card's is parsed again. Shared Cards: never changed here or by fsrs."""
    return store.fsrs_cards(card_ids)


def saved_states(
    store: Store, card_ids: Sequence[str], current: Mapping[str, Card] | None
) -> dict[str, Card]:
    """The saved states of `card_ids`, in their order, as `current_memory` gives them:
    taken from `current` (states of these cards or more) when given, else read."""
    if current is None:
        return current_memory(store, card_ids)
    return {card_id: current[card_id] for card_id in card_ids if card_id in current}
