"""The number of learning and relearning steps is bounded (MAX_STEPS): `drillbit config
learning_steps` took 10,000 steps and spent 21 s saving and showing them. A list over the
bound is refused in one line, typed or found in config.toml; a list at it is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.settings import MAX_STEPS, Settings, SettingsError, load_settings, with_value
from tests.conftest import RunDrillbit


def _steps(count: int) -> str:
    return ", ".join(f"{minute + 1}m" for minute in range(count))


@pytest.mark.parametrize("key", ["learning_steps", "relearning_steps"])
def test_one_step_over_the_bound_is_refused_and_nothing_saved(
    drillbit: RunDrillbit, _isolated_home: Path, key: str
) -> None:
    refused = drillbit("config", key, _steps(MAX_STEPS + 1))
    assert refused.returncode == 2
    assert refused.stderr == (
        f"drillbit: config: {key}: {MAX_STEPS + 1} steps are too many: at most {MAX_STEPS}\n"
    )
    assert not (_isolated_home / "config.toml").exists()


def test_steps_at_the_bound_are_saved_in_order(drillbit: RunDrillbit, _isolated_home: Path) -> None:
    saved = drillbit("config", "learning_steps", _steps(MAX_STEPS))
    assert saved.returncode == 0, saved.stderr
    steps = load_settings(_isolated_home / "config.toml").learning_steps
    assert steps == tuple(f"{minute + 1}m" for minute in range(MAX_STEPS))


def test_the_bound_is_a_hundred_and_holds_for_every_way_in() -> None:
    """Typed, or read as a list (config.toml, a backup's settings): both checks refuse it."""
    assert MAX_STEPS == 100
    with pytest.raises(SettingsError, match="10000 steps are too many"):
        with_value(Settings(), "relearning_steps", ",".join(["1m"] * 10_000))
    kept = with_value(Settings(), "relearning_steps", _steps(MAX_STEPS))
    assert len(kept.relearning_steps) == MAX_STEPS


def test_config_toml_with_too_many_steps_is_named_at_its_line(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    config = _isolated_home / "config.toml"
    listed = ", ".join(['"1m"'] * (MAX_STEPS + 1))
    config.write_text(f"learning_steps = [{listed}]\n", encoding="utf-8")
    shown = drillbit("config", "learning_steps")
    assert shown.returncode == 1 and shown.stdout == ""  # never the file's 101 steps
    said = shown.stderr.splitlines()
    assert len(said) == 1 and said[0].startswith(f"drillbit: settings: {config}:1: ")
    assert f"{MAX_STEPS + 1} steps are too many: at most {MAX_STEPS}; repair: " in said[0]
