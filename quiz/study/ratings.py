"""How each kind of answer becomes an fsrs rating: small pure functions, one place."""

from __future__ import annotations

from fsrs import Rating

SUCCESS_RATINGS = frozenset({Rating.Good, Rating.Easy})


def rating_for_answer(correct: bool) -> Rating:
    """Choice and numeric cards grade themselves: right = Good, wrong = Again."""
    return Rating.Good if correct else Rating.Again


def rating_for_drill(*, passed: bool, hints_used: int, failed_attempts: int) -> Rating:
    """A coding drill's outcome in this sitting, as a rating.

    Passed on the first try without hints = Good; passed after hints or after failed
    attempts = Hard; not passed (given up) = Again.
    """
    if not passed:
        return Rating.Again
    if hints_used > 0 or failed_attempts > 0:
        return Rating.Hard
    return Rating.Good


def is_success(rating: Rating | int) -> bool:
    """A self-graded rating counts as correct when it is Good or Easy."""
    return Rating(rating) in SUCCESS_RATINGS
