"""The Hypothesis profile every property test runs under (tests/conftest.py)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def test_the_profile_draws_the_same_examples_and_ignores_the_clock() -> None:
    """Derandomized (no example database either), and nothing timed: no deadline per
    example, no too_slow health check. tests/hostile/test_import_files.py's property test
    had Hypothesis's default 200 ms per example, a limit a starved process can pass."""
    profile = settings.default
    assert profile is not None and settings.get_current_profile_name() == "drillbit"
    assert profile.derandomize and profile.database is None
    assert profile.deadline is None
    assert HealthCheck.too_slow in profile.suppress_health_check


_DRAWN: list[list[int]] = []


@settings(max_examples=20)
@given(st.lists(st.integers()))
def _record(values: list[int]) -> None:
    _DRAWN.append(values)


def test_two_runs_of_a_property_test_draw_the_same_examples() -> None:
    """What `--hypothesis-seed` would vary, the profile fixes: a failure seen once is seen
    on every run (derandomize wins over a seed given on the command line)."""
    _record()
    first = list(_DRAWN)
    _DRAWN.clear()
    _record()
    assert _DRAWN == first and len(first) == 20
