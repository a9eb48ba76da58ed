"""How each kind of answer becomes an fsrs rating: small pure functions, one place.

As in Anki and FSRS, Hard is a pass (recalled with effort): only Again is a lapse.
"""

from __future__ import annotations

from fsrs import Rating

SUCCESS_RATINGS = frozenset({Rating.Hard, Rating.Good, Rating.Easy})


def rating_name(rating: Rating | int) -> str:
    """'Again', 'Hard', 'Good' or 'Easy'."""
    return Rating(rating).name


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
    """A rating counts as recalled unless it is Again (Hard is a pass with effort)."""
    return Rating(rating) in SUCCESS_RATINGS


def suggested_rating(ticked: int, total: int) -> Rating:
    """A rating suggested by the key points covered: all Good, at least half Hard, else Again."""
    if total <= 0 or ticked >= total:
        return Rating.Good
    return Rating.Hard if ticked * 2 >= total else Rating.Again
