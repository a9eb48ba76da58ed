"""Number options that say what they want when given something else.

Click's ranges refuse `--minutes-per-day abc` with "'abc' is not a valid float range",
words of its own types a person never wrote. These say "'abc' is not a number; give one
from 1 to 1440" (a whole number for the integer ones); the range check itself, its
message for a number out of range and the help's `[1<=x<=1440]` stay Click's.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import click


def _bounds(low: float | None, high: float | None) -> str:
    """What to give instead: 'give one from 1 to 1440', 'give 1 or more'."""
    if low is not None and high is not None:
        return f"give one from {low:g} to {high:g}"
    if low is not None:
        return f"give {low:g} or more"
    return f"give {high:g} or less" if high is not None else "give one"


def _refuse_text(
    kind: click.FloatRange | click.IntRange,
    value: Any,
    parse: Callable[[str], object],
    noun: str,
    param: click.Parameter | None,
    ctx: click.Context | None,
) -> None:
    """The refusal both ranges share: text that `parse` cannot read is told what to give."""
    if isinstance(value, str):
        try:
            parse(value)
        except ValueError:
            kind.fail(f"{value!r} is not {noun}; {_bounds(kind.min, kind.max)}", param, ctx)


def _finite(text: str) -> float:
    """`float`, but NaN is no number: Python reads 'nan', and every range check passes it."""
    value = float(text)
    if math.isnan(value):
        raise ValueError(f"{text!r} is not a number")
    return value


class NumberRange(click.FloatRange):
    """A FloatRange whose refusal of a non-number (NaN too) names a number and its bounds.

    Click's range let `--target nan` through (NaN compares false with both bounds), and the
    plan's save then failed with SQLite's traceback (NaN is stored as NULL).
    """

    def __init__(self, *args: Any, percent: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.percent = percent
        """Whether '90%' is read as 0.9, as the settings file reads a retention."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if self.percent and isinstance(value, str) and value.strip().endswith("%"):
            from quiz.settings import from_percent  # only for a percentage

            number = from_percent(value.strip())
            if number is None:
                self.fail(
                    f"{value!r} is not a percentage; {_bounds(self.min, self.max)}", param, ctx
                )
            value = number
        _refuse_text(self, value, _finite, "a number", param, ctx)
        return super().convert(value, param, ctx)


class WholeRange(click.IntRange):
    """An IntRange whose refusal of a non-integer names a whole number and its bounds."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        _refuse_text(self, value, int, "a whole number", param, ctx)
        return super().convert(value, param, ctx)
