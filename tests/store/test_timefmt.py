"""`to_db`'s text: fixed-width UTC, the same whichever way it is made (isoformat for speed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from quiz.store.timefmt import from_db, to_db

FORMAT = "%Y-%m-%dT%H:%M:%S.%f+00:00"


@pytest.mark.parametrize("year", [1, 999, 1000, 1970, 2026, 9999])
@pytest.mark.parametrize("offset", [0, -11 * 60 - 30, 5 * 60 + 45])
@pytest.mark.parametrize("micro", [0, 7, 999_999])
def test_to_db_is_the_strftime_text(year: int, offset: int, micro: int) -> None:
    zone = UTC if offset == 0 else timezone(timedelta(minutes=offset))
    moment = datetime(year, 6, 15, 12, 30, 5, micro, tzinfo=zone)
    text = to_db(moment)
    assert text == moment.astimezone(UTC).strftime(FORMAT)
    if year >= 1000:
        assert len(text) == 32
        assert from_db(text) == moment


def test_to_db_of_a_fixed_zero_offset_zone() -> None:
    moment = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(0)))
    assert to_db(moment) == "2026-01-02T03:04:05.000000+00:00"


def test_to_db_refuses_a_naive_time() -> None:
    with pytest.raises(ValueError, match="naive"):
        to_db(datetime(2026, 1, 2))
