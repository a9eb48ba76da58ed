"""`drillbit lint --drill-timeout` is a number of seconds from 0.1 to 3600, told as the other
number options tell theirs.

It was click's FloatRange: `nan` passed its range check (NaN compares false with both
bounds), and lint then reported every drill's starter of the bank as one that "did not
finish within nan s" (exit 1, a problem in each card that has none); `0` and `1e309` were
refused in click's notation, "0.0 is not in the range 0.1<=x<=3600." and "inf is not ...".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO, RunDrillbit

CARD = REPO / "content" / "deep-training" / "schedules" / "warmup-cosine.md"
"""A coding card: lint grades its starter within the time given."""


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("nan", "'nan' is not a number; give one from 0.1 to 3600"),
        ("NaN", "'NaN' is not a number; give one from 0.1 to 3600"),
        ("soon", "'soon' is not a number; give one from 0.1 to 3600"),
        ("0", "0 is out of range; give one from 0.1 to 3600"),
        ("-1", "-1 is out of range; give one from 0.1 to 3600"),
        ("1e309", "1e309 is out of range; give one from 0.1 to 3600"),
        ("inf", "inf is out of range; give one from 0.1 to 3600"),
        ("3601", "3601 is out of range; give one from 0.1 to 3600"),
    ],
)
def test_a_timeout_that_is_no_number_of_seconds_is_refused_before_anything_runs(
    tmp_path: Path, drillbit: RunDrillbit, typed: str, said: str
) -> None:
    refused = drillbit("lint", "--drill-timeout", typed, str(CARD), cwd=tmp_path)
    assert refused.returncode == 2, refused.stdout + refused.stderr
    first = refused.stderr.splitlines()[0]
    assert first == f"drillbit: Invalid value for '--drill-timeout': {said}", refused.stderr
    assert "nan s" not in refused.stdout and "did not finish" not in refused.stdout


def test_a_timeout_within_the_range_lints_the_card(tmp_path: Path, drillbit: RunDrillbit) -> None:
    linted = drillbit("lint", "--drill-timeout", "30", str(CARD), cwd=tmp_path)
    assert linted.returncode == 0, linted.stdout + linted.stderr
    assert "did not finish" not in linted.stdout
