"""Number options that say what they want when given something else.

Click's ranges refuse `--minutes-per-day abc` with "'abc' is not a valid float range",
words of its own types a person never wrote. These say "'abc' is not a number; give one
from 1 to 1440" (a whole number for the integer ones), and a number out of range "0 is out
of range; give one from 1 to 1440" where Click said "0.0 is not in the range 1<=x<=1440."
(a float for the 0 typed, and the bounds in notation). The help says the same words:
`--minutes-per-day NUMBER ... [1 to 1440]`, where Click's read `FLOAT RANGE ...
[1<=x<=1440]`, its type's name and the range in notation.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import click


def _range_words(low: float | None, high: float | None) -> str:
    """A range in words, as the help shows it: '1 to 1440', '1 or more' ('' for none)."""
    if low is not None and high is not None:
        return f"{_bound(low)} to {_bound(high)}"
    if low is not None:
        return f"{_bound(low)} or more"
    return f"{_bound(high)} or less" if high is not None else ""


def _bound(number: float) -> str:
    """A bound as typed: a whole number in full (`:g` wrote the largest case seed
    9223372036854775807 as 9.22337e+18), a fraction short ('0.5')."""
    return str(number) if isinstance(number, int) else f"{number:g}"


def _bounds(low: float | None, high: float | None) -> str:
    """What to give instead: 'give one from 1 to 1440', 'give 1 or more'."""
    if low is not None and high is not None:
        return f"give one from {_range_words(low, high)}"
    return f"give {_range_words(low, high) or 'one'}"


def _bounds_of(kind: click.FloatRange | click.IntRange) -> str:
    """`_bounds` of a range, in percent too where a percentage is read ('90%' for 0.9): a
    person who typed '120%' is told the range in their own form as well."""
    said = _bounds(kind.min, kind.max)
    if getattr(kind, "percent", False) and kind.min is not None and kind.max is not None:
        said += f" or {kind.min * 100:g}% to {kind.max * 100:g}%"
    return said


def _refuse_text(
    kind: click.FloatRange | click.IntRange,
    value: Any,
    parse: Callable[[str], float],
    noun: str,
    param: click.Parameter | None,
    ctx: click.Context | None,
    *,
    hint: Callable[[str], str] = lambda _text: "",
) -> None:
    """The refusals both ranges share: text that `parse` cannot read is told what to give,
    and so is a number out of range, as typed (`hint` adds to that: '(did you mean 90%?)')."""
    if not isinstance(value, str):
        return  # a default or a value set in code: Click's own checks
    _refuse_other_digits(kind, value, noun, param, ctx)
    try:
        number = parse(value)
    except ValueError:
        kind.fail(f"{value!r} is not {noun}; {_bounds_of(kind)}", param, ctx)
    _refuse_outside(kind, number, value.strip(), hint(value), param, ctx)


def _refuse_other_digits(
    kind: click.FloatRange | click.IntRange,
    value: str,
    noun: str,
    param: click.Parameter | None,
    ctx: click.Context | None,
) -> None:
    """A number typed with digits other than 0-9 (fullwidth `３０`) refused, with what was
    meant: Python's float and int read them, the settings do not (`as_ascii_digits`)."""
    if value.isascii():
        return
    from quiz.settings import as_ascii_digits  # only for a refusal

    meant = as_ascii_digits(value.strip())
    if meant is not None:
        kind.fail(
            f"{value!r} is not {noun}: digits 0-9 only (did you mean {meant}?); {_bounds_of(kind)}",
            param,
            ctx,
        )


def _refuse_outside(
    kind: click.FloatRange | click.IntRange,
    number: float,
    typed: str,
    hint: str,
    param: click.Parameter | None,
    ctx: click.Context | None,
) -> None:
    """A number outside the range refused as it was typed ('950%', not 9.5)."""
    if (kind.min is not None and number < kind.min) or (kind.max is not None and number > kind.max):
        kind.fail(f"{typed} is out of range; {_bounds_of(kind)}{hint}", param, ctx)


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

    name = "number"
    """The help's metavar, NUMBER: Click's read `--minutes-per-day FLOAT RANGE`."""

    def _describe_range(self) -> str:
        """The help's range in words, '[1 to 1440]': Click's read '[1<=x<=1440]'."""
        return _range_words(self.min, self.max)

    def __init__(self, *args: Any, percent: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.percent = percent
        """Whether '90%' is read as 0.9, as the settings file reads a retention."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if self.percent and isinstance(value, str) and value.strip().endswith("%"):
            from quiz.settings import from_percent  # only for a percentage

            _refuse_other_digits(self, value, "a percentage", param, ctx)
            number = from_percent(value.strip())
            if number is None:
                self.fail(f"{value!r} is not a percentage; {_bounds_of(self)}", param, ctx)
            _refuse_outside(self, number, value.strip(), "", param, ctx)
            value = number
        _refuse_text(self, value, _finite, "a number", param, ctx, hint=self._percent_hint)
        return super().convert(value, param, ctx)

    def _percent_hint(self, text: str) -> str:
        """For a percentage range, '(did you mean 90%?)' after a refused '90'."""
        if not self.percent or self.min is None or self.max is None:
            return ""
        from quiz.settings import percent_hint  # only for a refusal

        hint = percent_hint(text, self.min, self.max)
        return f" ({hint})" if hint else ""


class WholeRange(click.IntRange):
    """An IntRange whose refusal of a non-integer names a whole number and its bounds."""

    name = "n"
    """The help's metavar, N: Click's read `--limit INTEGER RANGE`."""

    def _describe_range(self) -> str:
        """The help's range in words, '[1 or more]': Click's read '[x>=1]'."""
        return _range_words(self.min, self.max)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        _refuse_text(self, value, int, "a whole number", param, ctx)
        return super().convert(value, param, ctx)
