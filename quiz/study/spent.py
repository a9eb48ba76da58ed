"""The time a card takes on the clock, for the interview plan's budget and its pace.

An answer's own time (`Review.duration_ms`) runs from the card shown to the answer given;
reading the feedback or the explanation and moving on come after it. A card's time on
the clock runs from the card shown to the next card shown (or to the session's end): the
answer's time plus what follows it. Within a session the next card is shown at its own
answer's moment less its answer time, so the log of answers and the sessions' ends give
every card's time, for past days too.

A pause is not study: the part after an answer counts at most `AFTER_ANSWER_CAP`, and an
answer's own time at most `ANSWER_CAP` (a card left open over lunch).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from quiz.store import Review

__all__ = ["AFTER_ANSWER_CAP", "ANSWER_CAP", "card_seconds", "review_seconds"]

AFTER_ANSWER_CAP = 180.0
"""Seconds after an answer (reading the feedback, moving on) that count at most."""
ANSWER_CAP = 1800.0
"""Seconds of one answer that count at most (the pace leaves longer answers out)."""


def card_seconds(answers: Sequence[tuple[datetime, float]], end: datetime | None) -> list[float]:
    """Each answer's time on the clock, for one session's answers in order.

    `answers` are (answered at, answer seconds); `end` is when the session ended (None:
    not yet, or never recorded: the last answer then counts its answer time only). A
    card's time is its answer time plus the time until the next card was shown (the next
    answer's moment less its answer time), the part after the answer capped.
    """
    result: list[float] = []
    for index, (at, seconds) in enumerate(answers):
        if index + 1 < len(answers):
            following, its_seconds = answers[index + 1]
            after = (following - at).total_seconds() - its_seconds
        else:
            after = 0.0 if end is None else (end - at).total_seconds()
        answer = min(max(0.0, seconds), ANSWER_CAP)
        result.append(answer + min(max(0.0, after), AFTER_ANSWER_CAP))
    return result


def review_seconds(
    reviews: Sequence[Review], ends: Mapping[int, datetime | None]
) -> dict[int, float]:
    """Each review's card time on the clock (by review id), its session's answers taken in
    order; `ends` gives each session's end. A review with no time logged counts 0, and one
    outside any session its answer time alone."""
    sessions: dict[int | None, list[Review]] = {}
    for review in reviews:
        sessions.setdefault(review.session_id, []).append(review)
    result: dict[int, float] = {}
    for session_id, logged in sessions.items():
        if session_id is None:
            for review in logged:
                result[review.id] = min((review.duration_ms or 0) / 1000, ANSWER_CAP)
            continue
        logged.sort(key=lambda review: (review.reviewed_at, review.id))
        times = card_seconds(
            [(review.reviewed_at, (review.duration_ms or 0) / 1000) for review in logged],
            ends.get(session_id),
        )
        result.update((review.id, seconds) for review, seconds in zip(logged, times, strict=True))
    return result
