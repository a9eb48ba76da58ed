"""One text format for instants in the database, so SQL string comparison orders by time."""

from __future__ import annotations

import re
from datetime import UTC, datetime

STORED_TEXT = re.compile(
    r"[1-9][0-9]{3}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
    r"T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]\.[0-9]{6}\+00:00"
)
"""`to_db`'s text of a time from year 1000 on, the fields in their ranges (ASCII digits
only): a text of this form that `datetime` reads is written back by `to_db` unchanged."""


class KeptMoment(datetime):
    """A UTC time read from `to_db`'s own text (`read_moment`), which it keeps as `text`:
    `to_db` gives that text back instead of formatting the time again (1.3 us a time, a
    heavy restore's 220,000 reviews). A time made from it (`+`, `replace`) is a new object
    without the text, formatted as any other."""

    __slots__ = ("text",)
    text: str


def to_db(moment: datetime) -> str:
    """Fixed-width UTC ISO-8601 text; refuses naive datetimes, which would be ambiguous."""
    if type(moment) is KeptMoment:
        try:
            return moment.text
        except AttributeError:  # made from a kept time by arithmetic: no text of its own
            pass
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment!r}: pass a timezone-aware time")
    utc = moment if moment.tzinfo is UTC else moment.astimezone(UTC)
    if utc.year >= 1000:  # the same text, for a fraction of strftime's time (a restore's 250,000)
        return utc.isoformat(timespec="microseconds")
    return utc.strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")  # %Y unpadded, as it always was


def from_db(text: str) -> datetime:
    """Parse what `to_db` (or fsrs' isoformat) wrote, always as an aware UTC datetime."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def read_moment(text: str) -> datetime:
    """`from_db(text)`, parsed once; a text already in `to_db`'s form is kept with the time
    (`KeptMoment`), so the store is given the very text the file held."""
    if STORED_TEXT.fullmatch(text) is None:
        return from_db(text)
    moment = KeptMoment.fromisoformat(text)  # ValueError for a day no calendar has: 02-30
    moment.text = text
    return moment
