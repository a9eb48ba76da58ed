"""fsrs glue: stable fsrs ids, new cards, and one review applied and persisted.

The string card id stays the key in the store; fsrs wants an int, derived here from a
hash so it never changes between runs or machines.
"""

from __future__ import annotations

import copy
import hashlib
from datetime import datetime, timedelta, tzinfo

from fsrs import Card, Rating, Scheduler

from quiz.store import Mode, Review, Store
from quiz.store.timefmt import to_db
from quiz.study.days import as_utc
from quiz.study.rest_of_day import RestOfDay, in_step


def fsrs_card_id(card_id: str) -> int:
    """A stable positive 63-bit int for a string id (sha256, first 8 bytes, top bit dropped)."""
    digest = hashlib.sha256(card_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") >> 1


def new_card(card_id: str, now: datetime) -> Card:
    """A never-reviewed fsrs card, due now (passing `due` avoids fsrs reading the clock)."""
    return Card(card_id=fsrs_card_id(card_id), due=as_utc(now))


def default_scheduler() -> Scheduler:
    """The production scheduler: fsrs defaults (90% desired retention, interval fuzzing on)."""
    return Scheduler()


def without_steps(scheduler: Scheduler) -> Scheduler:
    """`scheduler` with no learning or relearning steps: every answer goes straight to
    review, with the interval fsrs gives the card's memory (how fsrs runs with both step
    lists empty). The memory itself (stability, difficulty) moves exactly as with steps:
    fsrs updates it the same way in every state; only the state and the due time differ."""
    return Scheduler.from_dict(
        {**scheduler.to_dict(), "learning_steps": [], "relearning_steps": []}
    )


def load_card(store: Store, card_id: str) -> Card | None:
    """The card's saved fsrs state, or None when it is new."""
    saved = store.card_state(card_id)
    return Card.from_json(saved.fsrs_card) if saved is not None else None


def review_card(
    store: Store,
    scheduler: Scheduler,
    card_id: str,
    rating: Rating,
    *,
    now: datetime,
    correct: bool,
    mode: Mode = "due",
    duration_ms: int | None = None,
    session_id: int | None = None,
) -> Review:
    """Log an answer; in `due` mode also reschedule the card. Committed when this returns.

    `cram` and `mock` answers are logged with the card's current state but leave the
    schedule untouched.
    """
    moment = as_utc(now)

    def reschedule(card_before: str | None) -> str | None:
        if mode != "due":
            return None
        card = Card.from_json(card_before) if card_before else new_card(card_id, moment)
        after, _log = scheduler.review_card(
            card, Rating(rating), review_datetime=moment, review_duration=duration_ms
        )
        return after.to_json()

    # Read, reschedule and write inside one database transaction: another thread or
    # process reviewing the same card waits, and never overwrites this step with a
    # schedule computed from a stale state.
    return store.record_scheduled_review(
        card_id=card_id,
        rating=int(rating),
        correct=correct,
        reviewed_at=moment,
        mode=mode,
        reschedule=reschedule,
        duration_ms=duration_ms,
        session_id=session_id,
    )


def step_due_today(review: Review, tz: tzinfo) -> bool:
    """Whether fsrs left the reviewed card in a learning or relearning step shorter than a
    day that falls due before the end of the review's study day (`tz`'s day start).

    Such a card comes back in today's due session, whatever the rating (a new card's Good
    is fsrs's 10-minute step), as in Anki; no other does. With no steps (an empty
    `learning_steps` or `relearning_steps`) fsrs schedules every answer a day or more out
    as a review, a card that graduates is a review too, and a step of a day or more ends
    today's study of the card. False when the review left the schedule alone (cram, mock).
    """
    if review.card_after is None:
        return False
    card = Card.from_json(review.card_after)
    moment = as_utc(review.reviewed_at)
    rest = RestOfDay.at(moment, tz)  # Home's count and a new session's queue: the same rule
    return card.due - moment < timedelta(days=1) and rest.step_later(
        int(card.state), to_db(card.due)
    )


def step_due_next_day(review: Review, tz: tzinfo) -> bool:
    """Whether fsrs left the reviewed card in a step shorter than a day that falls due on
    the next study day (an Again at 03:59:30, a 1-minute step, the day starting at 04:00).

    `step_due_today` does not ask it again in the session, so as not to ask it a day early;
    a session that carries on into that day asks it once its step is due, as Anki's
    queues, rebuilt when the day rolls over, do (`Session.show`).
    """
    if review.card_after is None:
        return False
    card = Card.from_json(review.card_after)
    moment = as_utc(review.reviewed_at)
    return (
        in_step(int(card.state))
        and card.due - moment < timedelta(days=1)
        and to_db(card.due) >= RestOfDay.at(moment, tz).end_text
    )


def step_due(review: Review) -> datetime:
    """When fsrs next asks the reviewed card (its step's due time), from the saved state;
    the review's own time when it left the schedule alone."""
    if review.card_after is None:
        return as_utc(review.reviewed_at)
    return as_utc(Card.from_json(review.card_after).due)


def preview_intervals(
    store: Store, scheduler: Scheduler, card_id: str, *, now: datetime
) -> dict[Rating, timedelta]:
    """How long until the card is due again after each rating, as Anki shows on its buttons.

    Computed by fsrs on a copy of the card's state, without fuzzing (the real interval may
    differ by a fuzz of a few percent); nothing is saved.
    """
    moment = as_utc(now)
    saved = store.card_state(card_id)
    card = Card.from_json(saved.fsrs_card) if saved is not None else new_card(card_id, moment)
    settings = scheduler.to_dict()
    settings["enable_fuzzing"] = False
    exact = Scheduler.from_dict(settings)
    result: dict[Rating, timedelta] = {}
    for rating in Rating:
        after, _log = exact.review_card(copy.deepcopy(card), rating, review_datetime=moment)
        result[rating] = after.due - moment
    return result


def shown_interval(span: timedelta, *, plan_mode: bool, same_day_steps: bool) -> str | None:
    """What a rating key shows of fsrs's next interval, or None for nothing.

    In plan mode the plan, not fsrs's interval, says on which day a card comes back (a
    due review may wait for the last pass), so only a same-day step is shown, and only
    when the plan takes them.
    """
    if plan_mode and not (same_day_steps and span < timedelta(days=1)):
        return None
    return format_interval(span)


def format_interval(span: timedelta) -> str:
    """'<1m', '6m', '3h', '1d', '4d', '2mo', '1.5y': short, as on Anki's rating buttons."""
    seconds = span.total_seconds()
    if seconds < 60:
        return "<1m"
    if seconds < 3600:
        return f"{round(seconds / 60)}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{round(days / 30)}mo"
    return f"{days / 365:.1f}".rstrip("0").rstrip(".") + "y"
