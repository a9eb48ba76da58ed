"""Study days in the person's time zone, from an injected instant (no clock reads).

A study day starts at an hour of the person's choosing (the `day_starts_at` setting, 4 am
by default, as Anki's "next day starts at"): an answer at 01:30 counts on the day before,
so a late evening is one day, not two. A `StudyZone` carries that hour beside the time
zone; any other tzinfo (a test's UTC) starts its days at midnight. Every day boundary of
study, the plan and stats comes from the functions here, so they all count the same day.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import zoneinfo
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, tzinfo
from importlib.util import find_spec
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from quiz.errors import escape_path

DEFAULT_DAY_STARTS_AT = 4
"""Anki's default for "next day starts at": answers until 4 am belong to the evening before."""


class StudyZone(tzinfo):
    """A time zone whose study days start at `day_starts_at` o'clock rather than midnight.

    Clock times are the zone's own (it answers utcoffset, dst and tzname as `zone` does), so
    a due time shown in it reads as on the wall clock; only the day functions below read
    the hour."""

    def __init__(self, zone: tzinfo, day_starts_at: int) -> None:
        if not 0 <= day_starts_at <= 23:
            raise ValueError(f"day_starts_at {day_starts_at}: an hour from 0 to 23")
        self.zone = zone
        self.day_starts_at = day_starts_at

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return self.zone.utcoffset(_in(dt, self.zone))

    def dst(self, dt: datetime | None) -> timedelta | None:
        return self.zone.dst(_in(dt, self.zone))

    def tzname(self, dt: datetime | None) -> str | None:
        return self.zone.tzname(_in(dt, self.zone))

    def fromutc(self, dt: datetime) -> datetime:
        return self.zone.fromutc(dt.replace(tzinfo=self.zone)).replace(tzinfo=self)

    def __repr__(self) -> str:
        return f"StudyZone({self.zone!r}, day_starts_at={self.day_starts_at})"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, StudyZone)
            and other.zone == self.zone
            and other.day_starts_at == self.day_starts_at
        )

    def __hash__(self) -> int:
        return hash((self.zone, self.day_starts_at))


def _in(dt: datetime | None, zone: tzinfo) -> datetime | None:
    """`dt` with `zone` as its tzinfo (the wrapped zone reads the wall time itself)."""
    return None if dt is None else dt.replace(tzinfo=zone)


def clock_zone(tz: tzinfo) -> tzinfo:
    """The zone whose wall clock `tz` shows: a StudyZone's wrapped zone, any other zone
    itself. Converting there gives the same clock times at C speed (a StudyZone converts
    through three Python calls a datetime: the card browser's 10,000 due times took 50 ms)."""
    return tz.zone if isinstance(tz, StudyZone) else tz


def day_starts_at(tz: tzinfo) -> int:
    """The hour `tz`'s study days start at: a StudyZone's, midnight for any other zone."""
    return tz.day_starts_at if isinstance(tz, StudyZone) else 0


def as_utc(moment: datetime) -> datetime:
    """The same instant in UTC (fsrs insists on UTC); refuses naive datetimes."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment!r}: pass a timezone-aware time")
    return moment.astimezone(UTC)


def local_date(moment: datetime, tz: tzinfo) -> date:
    """The study day `moment` falls on in `tz`: its calendar date, or the day before when
    it is earlier than the hour the day starts at."""
    local = as_utc(moment).astimezone(tz)
    return (local.replace(tzinfo=None) - timedelta(hours=day_starts_at(tz))).date()


def date_start(day: date, tz: tzinfo) -> datetime:
    """The moment (UTC) study day `day` starts in `tz`: its midnight, or the hour set."""
    start = datetime(day.year, day.month, day.day, day_starts_at(tz), tzinfo=tz)
    return start.astimezone(UTC)


def day_start(moment: datetime, tz: tzinfo) -> datetime:
    """The moment (UTC) the study day containing `moment` started in `tz`."""
    return date_start(local_date(moment, tz), tz)


def json_time(moment: datetime) -> str:
    """ISO 8601 as pydantic writes it (UTC as `Z`), so a JSON output written by `json`
    is the bytes its model would write (`quiz.cli.plain.model_like_json`)."""
    text = moment.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def next_day_start(moment: datetime, tz: tzinfo) -> datetime:
    """The moment (UTC) the study day containing `moment` ends in `tz` (the next one's start).

    A day is 23 to 25 hours where the clocks change: its date plus one is the next day."""
    return date_start(local_date(moment, tz) + timedelta(days=1), tz)


def days_back(today: date, count: int) -> list[date]:
    """`count` dates ending with `today`, oldest first."""
    return [today - timedelta(days=offset) for offset in range(count - 1, -1, -1)]


class ZoneWatch:
    """The machine's zone as last read, so that an open app follows a change of it (a laptop
    that travelled, the system's zone set anew), as Anki reads the zone again at its day's
    rollover: the app kept the zone it started in. `local_timezone` follows the
    /etc/localtime link's target and, when the file is a copy, its content (`ZoneFile`),
    so both kinds of change are seen here."""

    def __init__(self, read: Callable[[], tzinfo]) -> None:
        self._read = read
        self.zone = read()

    def changed(self) -> bool:
        """Read the zone again; True when it differs from the last reading, now this one."""
        zone = self._read()
        if zone == self.zone:
            return False
        self.zone = zone
        return True


class ZoneFile:
    """The zone a copied (not linked) /etc/localtime holds, read from its content.

    The C library reads that file once per process, so an app left open kept the offset
    it started with after the file was replaced by another zone's. Here each look is a
    stat (size, mtime, ctime, inode): only when it moved is the file hashed, and only when
    its bytes changed is it parsed again; the same bytes give the same zone object, so
    `ZoneWatch` sees no change where there is none."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._mark: tuple[int, ...] | None = None
        self._digest: bytes | None = None
        self._zone: tzinfo | None = None
        self.parsed = 0
        """How many times the content was parsed (tests read it)."""

    def zone(self) -> tzinfo | None:
        """The file's zone with its rules, or None (no such file, not a tz file)."""
        try:
            found = os.stat(self.path)
        except OSError:
            self._mark = self._digest = self._zone = None
            return None
        mark = (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino, found.st_dev)
        if mark == self._mark:
            return self._zone
        try:
            data = self.path.read_bytes()
        except OSError:
            self._mark = self._digest = self._zone = None
            return None
        digest = hashlib.sha256(data).digest()
        self._mark = mark
        if digest != self._digest:
            self._digest = digest
            self._zone = _zone_of(data)
            self.parsed += 1
        return self._zone


def _zone_of(data: bytes) -> tzinfo | None:
    """The zone in a tz database file's bytes (TZif), or None when they are not one."""
    try:
        return ZoneInfo.from_file(io.BytesIO(data))
    except (ValueError, OSError):
        return None


_COPIED: dict[Path, ZoneFile] = {}
"""The copied localtime files read so far, by path: each keeps its zone between looks."""


def copied_zone(localtime: Path) -> tzinfo | None:
    """The zone in the file `localtime` when it is a copy, not a link (`ZoneFile`)."""
    watch = _COPIED.get(localtime)
    if watch is None:
        watch = _COPIED[localtime] = ZoneFile(localtime)
    return watch.zone()


def local_timezone(localtime: Path | None = None) -> tzinfo:
    """The machine's time zone with its rules; call at the edge (CLI/TUI), pass it inward.

    The zone the tz database names for it (`named_zone`), so that an app left open over a
    change of the clocks (summer time) counts its days and shows its times in the new
    offset: the offset of the moment it started, which this was, put the 4 am day start
    at 5 am all summer and every due time an hour early. Without a name and without TZ,
    the rules in a copied `localtime` file (`copied_zone`: its content, followed when it
    changes); else the offset the machine runs at. `localtime` is /etc/localtime
    (`LOCALTIME`) unless a test gives another."""
    path = LOCALTIME if localtime is None else localtime
    tz_variable = os.environ.get("TZ")
    named = named_zone(tz_variable, path)
    if named is not None:
        return named
    if tz_variable is None and not path.is_symlink():
        copied = copied_zone(path)
        if copied is not None:
            return copied
    zone = datetime.now().astimezone().tzinfo
    return zone if zone is not None else UTC


LOCALTIME = Path("/etc/localtime")
"""The machine's zone when TZ is not set: a link into the tz database on most systems."""


def named_zone(tz_variable: str | None, localtime: Path) -> tzinfo | None:
    """The tz database's zone named by the TZ variable (`Europe/Berlin`, `:Europe/Berlin`,
    a path into the database), or when it is unset by the link `localtime`
    (`…/zoneinfo/Europe/Berlin`); None when neither names one (a POSIX rule such as
    `CET-1CEST`, another file, a copied one, no database)."""
    if tz_variable is not None:
        name = tz_variable.removeprefix(":")
    else:
        try:
            name = os.readlink(localtime)
        except OSError:
            return None
    _, in_database, key = name.rpartition("zoneinfo/")  # a path into the database: its key
    if not in_database and (tz_variable is None or name.startswith("/")):
        return None
    if not may_be_a_zone(key):
        return None
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def may_be_a_zone(key: str) -> bool:
    """Whether `ZoneInfo(key)` could find `key`: a file under the system's database, or
    the tzdata package to fall back on. Without this check a POSIX rule (`TZ=ABC+3`)
    sent zoneinfo to look in tzdata, whose import of importlib.resources cost every
    command 18 ms (and pulled in tempfile) to learn that there is no such zone."""
    if any(Path(root, key).is_file() for root in zoneinfo.TZPATH):
        return True
    return find_spec("tzdata") is not None


_POSIX_TIME = r"[+-]?\d{1,3}(?::\d{1,2}(?::\d{1,2})?)?"
_POSIX_NAME = r"(?:[A-Za-z]{3,}|<[A-Za-z0-9+-]{3,}>)"
_POSIX_DATE = r"(?:J\d{1,3}|\d{1,3}|M\d{1,2}\.\d\.\d)"
POSIX_RULE = re.compile(
    rf"{_POSIX_NAME}{_POSIX_TIME}"
    rf"(?:{_POSIX_NAME}(?:{_POSIX_TIME})?"
    rf"(?:,{_POSIX_DATE}(?:/{_POSIX_TIME})?,{_POSIX_DATE}(?:/{_POSIX_TIME})?)?)?"
)
"""A TZ value the C library reads as a rule of its own (`CET-1CEST,M3.5.0,M10.5.0/3`,
`<+03>-3`, `EST5EDT`): a zone, though no name in the tz database."""


def tz_trouble(
    tz_variable: str | None, used: tzinfo | Callable[[], tzinfo], localtime: Path = LOCALTIME
) -> str | None:
    """What to tell of a TZ that names no zone (`Europe/Berlinn`, `garbage`), with the zone
    `used` in its place; None when TZ is unset, empty (UTC, as the C library reads it), a
    zone of the tz database, a POSIX rule, or a zone file. The C library counts in UTC
    whatever it cannot read, without a word: study days then ended at the wrong hour.

    `used` may be the reader of the zone (`local_timezone`), called only once TZ is known
    to name none: every command with a good TZ read the machine's zone first, to tell
    nothing of it (the tz database looked up twice, every start)."""
    if not tz_variable or named_zone(tz_variable, localtime) is not None:
        return None
    name = tz_variable.removeprefix(":")
    if POSIX_RULE.fullmatch(name) or _is_zone_file(Path(name)):
        return None
    zone = used if isinstance(used, tzinfo) else used()
    offset = zone.utcoffset(None)
    if offset is None:
        shown = str(zone)
    elif not offset:
        shown = "UTC"
    else:
        sign, size = ("-", -offset) if offset < timedelta(0) else ("+", offset)
        hours, rest = divmod(int(size.total_seconds()) // 60, 60)
        shown = f"UTC{sign}{hours:02d}:{rest:02d}"
    return (
        f"TZ={escape_path(tz_variable)} names no time zone (none of that name in this "
        f"machine's tz database, nor a rule such as CET-1CEST), so study days are counted in "
        f"{shown}; set TZ to a zone such as Europe/Berlin, or unset it"
    )


def _is_zone_file(path: Path) -> bool:
    """Whether `path` (absolute) is a tz database file (TZif), which the C library reads."""
    if not path.is_absolute():
        return False
    try:
        with path.open("rb") as file:
            return file.read(4) == b"TZif"
    except OSError:
        return False


def study_zone(hour: int = DEFAULT_DAY_STARTS_AT) -> tzinfo:
    """The machine's time zone with study days starting at `hour` (the `day_starts_at`
    setting); call at the edge (CLI/TUI), pass it inward."""
    return StudyZone(local_timezone(), hour)
