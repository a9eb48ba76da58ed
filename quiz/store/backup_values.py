"""The backup's value types: its times, days, card ids, 64-bit integers and filters.

Each is an annotated type the row models (`quiz.store.backup_models`) are built from: the
checks that make a file's value safe for the store and a later merge (a time no later than
now plus a day, a burial no later than two days ahead) live with the type, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BeforeValidator,
    Field,
    PlainSerializer,
    ValidationInfo,
)

from quiz.jsonshown import shown
from quiz.store.timefmt import read_moment, to_db

FUTURE_SLACK = timedelta(days=1)
"""How far past the importing machine's clock a time may be (clock skew, time zones)."""
INT64 = 2**63 - 1
BURY_SLACK = timedelta(days=2)
"""A burial lasts until the start of the next day: one ending later than this from now is refused."""
MAX_DURATION_MS = 7 * 24 * 3600 * 1000
"""A week: longer than any answer or grading; 1e30 is refused, not stored."""
MAX_DUE_AHEAD = timedelta(days=2 * 36_500)
"""How far past now an fsrs card may be due: twice fsrs's longest interval, 100 years."""
BOUNDS = "bounds"
"""The key of a validation context's `Bounds`, made from its `now` at the first value."""


def _parse_moment(value: Any) -> Any:
    """ISO-8601 text to a datetime; a time without an offset is UTC, as the store writes.

    From a file only text: a number was read by pydantic as seconds since 1970, a guess
    no drillbit file needs (it writes every time as text). A datetime (a row built in
    code) passes."""
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise ValueError(f"a time is ISO-8601 text, not {shown(value)}")
    try:
        return read_moment(value)  # a text in the store's form is kept, written back as read
    except ValueError as exc:
        raise ValueError(f"not an ISO-8601 time: {value[:40]!r}") from exc
    except OverflowError as exc:  # year 1 or 9999 shifted past the calendar by its offset
        raise ValueError(f"{value[:40]!r} is out of range once in UTC") from exc


def day_text(value: Any) -> Any:
    """A day is text (`2026-01-19`), parsed by pydantic; a number is not one (a date
    built in code passes)."""
    if not isinstance(value, str | date):
        raise ValueError(f"a day is `YYYY-MM-DD` text, not {shown(value)}")
    return value


def _not_in_future(value: datetime, info: ValidationInfo) -> datetime:
    latest = bounds_of(info).latest
    if value > latest:
        raise ValueError(f"{to_db(value)} is in the future (after {to_db(latest)})")
    return value.astimezone(UTC)  # itself when already in UTC (a kept text stays kept)


@dataclass(frozen=True, slots=True)
class Bounds:
    """The latest times a validation accepts, worked out once from its `now`: a heavy
    restore's 450,000 times each read the context's clock and added a slack before."""

    now: datetime
    latest: datetime
    """A time of the file: now + `FUTURE_SLACK`."""
    bury: datetime
    """A burial's end: now + `BURY_SLACK`."""
    due: datetime
    """An fsrs card's due time: `latest` + `MAX_DUE_AHEAD`."""

    @classmethod
    def at(cls, now: datetime) -> Bounds:
        latest = now + FUTURE_SLACK
        return cls(now, latest, now + BURY_SLACK, latest + MAX_DUE_AHEAD)


def bounds_of(info: ValidationInfo) -> Bounds:
    """The validation's `Bounds` (its context's, which a backup's read makes once), else
    made from the context's `now`, else from the clock (a row validated in code)."""
    context = info.context if isinstance(info.context, dict) else {}
    bounds = context.get(BOUNDS)
    if isinstance(bounds, Bounds):
        return bounds
    now = context.get("now")
    return Bounds.at(now if isinstance(now, datetime) else datetime.now(UTC))


Moment = Annotated[
    AwareDatetime,
    BeforeValidator(_parse_moment),
    AfterValidator(_not_in_future),
    PlainSerializer(to_db, return_type=str),
    Field(
        description="UTC ISO-8601 time, `YYYY-MM-DDTHH:MM:SS.ffffff+00:00`, not after now + 1 day"
    ),
]


def _bury_end(value: datetime, info: ValidationInfo) -> datetime:
    limit = bounds_of(info).bury
    if value > limit:
        raise ValueError(
            f"{to_db(value)} is too far ahead for a burial (it lasts until the next day; "
            f"at most {to_db(limit)})"
        )
    return value.astimezone(UTC)


BuryEnd = Annotated[
    AwareDatetime,
    BeforeValidator(_parse_moment),
    AfterValidator(_bury_end),
    PlainSerializer(to_db, return_type=str),
    Field(description="UTC ISO-8601 time, not after now + 2 days"),
]
CardId = Annotated[str, Field(min_length=1, max_length=200, description="The card's string id")]
Int64 = Annotated[int, Field(ge=-INT64 - 1, le=INT64)]
FsrsCardText = Annotated[
    str,
    Field(
        max_length=4096,
        description=(
            "fsrs `Card.to_json()` text, kept verbatim (undo compares it byte for byte);"
            " each field is checked (see *fsrs cards*)"
        ),
    ),
]
FilterScalar = (
    None
    | bool
    | Int64
    | Annotated[float, Field(allow_inf_nan=False)]
    | Annotated[str, Field(max_length=200)]
)
FilterValue = FilterScalar | Annotated[list[FilterScalar], Field(max_length=10_000)]
