"""`drillbit config learning_steps 1m 10m`, steps typed unquoted as the help's "commas or
spaces" reads, is saved as the list; another key given more than one word is refused
naming the key. Both were click's "Got unexpected extra argument (10m)"."""

from __future__ import annotations

import pytest

from quiz.settings import load_settings
from tests.conftest import RunDrillbit


@pytest.mark.parametrize(
    ("words", "steps"),
    [(("1m", "10m", "1h"), ("1m", "10m", "1h")), (("5m,", "15m"), ("5m", "15m"))],
)
def test_steps_typed_unquoted_are_one_list(
    drillbit: RunDrillbit, words: tuple[str, ...], steps: tuple[str, ...]
) -> None:
    saved = drillbit("config", "learning_steps", *words)
    assert saved.returncode == 0, saved.stderr
    assert load_settings().learning_steps == steps


def test_a_bad_step_among_them_is_named(drillbit: RunDrillbit) -> None:
    refused = drillbit("config", "relearning_steps", "10m", "soon")
    assert refused.returncode == 2
    assert "'soon' is not a duration" in refused.stderr
    assert load_settings().relearning_steps == ("10m",)  # nothing saved


@pytest.mark.parametrize("key", ["new_per_day", "minutes_per_day"])
def test_another_key_given_two_words_is_refused_naming_it(drillbit: RunDrillbit, key: str) -> None:
    refused = drillbit("config", key, "5", "6")
    assert refused.returncode == 2
    assert refused.stderr.splitlines()[0] == (
        f"drillbit: {key} takes one VALUE and was given 2 (5 6); quote a value that has spaces"
    )
    assert load_settings().new_per_day == 20
