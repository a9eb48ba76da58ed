"""One text format for instants in the database, so SQL string comparison orders by time."""

from __future__ import annotations

from datetime import UTC, datetime


def to_db(moment: datetime) -> str:
    """Fixed-width UTC ISO-8601 text; refuses naive datetimes, which would be ambiguous."""
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
