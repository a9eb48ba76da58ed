"""Calendar days in the person's time zone, from an injected instant (no clock reads)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo


def as_utc(moment: datetime) -> datetime:
    """The same instant in UTC (fsrs insists on UTC); refuses naive datetimes."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment!r}: pass a timezone-aware time")
    return moment.astimezone(UTC)


def local_date(moment: datetime, tz: tzinfo) -> date:
    """The calendar date of `moment` as seen in `tz`."""
    return as_utc(moment).astimezone(tz).date()


def day_start(moment: datetime, tz: tzinfo) -> datetime:
    """Midnight (in `tz`) that starts the day containing `moment`, as a UTC datetime."""
    local = as_utc(moment).astimezone(tz)
    midnight = datetime(local.year, local.month, local.day, tzinfo=tz)
    return midnight.astimezone(UTC)


def next_day_start(moment: datetime, tz: tzinfo) -> datetime:
    """Midnight (in `tz`) that ends the day containing `moment`, as a UTC datetime.

    A day is 23 to 25 hours where the clocks change: 36 hours after the day's start is
    always within the next day, whose start this is.
    """
    return day_start(day_start(moment, tz) + timedelta(hours=36), tz)


def days_back(today: date, count: int) -> list[date]:
    """`count` dates ending with `today`, oldest first."""
    return [today - timedelta(days=offset) for offset in range(count - 1, -1, -1)]


def local_timezone() -> tzinfo:
    """The machine's current time zone; call at the edge (CLI/TUI), pass it inward."""
    zone = datetime.now().astimezone().tzinfo
    return zone if zone is not None else UTC
