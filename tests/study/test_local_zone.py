"""The machine's zone as the app takes it at start: with its rules, so that an app left open
over a change of the clocks (summer time) counts its days on the new offset."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from quiz.study.days import (
    StudyZone,
    ZoneFile,
    ZoneWatch,
    days_back,
    json_time,
    local_timezone,
    named_zone,
    next_day_start,
    study_zone,
)


@pytest.fixture
def berlin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process in Berlin's zone (libc's too, which the old code read), then back."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_study_day_starts_at_4_on_the_wall_in_winter_and_in_summer(berlin: None) -> None:
    """The zone was the offset of the moment the app started: started in winter (+01:00),
    an app still open after the clocks went forward began each study day at 5 am and
    showed every time an hour early (started in summer, the same in winter)."""
    zone = study_zone(4)
    winter = datetime(2027, 1, 10, 12, tzinfo=UTC)
    summer = datetime(2027, 7, 10, 12, tzinfo=UTC)
    assert next_day_start(winter, zone) == datetime(2027, 1, 11, 3, tzinfo=UTC)  # 04:00 +01
    assert next_day_start(summer, zone) == datetime(2027, 7, 11, 2, tzinfo=UTC)  # 04:00 +02
    assert summer.astimezone(zone).hour == 14, "noon UTC is 14:00 on a Berlin wall in July"


def test_a_zone_is_named_by_tz_or_by_the_localtime_link(tmp_path: Path) -> None:
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/America/New_York")
    assert named_zone(None, link) == ZoneInfo("America/New_York")
    assert named_zone(":Asia/Tokyo", link) == ZoneInfo("Asia/Tokyo"), "TZ first"
    assert named_zone("/usr/share/zoneinfo/Asia/Tokyo", link) == ZoneInfo("Asia/Tokyo")
    copied = tmp_path / "copied"
    copied.write_bytes(b"TZif")
    assert named_zone(None, copied) is None, "a copied file names no zone: its offset then"
    assert named_zone(None, tmp_path / "missing") is None
    for unnamed in ("CET-1CEST,M3.5.0,M10.5.0/3", "", "../../etc/passwd", "/etc/passwd"):
        assert named_zone(unnamed, link) is None, unnamed
    beside = tmp_path / "beside"
    beside.symlink_to("Asia/Tokyo")  # a file next to the link, not the tz database's
    assert named_zone(None, beside) is None, "a link that leads outside the database"


def test_without_a_named_zone_the_machine_keeps_its_offset() -> None:
    """A POSIX rule in TZ names no zone: the offset the machine runs at is kept, not lost
    nor turned into UTC (a fresh interpreter, as the C library reads TZ once)."""
    code = (
        "from datetime import datetime\n"
        "from quiz.study.days import local_timezone\n"
        "print(local_timezone().utcoffset(datetime.now()))\n"
    )
    env = {**os.environ, "TZ": "ABC+3"}  # three hours west of UTC, no tz database name
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert done.stdout.strip() == str(timedelta(hours=-3))


def test_study_zones_are_equal_by_zone_and_hour() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    assert StudyZone(berlin, 4) == StudyZone(berlin, 4)
    assert hash(StudyZone(berlin, 4)) == hash(StudyZone(berlin, 4))
    assert StudyZone(berlin, 4) != StudyZone(berlin, 5)
    assert StudyZone(berlin, 4) != StudyZone(UTC, 4)
    assert StudyZone(UTC, 0) != UTC, "a study zone is not its clock zone"


def test_json_times_write_utc_as_z_and_other_offsets_as_they_are() -> None:
    assert json_time(datetime(2026, 3, 10, 12, 0, tzinfo=UTC)) == "2026-03-10T12:00:00Z"
    tokyo = datetime(2026, 3, 10, 21, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert json_time(tokyo) == "2026-03-10T21:00:00+09:00"


def test_days_back_ends_with_today_oldest_first() -> None:
    assert days_back(date(2026, 3, 1), 3) == [
        date(2026, 2, 27),
        date(2026, 2, 28),
        date(2026, 3, 1),
    ]
    assert days_back(date(2026, 3, 1), 1) == [date(2026, 3, 1)]


@pytest.mark.parametrize("hour", [-1, 24])
def test_a_study_day_starts_at_an_hour_of_the_day(hour: int) -> None:
    with pytest.raises(ValueError, match=f"day_starts_at {hour}: an hour from 0 to 23"):
        StudyZone(UTC, hour)
    assert StudyZone(UTC, 0).day_starts_at == 0 and StudyZone(UTC, 23).day_starts_at == 23


def test_a_posix_rule_does_not_send_zoneinfo_to_the_tzdata_package() -> None:
    """`TZ=ABC+3` (a rule, not a name) made zoneinfo fall back to the tzdata package, whose
    lookup imported importlib.resources and tempfile: 18 ms on every command, and the
    reason `stats --json`'s import pin failed under such a TZ. Run in a fresh interpreter,
    since this one has imported both long ago."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from quiz.study.days import named_zone\n"
        "assert named_zone('ABC+3', Path('/nonexistent')) is None\n"
        "print(sorted({'importlib.resources', 'tempfile'} & set(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


ZONEINFO = Path("/usr/share/zoneinfo")


def _copy_zone(name: str, to: Path) -> None:
    """Write the tz database's file for `name` over `to`, as an administrator's `cp` does.
    The database is a system package (tzdata) that `.ci/run` installs and the README names,
    as the other tests of this file need it too (`berlin`): its absence fails, never skips."""
    source = ZONEINFO / name
    assert source.is_file(), f"{source} missing: install the tz database (Debian's tzdata)"
    to.write_bytes(source.read_bytes())


def test_the_zone_watch_follows_a_copied_localtime_when_its_content_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copied (not linked) /etc/localtime replaced by another zone's file was not seen by
    an open app: no link to follow, and the C library reads the file once. Its content is
    followed now: a stat each look, a hash when the stat moved, a parse when the bytes did."""
    monkeypatch.delenv("TZ", raising=False)
    localtime = tmp_path / "localtime"  # standing for /etc/localtime
    _copy_zone("America/New_York", localtime)
    watch = ZoneWatch(lambda: local_timezone(localtime))
    winter = datetime(2027, 1, 10, 12, tzinfo=UTC)
    summer = datetime(2027, 7, 10, 12, tzinfo=UTC)
    assert watch.zone.utcoffset(winter) == timedelta(hours=-5)
    assert watch.zone.utcoffset(summer) == timedelta(hours=-4), "the copy's rules, not an offset"
    assert not watch.changed(), "nothing changed"
    _copy_zone("Asia/Tokyo", localtime)
    assert watch.changed()
    assert watch.zone.utcoffset(winter) == timedelta(hours=9)
    assert not watch.changed(), "seen once"
    _copy_zone("Asia/Tokyo", localtime)  # the same bytes written again: a new mtime only
    os.utime(localtime, ns=(0, 10**18))
    assert not watch.changed(), "the same content is the same zone"
    localtime.unlink()
    localtime.symlink_to(ZONEINFO / "Europe/Berlin")  # made a link: the link is followed
    assert watch.changed() and watch.zone == ZoneInfo("Europe/Berlin")


def test_a_copied_localtime_is_hashed_only_when_its_stat_moves_and_parsed_when_it_changed(
    tmp_path: Path,
) -> None:
    localtime = tmp_path / "localtime"
    _copy_zone("America/New_York", localtime)
    watched = ZoneFile(localtime)
    first = watched.zone()
    assert first is not None and watched.zone() is first and watched.parsed == 1
    same = localtime.read_bytes()
    localtime.write_bytes(same)  # rewritten alike: the stat moved, the hash did not
    assert watched.zone() is first and watched.parsed == 1
    _copy_zone("Asia/Tokyo", localtime)
    tokyo = watched.zone()
    assert tokyo is not first and watched.parsed == 2
    assert tokyo is not None and tokyo.utcoffset(datetime(2027, 1, 10)) == timedelta(hours=9)
    localtime.write_bytes(b"not a zone file")
    assert watched.zone() is None, "not a tz file: the machine's offset is used then"
    localtime.unlink()
    assert watched.zone() is None


def test_a_copied_localtime_that_is_not_a_zone_file_leaves_the_machine_offset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TZ", raising=False)
    localtime = tmp_path / "localtime"
    localtime.write_bytes(b"TZif")  # cut short
    expected = datetime.now().astimezone().tzinfo
    assert local_timezone(localtime) == expected
    assert local_timezone(tmp_path / "missing") == expected
