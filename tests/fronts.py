"""Number cards built in a test: the one NumericFront builder the bank's and the study box's
tests share, so a new required field is added once."""

from __future__ import annotations

from quiz.bank.models import NumericFront, Tolerance


def numeric_front(answer: float, tolerance: Tolerance, unit: str | None = None) -> NumericFront:
    """A number card's front with `answer` and `tolerance`, the other fields placeholders."""
    return NumericFront(
        id="n",
        title="n",
        topic="t",
        difficulty=1,
        source="tests",
        answer=answer,
        tolerance=tolerance,
        unit=unit,
    )
