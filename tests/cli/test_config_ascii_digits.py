"""Numbers in the settings are read from the digits 0-9 only, as Anki reads them: fullwidth
`１０m` was saved as a learning step (Python's `\\d` and `float` read it) and `９０%` as a
retention, while `４` for day_starts_at was refused. Each is now refused with the setting,
the value and what was likely meant, typed or found in config.toml; `drillbit plan`'s
numbers alike."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from quiz.settings import (
    Settings,
    SettingsError,
    as_ascii_digits,
    from_percent,
    step_duration,
    with_value,
)
from tests.conftest import RunDrillbit


def test_a_fullwidth_step_typed_is_refused_and_nothing_saved(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    refused = drillbit("config", "learning_steps", "1m, １０m")
    assert refused.returncode == 2
    assert refused.stderr == (
        "drillbit: config: learning_steps: '１０m' is not a duration: digits 0-9 only: "
        "did you mean '10m'?\n"
    )
    assert not (_isolated_home / "config.toml").exists()


def test_a_fullwidth_step_in_config_toml_is_named_with_its_line(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    (_isolated_home / "config.toml").write_text(
        'new_per_day = 5\nrelearning_steps = ["1m", "１٠m"]\n', encoding="utf-8"
    )
    told = drillbit("stats")
    assert told.stderr.splitlines()[0].startswith(
        f"drillbit: settings: {_isolated_home / 'config.toml'}:2: "
        'relearning_steps = ["1m", "１٠m"]: \'１٠m\' is not a duration: digits 0-9 only: '
        "did you mean '10m'?; repair: "
    ), told.stderr


@pytest.mark.parametrize(
    ("key", "typed", "hint"),
    [
        ("desired_retention", "９０%", "did you mean 90%?"),
        ("desired_retention", "０.９", "did you mean 0.9?"),
        ("day_starts_at", "４", "did you mean 4?"),
        ("new_per_day", "２０", "did you mean 20?"),
    ],
)
def test_other_numbers_with_other_digits_are_refused_with_the_meant_one(
    key: str, typed: str, hint: str
) -> None:
    with pytest.raises(SettingsError) as refused:
        with_value(Settings(), key, typed)
    message = str(refused.value)
    assert message.startswith(f"{key}: '{typed}' is not ")
    assert message.endswith(f" (digits 0-9 only: {hint})")


def test_the_same_values_in_ascii_are_taken() -> None:
    settings = Settings()
    for key, typed in [
        ("learning_steps", "1m 10m"),
        ("desired_retention", "90%"),
        ("desired_retention", "0.9"),
        ("day_starts_at", "4"),
        ("new_per_day", "20"),
    ]:
        settings = with_value(settings, key, typed)
    assert settings.learning_steps == ("1m", "10m")
    assert (settings.desired_retention, settings.day_starts_at) == (0.9, 4)
    assert settings.new_per_day == 20
    assert with_value(settings, "learning_steps", "1.5h").learning_steps == ("1.5h",)


def test_every_reader_of_a_step_or_percent_refuses_them_alike() -> None:
    assert step_duration("10m") == timedelta(minutes=10)
    with pytest.raises(ValueError, match="is not a duration"):
        step_duration("１０m")
    assert from_percent("95%") == 0.95
    assert from_percent("９５%") is None
    assert as_ascii_digits("１٠m") == "10m"
    assert as_ascii_digits("10m") is None
    assert as_ascii_digits("²m") is None  # a superscript is no decimal digit: left as typed


@pytest.mark.parametrize(
    ("option", "typed", "said"),
    [
        ("--minutes-per-day", "３０", "'３０' is not a number: digits 0-9 only (did you mean 30?)"),
        ("--target", "９０%", "'９０%' is not a percentage: digits 0-9 only (did you mean 90%?)"),
    ],
)
def test_plan_numbers_with_other_digits_are_refused(
    drillbit: RunDrillbit, option: str, typed: str, said: str
) -> None:
    refused = drillbit("plan", option, typed)
    assert refused.returncode == 2
    assert refused.stderr.splitlines()[0].startswith(
        f"drillbit: Invalid value for '{option}': {said}; give one from "
    )
