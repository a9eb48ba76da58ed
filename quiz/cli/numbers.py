"""Number options that say what they want when given something else.

Click's ranges refuse `--minutes-per-day abc` with "'abc' is not a valid float range",
words of its own types a person never wrote. These say "'abc' is not a number; give one
from 1 to 1440" (a whole number for the integer ones); the range check itself, its
message for a number out of range and the help's `[1<=x<=1440]` stay Click's.
"""

from __future__ import annotations

from typing import Any

import click


def _bounds(low: float | None, high: float | None) -> str:
    """What to give instead: 'give one from 1 to 1440', 'give 1 or more'."""
    if low is not None and high is not None:
        return f"give one from {low:g} to {high:g}"
    if low is not None:
        return f"give {low:g} or more"
    return f"give {high:g} or less" if high is not None else "give one"


class NumberRange(click.FloatRange):
    """A FloatRange whose refusal of a non-number names a number and its bounds."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str):
            try:
                float(value)
            except ValueError:
                self.fail(f"{value!r} is not a number; {_bounds(self.min, self.max)}", param, ctx)
        return super().convert(value, param, ctx)


class WholeRange(click.IntRange):
    """An IntRange whose refusal of a non-integer names a whole number and its bounds."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str):
            try:
                int(value)
            except ValueError:
                self.fail(
                    f"{value!r} is not a whole number; {_bounds(self.min, self.max)}",
                    param,
                    ctx,
                )
        return super().convert(value, param, ctx)
