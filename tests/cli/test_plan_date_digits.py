"""`drillbit plan --interview` with a date typed in digits that are not ASCII (an input
method's full-width digits, Arabic-Indic ones) or a Unicode dash: Python's int() reads
such digits, and '２０２７-01-20' was refused as "not a date: January 2027 has 31 days",
which is true of January and says nothing of the date typed."""

from __future__ import annotations

import pytest

from tests.conftest import FIXED_NOW, RunDrillbit


@pytest.mark.parametrize(
    ("typed", "odd", "name"),
    [
        ("２０２６-07-20", "２", "fullwidth digit two"),
        ("2026-٠٧-20", "٠", "arabic-indic digit zero"),
        ("2026–07–20", "–", "en dash"),
    ],
)
def test_a_date_with_a_character_that_is_not_ascii_names_it(
    drillbit: RunDrillbit, typed: str, odd: str, name: str
) -> None:
    result = drillbit("plan", "--interview", typed, now=FIXED_NOW)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        f"drillbit: Invalid value for '--interview': '{typed}' is not a date written "
        f"YYYY-MM-DD: it has '{odd}' ({name}); write it with the digits 0-9 and '-'"
    )
    assert drillbit("plan", now=FIXED_NOW).stdout.startswith("No plan.")


def test_the_same_date_in_ascii_sets_the_plan(drillbit: RunDrillbit) -> None:
    result = drillbit("plan", "--interview", "2026-07-20", "--json", now=FIXED_NOW)
    assert result.returncode == 0, result.stderr
    assert '"interview": "2026-07-20"' in result.stdout
