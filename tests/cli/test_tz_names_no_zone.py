"""A TZ that names no zone (`TZ=Europe/Berlinn`, `TZ=garbage`) is told once on stderr, with
the zone used in its place: the C library counts in UTC whatever TZ it cannot read, and
study days ended at the wrong hour without a word. A zone, a POSIX rule, a zone file and
an empty TZ (UTC, as the C library reads it) are used without one."""

from __future__ import annotations

import json
from datetime import UTC, timedelta, timezone
from pathlib import Path

import pytest

from quiz.study.days import tz_trouble
from tests.conftest import RunDrillbit

TOLD = (
    "drillbit: TZ={} names no time zone (none of that name in this machine's tz database, "
    "nor a rule such as CET-1CEST), so study days are counted in UTC; set TZ to a zone "
    "such as Europe/Berlin, or unset it"
)


@pytest.mark.parametrize("value", ["Europe/Berlinn", "garbage"])
def test_a_tz_naming_no_zone_is_told_once_with_the_zone_used(
    drillbit_process: RunDrillbit, value: str
) -> None:
    result = drillbit_process("stats", "--json", env={"TZ": value})
    assert result.returncode == 0
    assert result.stderr.splitlines() == [TOLD.format(value)]
    json.loads(result.stdout)  # the command still did its work


def test_a_tz_that_names_a_zone_is_used_without_a_word(drillbit_process: RunDrillbit) -> None:
    result = drillbit_process("stats", "--json", env={"TZ": "CET-1CEST,M3.5.0,M10.5.0/3"})
    assert result.returncode == 0
    assert result.stderr == ""


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "Europe/Berlin",
        ":Europe/Berlin",
        "UTC",
        "CET-1CEST",
        "EST5EDT",
        "<+03>-3",
        "CET-1CEST,M3.5.0,M10.5.0/3",
        "/usr/share/zoneinfo/Asia/Tokyo",
    ],
)
def test_zones_and_rules_are_no_trouble(value: str | None) -> None:
    assert tz_trouble(value, UTC) is None


@pytest.mark.parametrize(
    "value", ["Europe/Berlinn", "garbage", "Berlin", "/no/such/zone", ":Mars/Olympus", "12"]
)
def test_names_of_no_zone_are_told_with_the_offset_used(value: str, tmp_path: Path) -> None:
    assert tz_trouble(value, UTC) == TOLD.format(value).removeprefix("drillbit: ")
    east = tz_trouble(value, timezone(timedelta(hours=5, minutes=30)))
    assert east is not None and "counted in UTC+05:30;" in east
    west = tz_trouble(value, timezone(-timedelta(hours=3)))
    assert west is not None and "counted in UTC-03:00;" in west


def test_a_file_that_is_no_zone_file_is_told(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a zone\n", encoding="utf-8")
    assert tz_trouble(str(notes), UTC) is not None


@pytest.mark.parametrize(
    ("value", "reads"), [("Europe/Berlin", 0), ("CET-1CEST", 0), ("", 0), ("Europe/Berlinn", 1)]
)
def test_the_zone_used_is_read_only_when_tz_names_none(value: str, reads: int) -> None:
    """Every command with a good TZ read the machine's zone before learning there was
    nothing to tell: `tz_trouble` takes the reader and calls it for a TZ naming no zone."""
    calls: list[None] = []

    def machine_zone() -> timezone:
        calls.append(None)
        return timezone(timedelta(hours=2))

    told = tz_trouble(value, machine_zone)
    assert len(calls) == reads
    assert (told is not None) == bool(reads)
    assert told is None or "counted in UTC+02:00;" in told
